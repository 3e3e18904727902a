import type { Actor } from '../platform/auth/actor.js';
import { text as say } from '../platform/text/index.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record, recordMany } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { sqlState, UNIQUE_VIOLATION } from '../platform/db/conflicts.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { stockholmTime } from '../platform/time.js';
import { contactsOf } from '../identity/contacts.js';
import { units } from '../identity/model.js';
import { findPerson, personRecordIds } from '../identity/store.js';
import { applyResults, type ResultOutcome } from './results.js';
import { checkKitCode, formatKitCode, isoWeekOf, newKitCode, sampleStatus } from './rules.js';
import type { z } from 'zod';
import type { BookSamplingBody, CollectSampleBody, CreateSlotsBody, IssueKitsBody, OrderKitBody, RegisterKitBody, RegisterResultBody } from './schemas.js';
import * as store from './store.js';

type Body<T extends z.ZodType> = z.infer<T>;

const kitCodeInput = (raw: string) => {
  const check = checkKitCode(raw);
  if (!check.ok) throw invalid('kitCode', check.reason);
  return check.code;
};

const pointView = (p: Awaited<ReturnType<typeof store.listDistributionPoints>>[number]) => ({
  id: p.id,
  kind: p.kind,
  name: p.name,
  streetAddress: p.streetAddress,
  postalCode: p.postalCode,
  municipalityCode: p.municipalityCode,
  openingHours: p.openingHours,
});

const sampleView = (s: Awaited<ReturnType<typeof store.samplesOf>>[number]) => ({
  id: s.id,
  kitCode: s.kitCode ? formatKitCode(s.kitCode) : null,
  testType: s.testType,
  collection: s.collection,
  takenAt: s.takenAt,
  status: sampleStatus(s),
  // The answer is shown once it has been given, the way it reaches the inbox.
  result: s.answeredAt ? s.result : null,
  resultAt: s.answeredAt ? s.resultAt : null,
});

export async function listPoints(ctx: AppContext, actor: Actor) {
  return (await store.listDistributionPoints(ctx.database.db, actor.regionId)).map(pointView);
}

/** Prints a batch of kits: fresh codes the region will accept at registration. */
export async function issueKits(ctx: AppContext, actor: Actor, input: Body<typeof IssueKitsBody>) {
  const batch = input.batch ?? `${isoWeekOf(ctx.clock.now())}-${newKitCode().slice(0, 4)}`;
  const codes = Array.from({ length: input.count }, () => newKitCode());
  await ctx.database.db.transaction(async (tx) => {
    await store.insertKits(tx, actor.regionId, input.testType, batch, codes);
    await record(tx, actor, { action: 'testing.kits.issued', purpose: 'tillverkning av kit', details: { batch, count: codes.length } });
  });
  return { batch, testType: input.testType, kits: codes.map(formatKitCode) };
}

export async function orderKit(ctx: AppContext, citizen: Actor, input: Body<typeof OrderKitBody>) {
  return ctx.database.db.transaction(async (tx) => {
    const point = await store.findDistributionPoint(tx, citizen.regionId, input.distributionPointId);
    if (!point || !point.active) throw invalid('distributionPointId', say('testing.noDistributionPoint'));
    const order = await store.insertOrder(tx, { regionId: citizen.regionId, personId: citizen.id, testType: input.testType, distributionPointId: point.id, orderedAt: ctx.clock.now().toISOString() });
    await record(tx, citizen, { action: 'testing.kit.ordered', personId: citizen.id, purpose: 'egen beställning' });
    return { id: order.id, testType: order.testType, distributionPoint: pointView(point), orderedAt: order.orderedAt, status: order.status };
  });
}

export async function myTesting(ctx: AppContext, citizen: Actor) {
  const db = ctx.database.db;
  const ids = await personRecordIds(db, citizen.regionId, citizen.id);
  const [orders, samples, points] = await Promise.all([store.ordersOf(db, citizen.regionId, citizen.id), store.samplesOf(db, citizen.regionId, ids), store.listDistributionPoints(db, citizen.regionId)]);
  const pointById = new Map(points.map((p) => [p.id, pointView(p)]));
  return {
    orders: orders.filter((o) => pointById.has(o.distributionPointId)).map((o) => ({ id: o.id, testType: o.testType, distributionPoint: pointById.get(o.distributionPointId)!, orderedAt: o.orderedAt, status: o.status })),
    samples: samples.map(sampleView),
  };
}

