import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { reportPositive } from './positives.js';
import { demoCitizen, demoStaff, DESKTOP, expectNoProblems, useE2e, visible, type User } from './session.js';

/**
 * Calls with outcomes (issue 20, section 1): the lab reports a positive through the API, a tracer takes the case
 * from the queue, records two calls that reach nobody and then one that reaches the index, each with its outcome,
 * duration and note, and the queue's status column follows the case.
 */
describeInBrowser('tracing: a tracer takes a case and records its calls (chromium)', () => {
  const e2e = useE2e();
  let lab: User;
  let citizen: User;
  let tracer: User;
  let citizenName = '';

  beforeAll(async () => {
    lab = await e2e.newUser(DESKTOP);
    citizen = await e2e.newUser(DESKTOP);
    tracer = await e2e.newUser(DESKTOP);
  });

  it('a tracer takes a case, records two unreached calls and a reached one with its outcome', async () => {
    citizenName = await e2e.login(citizen, demoCitizen);
    await reportPositive(e2e, lab, citizen);

    await e2e.login(tracer, demoStaff('Smittspårare', 'Sara Holm'));
    const { page } = tracer;
    const main = await e2e.openFromMainMenu(tracer, 'Smittspårning', '/tracing');
    await visible(main.getByRole('heading', { level: 1, name: 'Smittspårning – ärendekö' }));
    await main.getByLabel('Alla').check();
    const queue = main.getByRole('table', { name: 'Ärenden i kön' });
    const take = queue.getByRole('button', { name: `Ta ärendet för ${citizenName}` });
    // The outbox worker opens the case within seconds: refresh the queue until it is there.
    await expect
      .poll(
        async () => {
          if ((await take.count()) > 0) return true;
          await main.getByRole('button', { name: 'Uppdatera' }).click();
          await page.waitForLoadState('networkidle');
          return (await take.count()) > 0;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    const row = queue.getByRole('row', { name: new RegExp(citizenName) });
    await visible(row.getByText('Ej tagen'));
    await take.click();
    await visible(main.getByText(`Ärendet för ${citizenName} är ditt.`));
    await visible(row.getByText('Tagen, ej ringd'));
    await visible(row.getByText('Sara Holm'));

    await row.getByRole('link', { name: citizenName, exact: true }).click();
    await page.waitForURL(/\/tracing\/cases\/[0-9a-f-]{36}$/);
    const calls = main.getByRole('region', { name: 'Samtal och bedömning' });
    const record = async (outcome: string, minutes: string, note: string) => {
      await calls.getByRole('radio', { name: outcome }).check();
      await calls.getByLabel(/^Samtalets längd/).fill(minutes);
      await calls.getByLabel('Anteckning').fill(note);
      await calls.getByRole('button', { name: 'Registrera samtal' }).click();
      await visible(calls.getByText(`Samtalet är registrerat: ${outcome}.`));
    };
    await record('Inget svar', '1', 'Röstbrevlåda');
    await visible(calls.getByText('1 samtal utan svar'));
    await record('Fel nummer', '0', 'Numret går till ett företag');
    await visible(calls.getByText('2 samtal utan svar'));
    await visible(calls.getByText('Indexet är inte nått än.'));
    await record('Nådd', '12', 'Förhållningsregler givna, hushållet informerat');
    await visible(calls.getByText('Nådd', { exact: true }).first());
    await visible(calls.getByText('Indexet nåddes första gången', { exact: false }));

    const log = calls.getByRole('table', { name: 'Samtal med indexet' });
    const outcomes = await log.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent)));
    expect(outcomes).toEqual([
      ['Inget svar', '1 min', 'Röstbrevlåda', 'Sara Holm'],
      ['Fel nummer', '0 min', 'Numret går till ett företag', 'Sara Holm'],
      ['Nådd', '12 min', 'Förhållningsregler givna, hushållet informerat', 'Sara Holm'],
    ]);

    await main.getByRole('link', { name: 'Till ärendekön' }).click();
    await visible(main.getByRole('table', { name: 'Ärenden i kön' }).getByRole('row', { name: new RegExp(citizenName) }).getByText('Nådd', { exact: true }));
    await expectNoProblems(lab);
    await expectNoProblems(tracer);
  });
});
