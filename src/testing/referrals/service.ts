/** Referrals (remisser): a clinician orders a lab test for a person; the lab answers it as it answers a kit. */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { personalDataScope } from '../../platform/auth/permissions.js';
import { record, recordMany } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { resolveInRegion } from '../../platform/db/resolve.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { contactsOf } from '../../identity/contacts.js';
import { formatIdentityNumber } from '../../identity/identity-number.js';
import { units } from '../../identity/model.js';
import { identityNumberInput } from '../../identity/service.js';
import { findPersonIdByIdentifier, listIdentifiers } from '../../identity/store.js';
import type { Collection, ReferralUrgency, TestResult, TestType } from '../model.js';
import { referrals } from '../model.js';
import { formatKitCode, isoWeekOf, newKitCode } from '../rules.js';
import * as store from '../store.js';
import { referralLabelPdf } from './label.js';
import { checkSamplingTime, isOverdue, referralState } from './rules.js';
import type { ReferralListQuery, ReferralView, WriteReferralBody } from './schemas.js';

/** Units that write referrals: vårdcentraler and hospital wards. */
const referringKinds = new Set(['vardcentral', 'ward']);

/** The clinician's own unit: referrals are written and read there. An account without one is the administrator's to fix. */
function unitOf(actor: Actor): string {
  if (actor.kind !== 'staff' || !actor.unitId) throw conflict('Your account belongs to no unit; ask the region administrator to set your vårdcentral or ward');
  return actor.unitId;
}

/**
 * Writes a referral: the person by their identity number in the region, the ordering unit (the clinician's own,
 * a vårdcentral or ward of the region), a sampling time within the limits. The referral's code is a fresh kit id
 * and its sample is registered at once, so the lab scans and answers it like any kit. One transaction; audited.
 */
export async function writeReferral(ctx: AppContext, actor: Actor, input: z.infer<typeof WriteReferralBody>) {
  const regionId = personalDataScope(actor);
  const own = unitOf(actor);
  const now = ctx.clock.now();
  const number = identityNumberInput('identityNumber', input.identityNumber, { now, reserveRegion: regionId });
  const samplingAt = new Date(input.samplingAt);
  const when = checkSamplingTime(samplingAt, now);
  if (!when.ok) throw invalid('samplingAt', when.reason);
  return ctx.database.db.transaction(async (tx) => {
    const unit = await resolveInRegion(tx, units, regionId, input.orderingUnitId ?? own, { field: 'orderingUnitId', what: 'unit' });
    if (!referringKinds.has(unit.kind)) throw invalid('orderingUnitId', 'the unit is not a vårdcentral or a ward');
    if (unit.id !== own) throw invalid('orderingUnitId', 'you write referrals for your own unit only');
    const personId = await findPersonIdByIdentifier(tx, regionId, number.canonical);
    if (!personId) throw invalid('identityNumber', 'no person with this number in your region');
    const code = newKitCode();
    const collection: Collection = input.sampledByStaff ? 'staff' : 'self';
    await store.insertKits(tx, regionId, input.testType, 'referral', [code]);
    await store.claimKit(tx, regionId, code, now.toISOString());
    const sample = await store.insertSample(tx, {
      regionId,
      kitCode: code,
      personId,
      testType: input.testType,
      collection,
      collectingUnitId: unit.id,
      collectedBy: input.sampledByStaff ? actor.id : null,
      takenAt: samplingAt.toISOString(),
      takenWeek: isoWeekOf(samplingAt),
    });
    const [referral] = await tx
      .insert(referrals)
      .values({ regionId, code, personId, sampleId: sample.id, testType: input.testType, indication: input.indication, collection, urgency: input.urgency, orderingUnitId: unit.id, samplingAt: samplingAt.toISOString(), writtenBy: actor.id, writtenAt: now.toISOString() })
      .returning({ id: referrals.id });
    await record(tx, actor, { action: 'testing.referral.written', personId, purpose: 'remiss för provtagning', details: { referralId: referral!.id, sampleId: sample.id } });
    const [view] = await referralViews(tx, ctx, regionId, sql`r.id = ${referral!.id}::uuid`);
    return view!;
  });
}

interface Row {
  id: string;
  code: string;
  person_id: string;
  test_type: TestType;
  indication: string;
  collection: Collection;
  urgency: ReferralUrgency;
  ordering_unit_id: string;
  unit_name: string;
  sampling_at: string;
  written_at: string;
  received_at: string | null;
  result: TestResult | null;
  result_at: string | null;
}