/** The citizen registers a kit by its QR code: the kit becomes their sample, linked to their open order. */
export async function registerKit(ctx: AppContext, citizen: Actor, input: Body<typeof RegisterKitBody>) {
  const code = kitCodeInput(input.kitCode);
  const now = ctx.clock.now();
  const takenAt = input.takenAt ? new Date(input.takenAt) : now;
  if (takenAt.getTime() > now.getTime() + 5 * 60_000) throw invalid('takenAt', say('testing.takenAtFuture'));
  return ctx.database.db.transaction(async (tx) => {
    const kit = await store.claimKit(tx, citizen.regionId, code, now.toISOString());
    if (!kit) {
      const existing = await store.findKit(tx, citizen.regionId, code);
      if (!existing) throw invalid('kitCode', say('testing.unknownKit'));
      throw conflict(say('testing.kitRegistered'), 'kitCode');
    }
    const order = await store.openOrderOf(tx, citizen.regionId, citizen.id, kit.testType);
    if (order) await store.markOrderRegistered(tx, citizen.regionId, order.id);
    const sample = await store.insertSample(tx, {
      regionId: citizen.regionId,
      kitCode: code,
      orderId: order?.id ?? null,
      personId: citizen.id,
      testType: kit.testType,
      collection: 'self',
      takenAt: takenAt.toISOString(),
      takenWeek: isoWeekOf(takenAt),
    });
    await record(tx, citizen, { action: 'testing.kit.registered', personId: citizen.id, purpose: 'egen provtagning', details: { sampleId: sample.id } });
    return sampleView(sample);
  });
}

export async function receiveSample(ctx: AppContext, lab: Actor, kitCode: string) {
  const regionId = personalDataScope(lab);
  const code = kitCodeInput(kitCode);
  return ctx.database.db.transaction(async (tx) => {
    const sample = await store.findSampleByKit(tx, regionId, code);
    if (!sample) throw notFound('A registered sample with this kit id');
    const received = (await store.markReceived(tx, regionId, sample.id, lab.kind === 'staff' ? (lab.unitId ?? null) : null, ctx.clock.now().toISOString())) ?? sample;
    await record(tx, lab, { action: 'testing.sample.received', personId: sample.personId, purpose: 'analys', details: { sampleId: sample.id } });
    return sampleView(received);
  });
}

export async function registerResult(ctx: AppContext, lab: Actor, input: Body<typeof RegisterResultBody>): Promise<ResultOutcome> {
  personalDataScope(lab);
  const code = kitCodeInput(input.kitCode);
  const resultAt = input.resultAt ?? ctx.clock.now().toISOString();
  const [outcome] = await ctx.database.db.transaction((tx) =>
    applyResults(tx, lab, [{ kitCode: code, testType: input.testType, result: input.result, resultAt, method: input.method }], { labUnitId: lab.kind === 'staff' ? lab.unitId : null }),
  );
  if (outcome!.status === 'rejected') throw new AppError('conflict', outcome!.reason, outcome!.field);
  return outcome!;
}

// --- Assisted sampling --------------------------------------------------------------------------------

export async function createSlots(ctx: AppContext, actor: Actor, input: Body<typeof CreateSlotsBody>) {
  const start = stockholmTime(input.date, input.from);
  const end = stockholmTime(input.date, input.to);
  if (end <= start) throw invalid('to', say('testing.toAfterFrom'));
  const rows: Parameters<typeof store.insertSlots>[1] = [];
  for (let t = start.getTime(); t + input.minutes * 60_000 <= end.getTime(); t += input.minutes * 60_000) {
    rows.push({ regionId: actor.regionId, stationId: input.stationId, startsAt: new Date(t).toISOString(), endsAt: new Date(t + input.minutes * 60_000).toISOString(), testType: input.testType, capacity: input.capacity });
  }
  const created = await ctx.database.db.transaction(async (tx) => {
    await stationOf(tx, actor.regionId, input.stationId);
    const slots = await store.insertSlots(tx, rows);
    await record(tx, actor, { action: 'testing.slots.created', purpose: 'bokningsbara tider', details: { stationId: input.stationId, date: input.date, count: slots.length } });
    return slots;
  });
  return { created: created.length, skipped: rows.length - created.length };
}

export async function listSlots(ctx: AppContext, actor: Actor, q: { stationId?: string; date: string }) {
  const from = stockholmTime(q.date, '00:00').toISOString();
  const to = new Date(stockholmTime(q.date, '00:00').getTime() + 86_400_000).toISOString();
  const db = ctx.database.db;
  if (q.stationId) await stationOf(db, actor.regionId, q.stationId);
  return store.slotsBetween(db, actor.regionId, q.stationId, from, to);
}

/** A sampling station of the actor's region, or a problem naming `stationId`. */
async function stationOf(tx: Db, regionId: string, id: string) {
  const unit = await resolveInRegion(tx, units, regionId, id, { field: 'stationId', what: 'sampling station' });
  if (unit.kind !== 'sampling_station') throw invalid('stationId', say('testing.notAStation'));
  return unit;
}

