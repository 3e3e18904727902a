import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginCookie, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { loadGovernanceDemo } from './demo.js';

let env: TestEnv;
let member: ReturnType<typeof as>;

beforeAll(async () => {
  env = await setupTest();
  await env.database.db.transaction((tx) => loadGovernanceDemo(tx, env.ctx.config.regionId));
  member = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'committee_member')));
});
afterAll(() => env.close());

describe('the seed meeting of 2021-12-01 as demo data', () => {
  it('has the agenda, decisions, checked and posted minutes, and the reported delegated decisions', async () => {
    const { meetings } = (await member({ method: 'GET', url: '/api/governance/meetings' })).json();
    expect(meetings).toMatchObject([{ heldOn: '2021-12-01', postedOn: '2021-12-15' }]);
    const m = (await member({ method: 'GET', url: `/api/governance/meetings/${meetings[0].id}` })).json();
    expect(m.items).toHaveLength(14);
    expect(m.items[2]).toMatchObject({ position: 3, caseNumber: '21RS5471', rapporteur: 'Michaela Larsson', decision: ['att anse medborgarförslaget besvarat.'] });
    expect(m.minutes).toMatchObject({ appealUntil: '2022-01-05', signatures: [{ signer: 'Karin Sundin' }, { signer: 'Behcet Barsom (KD)' }] });
    expect(m.reportedDecisions.map((d: { caseNumber: string }) => d.caseNumber)).toEqual(['21RS8935', '21RS5682', '21RS7901', '21RS1239']);
  });

  it("follows the 1177 audit's recommendations and questions, and numbers new cases of 2021 after the seed's", async () => {
    const overdue = (await member({ method: 'GET', url: '/api/governance/actions?overdue=true' })).json();
    expect(overdue.actions.filter((a: { caseNumber: string }) => a.caseNumber === '21RS8627')).toHaveLength(3);
    const { cases } = (await member({ method: 'GET', url: '/api/governance/cases?type=audit_report' })).json();
    const questions = (await member({ method: 'GET', url: `/api/governance/cases/${cases[0].id}/audit-questions` })).json().questions;
    expect(questions.filter((q: { assessment: string }) => q.assessment === 'partly_met')).toHaveLength(3);
    const [serial] = await env.database.query<{ last_serial: number }>(`SELECT last_serial FROM governance_case_serials WHERE year = 2021`);
    expect(serial!.last_serial).toBe(9619);
  });
});