/** Referrals with their sample's progress, newest sampling first; `where` filters on r (referrals) and s (samples). */
async function referralViews(tx: Db, ctx: AppContext, regionId: string, where: ReturnType<typeof sql>, limit = 500): Promise<z.infer<typeof ReferralView>[]> {
  const rows = await queryRows<Row>(
    tx,
    sql`SELECT r.id, r.code, r.person_id, r.test_type, r.indication, r.collection, r.urgency, r.ordering_unit_id, u.name AS unit_name,
          r.sampling_at::text AS sampling_at, r.written_at::text AS written_at, s.received_at::text AS received_at, s.result, s.result_at::text AS result_at
        FROM referrals r
        JOIN samples s ON s.region_id = r.region_id AND s.id = r.sample_id
        JOIN units u ON u.region_id = r.region_id AND u.id = r.ordering_unit_id
        WHERE r.region_id = ${regionId} AND ${where}
        ORDER BY r.sampling_at DESC, r.id LIMIT ${limit}`,
  );
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const contacts = await contactsOf(tx, regionId, personIds);
  const ids = await listIdentifiers(tx, regionId, personIds);
  const numberOf = (personId: string) => {
    const mine = ids.filter((i) => i.personId === personId);
    const primary = mine.find((i) => i.isPrimary) ?? mine[0];
    return primary ? formatIdentityNumber({ kind: primary.kind, canonical: primary.value }) : null;
  };
  const now = ctx.clock.now();
  return rows.map((r) => {
    const progress = { samplingAt: toIso(r.sampling_at), receivedAt: r.received_at ? toIso(r.received_at) : null, result: r.result };
    return {
      id: r.id,
      code: formatKitCode(r.code),
      personId: r.person_id,
      name: contacts.get(r.person_id)?.name ?? '',
      identityNumber: numberOf(r.person_id),
      testType: r.test_type,
      indication: r.indication,
      collection: r.collection,
      urgency: r.urgency,
      orderingUnitId: r.ordering_unit_id,
      orderingUnitName: r.unit_name,
      samplingAt: progress.samplingAt,
      writtenAt: toIso(r.written_at),
      state: referralState(progress, now),
      overdue: isOverdue(progress, now, ctx.config.referralOverdueHours),
      receivedAt: progress.receivedAt,
      result: r.result,
      resultAt: r.result_at ? toIso(r.result_at) : null,
    };
  });
}

const overdueSql = (ctx: AppContext) =>
  sql`s.received_at IS NULL AND s.result IS NULL AND r.sampling_at <= ${new Date(ctx.clock.now().getTime() - ctx.config.referralOverdueHours * 3_600_000).toISOString()}::timestamptz`;

/** The clinician's unit's referrals with their states and answers; `overdue` = not received in time. Every listed person is a read. */
export async function unitReferrals(ctx: AppContext, actor: Actor, q: z.infer<typeof ReferralListQuery>) {
  const regionId = personalDataScope(actor);
  if (actor.kind !== 'staff' || !actor.unitId) return { overdueHours: ctx.config.referralOverdueHours, referrals: [] };
  const unitId = actor.unitId;
  const filter = { all: sql`true`, open: sql`s.result IS NULL`, answered: sql`s.result IS NOT NULL`, overdue: overdueSql(ctx) }[q.state];
  return ctx.database.db.transaction(async (tx) => {
    const list = await referralViews(tx, ctx, regionId, sql`r.ordering_unit_id = ${unitId}::uuid AND ${filter}`);
    await recordMany(tx, actor, list.map((r) => ({ action: 'testing.referral.listed', personId: r.personId, purpose: 'remisser från egen enhet' })));
    return { overdueHours: ctx.config.referralOverdueHours, referrals: list };
  });
}

/** The lab's view: referrals of the region not yet answered, the overdue first. */
export async function expectedReferrals(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const list = (await referralViews(tx, ctx, regionId, sql`s.result IS NULL`)).sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent'));
    await recordMany(tx, actor, list.map((r) => ({ action: 'testing.referral.listed', personId: r.personId, purpose: 'väntade remisser på laboratoriet' })));
    return { overdueHours: ctx.config.referralOverdueHours, referrals: list };
  });
}

/** The label for the tube: the referral id as QR code and text, the person, the test. Only the ordering unit prints it. */
export async function referralLabel(ctx: AppContext, actor: Actor, id: string): Promise<{ code: string; pdf: Buffer }> {
  const regionId = personalDataScope(actor);
  const unitId = unitOf(actor);
  const view = await ctx.database.db.transaction(async (tx) => {
    const row = await resolveInRegion(tx, referrals, regionId, id, { field: 'id', what: 'referral' });
    if (row.orderingUnitId !== unitId) throw notFound('A referral of your unit');
    const [v] = await referralViews(tx, ctx, regionId, sql`r.id = ${row.id}::uuid`);
    await record(tx, actor, { action: 'testing.referral.label', personId: row.personId, purpose: 'etikett för remiss', details: { referralId: row.id } });
    return v!;
  });
  return { code: view.code, pdf: await referralLabelPdf(view) };
}

/** The unit whose referral the sample came from, if any: tracing names it on the case the positive opens. */
export async function referringUnitOfSample(tx: Db, regionId: string, sampleId: string): Promise<string | null> {
  const [row] = await queryRows<{ ordering_unit_id: string }>(tx, sql`SELECT ordering_unit_id FROM referrals WHERE region_id = ${regionId} AND sample_id = ${sampleId}::uuid`);
  return row?.ordering_unit_id ?? null;
}