/** A phone booking for someone without e-ID: never more bookings than seats (the database decides). */
export async function bookSampling(ctx: AppContext, actor: Actor, input: Body<typeof BookSamplingBody>) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const person = await findPerson(tx, regionId, input.personId);
    if (!person) throw invalid('personId', say('testing.noPerson'));
    const slot = await store.findSlot(tx, regionId, input.slotId);
    if (!slot) throw invalid('slotId', say('testing.noSlot'));
    if (new Date(slot.startsAt) < ctx.clock.now()) throw invalid('slotId', say('testing.slotPassed'));
    if (!(await store.takeSeat(tx, regionId, slot.id))) throw conflict(say('testing.slotFull'), 'slotId');
    const booking = await store.insertBooking(tx, { regionId, slotId: slot.id, personId: person.id, reason: input.reason, phone: input.phone ?? person.phone, bookedBy: actor.id }).catch((e: unknown) => {
      throw sqlState(e) === UNIQUE_VIOLATION ? conflict(say('testing.alreadyBooked'), 'personId') : e;
    });
    await record(tx, actor, { action: 'testing.sampling.booked', personId: person.id, purpose: 'bokning av provtagning', details: { reason: input.reason } });
    return { id: booking.id, slotId: slot.id, personId: person.id, reason: booking.reason, status: booking.status, startsAt: slot.startsAt };
  });
}

/** Staff take a sample (booked or not): it gets a label with a fresh kit id that the lab scans. */
export async function collectSample(ctx: AppContext, actor: Actor, input: Body<typeof CollectSampleBody>) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  const takenAt = input.takenAt ? new Date(input.takenAt) : now;
  return ctx.database.db.transaction(async (tx) => {
    const person = await findPerson(tx, regionId, input.personId);
    if (!person) throw invalid('personId', say('testing.noPerson'));
    if (input.bookingId) {
      const booking = await store.findBooking(tx, regionId, input.bookingId);
      if (!booking || booking.personId !== person.id) throw invalid('bookingId', say('testing.noBooking'));
      await store.markBookingSampled(tx, regionId, booking.id);
    }
    const code = newKitCode();
    await store.insertKits(tx, regionId, input.testType, 'staff-label', [code]);
    await store.claimKit(tx, regionId, code, now.toISOString());
    const sample = await store.insertSample(tx, {
      regionId,
      kitCode: code,
      bookingId: input.bookingId ?? null,
      personId: person.id,
      testType: input.testType,
      collection: 'staff',
      collectingUnitId: actor.kind === 'staff' ? (actor.unitId ?? null) : null,
      collectedBy: actor.id,
      provider: input.provider ?? null,
      takenAt: takenAt.toISOString(),
      takenWeek: isoWeekOf(takenAt),
    });
    await record(tx, actor, { action: 'testing.sample.collected', personId: person.id, purpose: 'provtagning', details: { sampleId: sample.id } });
    return { ...sampleView(sample), kitCode: formatKitCode(code), label: `${person.familyName}, ${person.givenName} · ${formatKitCode(code)}` };
  });
}

/** Negative answers from the assisted track that staff have yet to phone through. */
export async function callList(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await store.unansweredNegatives(tx, regionId);
    const contacts = await contactsOf(tx, regionId, rows.map((r) => r.personId));
    await recordMany(tx, actor, rows.map((r) => ({ action: 'testing.calllist.read', personId: r.personId, purpose: 'besked om provsvar per telefon' })));
    return rows.map((r) => ({ sampleId: r.sampleId, personId: r.personId, name: contacts.get(r.personId)?.name ?? '', phone: r.phone ?? contacts.get(r.personId)?.phone ?? null, takenAt: r.takenAt, resultAt: r.resultAt, attempts: r.attempts }));
  });
}

export async function recordCall(ctx: AppContext, actor: Actor, sampleId: string, outcome: 'reached' | 'no_answer') {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const sample = await store.findSample(tx, regionId, sampleId);
    if (!sample || sample.result !== 'negative' || !sample.bookingId) throw notFound('A negative answer on the call list');
    const now = ctx.clock.now().toISOString();
    await store.insertCall(tx, { regionId, sampleId, calledAt: now, calledBy: actor.id, outcome });
    if (outcome === 'reached') await store.markAnswered(tx, regionId, sampleId, now);
    await record(tx, actor, { action: 'testing.result.phoned', personId: sample.personId, purpose: 'besked om provsvar per telefon', details: { outcome } });
    return { sampleId, outcome };
  });
}
