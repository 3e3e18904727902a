import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { units } from '../identity/model.js';
import { distributionPoints, samplingSlots, testCapacity } from './model.js';
import { isoWeekDates, isoWeekOf, newKitCode } from './rules.js';
import { insertKits } from './store.js';
import { stockholmTime } from '../platform/time.js';
import { record } from '../platform/audit/audit.js';
import { systemActor } from '../platform/auth/actor.js';
import { queryRows } from '../platform/db/sql.js';
import { mulberry32, regionSeed } from '../platform/random.js';
import type { Collection, TestResult, TestType } from './model.js';

const hours = { vardcentral: 'mån–fre 8–17', pharmacy: 'mån–fre 9–19, lör 10–15', station: 'alla dagar 8–20' } as const;

/**
 * The testing part of the demo region: distribution points at every vårdcentral, a pharmacy per
 * municipality and the drive-in station; a batch of kits; a week of bookable times; declared capacity.
 */
export async function loadTestingDemo(tx: Db, regionId: string, now: Date, seed: number): Promise<void> {
  const all = await tx.select().from(units).where(and(eq(units.regionId, regionId), eq(units.synthetic, true)));
  const points = [
    ...all.filter((u) => u.kind === 'vardcentral').map((u) => ({ kind: 'vardcentral' as const, name: `${u.name} (provbox)`, u })),
    ...all.filter((u) => u.kind === 'sampling_station').map((u) => ({ kind: 'station' as const, name: u.name, u })),
    ...[...new Map(all.filter((u) => u.kind === 'vardcentral').map((u) => [u.municipalityCode, u])).values()].map((u) => ({
      kind: 'pharmacy' as const,
      name: `Apoteket ${u.name.split(',').pop()?.trim() ?? ''}`.trim(),
      u,
    })),
  ];
  await tx.insert(distributionPoints).values(
    points.map((p) => ({ regionId, kind: p.kind, name: p.name, streetAddress: null, postalCode: p.u.postalCode, municipalityCode: p.u.municipalityCode, openingHours: hours[p.kind] })),
  );
  await insertKits(tx, regionId, 'pcr', 'demo', Array.from({ length: 500 }, () => newKitCode()));
  await insertKits(tx, regionId, 'antigen', 'demo', Array.from({ length: 100 }, () => newKitCode()));

  const stations = all.filter((u) => u.kind === 'sampling_station');
  const slots = [];
  for (let day = 0; day < 7; day++) {
    const date = new Date(now.getTime() + day * 86_400_000).toISOString().slice(0, 10);
    for (const station of stations) {
      for (let minute = 8 * 60; minute < 18 * 60; minute += 15) {
        const start = stockholmTime(date, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
        slots.push({ regionId, stationId: station.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 15 * 60_000).toISOString(), testType: 'pcr' as const, capacity: 4 });
      }
    }
  }
  for (let i = 0; i < slots.length; i += 1000) await tx.insert(samplingSlots).values(slots.slice(i, i + 1000));

  const labsAndStations = all.filter((u) => u.kind === 'lab' || u.kind === 'sampling_station');
  const weeks = Array.from({ length: 60 }, (_, i) => isoWeekOf(new Date(now.getTime() - (52 - i) * 7 * 86_400_000)));
  const capacity: (typeof testCapacity.$inferInsert)[] = [];
  for (const isoWeek of new Set(weeks)) {
    for (const u of labsAndStations) {
      if (u.kind === 'lab') {
        capacity.push({ regionId, unitId: u.id, isoWeek, testType: 'pcr', testsPerWeek: u.capacity ?? 3000 });
        capacity.push({ regionId, unitId: u.id, isoWeek, testType: 'serology', testsPerWeek: 400 });
      } else capacity.push({ regionId, unitId: u.id, isoWeek, testType: 'antigen', testsPerWeek: (u.capacity ?? 100) * 2 });
    }
  }
  for (let i = 0; i < capacity.length; i += 1000) await tx.insert(testCapacity).values(capacity.slice(i, i + 1000)).onConflictDoNothing();

  await loadTestingHistory(tx, regionId, now, seed);
}

// --- A year of history ----------------------------------------------------------------------------

const seededUuid = (random: () => number) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The epidemic over the 52 weeks: three waves (late winter, a small summer one, a large one in autumn), 0 to about 1.3. */
export function demoWave(weekIndex: number): number {
  const wave = (peak: number, width: number, height: number) => height * Math.exp(-(((weekIndex - peak) / width) ** 2));
  return wave(6, 4, 1.0) + wave(28, 3, 0.45) + wave(45, 4, 1.3);
}

/** Another provider that samples on the region's behalf (made up, neutral). */
export const DEMO_OTHER_PROVIDER = 'Privat vårdgivare AB';

const DAY = 86_400_000;
const weekdayWeight = [1.25, 1.2, 1.1, 1.05, 0.95, 0.75, 0.7]; // Monday … Sunday

/**
 * About a year (52 weeks back from `now`) of synthetic samples with answers for the demo population, for
 * the statistics pages: waves of 3–9 % positive, mostly PCR (self-sampling kits and staff), antigen taken
 * mostly by staff, some serology, and a share taken by another provider. History only: no messages, no
 * events; one audit row says it was loaded. Set-based (unnest), deterministic for a seed and the region (two
 * regions started with one seed get different samples and sample ids).
 */
export async function loadTestingHistory(tx: Db, regionId: string, now: Date, seed = 2021): Promise<{ samples: number }> {
  const random = mulberry32(regionSeed(seed, regionId));
  const people = (await queryRows<{ id: string }>(tx, sql`SELECT id FROM persons WHERE region_id = ${regionId} AND synthetic AND merged_into IS NULL ORDER BY id`)).map((p) => p.id);
  if (people.length === 0) return { samples: 0 };
  const unitRows = await tx.select({ id: units.id, kind: units.kind }).from(units).where(and(eq(units.regionId, regionId), eq(units.synthetic, true)));
  const stations = unitRows.filter((u) => u.kind === 'sampling_station').map((u) => u.id);
  const labs = unitRows.filter((u) => u.kind === 'lab').map((u) => u.id);
  const pick = <T,>(xs: T[]): T | null => (xs.length === 0 ? null : xs[Math.floor(random() * xs.length)]!);
  // Test volume scales with the population: ~1 % of people a week at baseline, ~4 % at the top of a wave.
  const base = people.length * 0.01;
  const perWave = people.length * 0.03;

  const cols = {
    id: [] as string[], person: [] as string[], testType: [] as TestType[], collection: [] as Collection[], unit: [] as (string | null)[],
    provider: [] as (string | null)[], takenAt: [] as string[], week: [] as string[], receivedAt: [] as (string | null)[], lab: [] as (string | null)[],
    method: [] as string[], result: [] as (TestResult | null)[], resultAt: [] as (string | null)[], answeredAt: [] as (string | null)[],
  };
  const firstWeek = isoWeekOf(new Date(now.getTime() - 52 * 7 * DAY));
  for (let w = 0; w <= 52; w++) {
    const week = isoWeekOf(new Date(now.getTime() - (52 - w) * 7 * DAY));
    const monday = isoWeekDates(week).monday;
    const wave = demoWave(w);
    const positivity = 0.03 + 0.06 * Math.min(1, wave);
    const tests = Math.round((base + perWave * wave) * (0.9 + random() * 0.2));
    for (let i = 0; i < tests; i++) {
      // A weekday by weight, a time between 07:00 and 20:59.
      let r = random() * 7.0;
      let day = 0;
      while (day < 6 && r > weekdayWeight[day]!) r -= weekdayWeight[day++]!;
      const date = new Date(Date.parse(`${monday}T00:00:00Z`) + day * DAY).toISOString().slice(0, 10);
      const taken = stockholmTime(date, `${String(7 + Math.floor(random() * 14)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`);
      if (taken > now) continue;
      const kind = random();
      const testType: TestType = kind < 0.8 ? 'pcr' : kind < 0.93 ? 'antigen' : 'serology';
      const collection: Collection = testType === 'pcr' ? (random() < 0.6 ? 'self' : 'staff') : testType === 'antigen' ? (random() < 0.85 ? 'staff' : 'self') : 'staff';
      const provider = collection === 'staff' && testType !== 'serology' && random() < 0.12 ? DEMO_OTHER_PROVIDER : null;
      const ageHours = (now.getTime() - taken.getTime()) / 3_600_000;
      const answered = testType === 'antigen' ? ageHours > 1 : ageHours > 30 || (ageHours > 12 && random() < 0.5);
      const p = testType === 'serology' ? positivity * 2.5 : testType === 'antigen' ? positivity * 0.8 : positivity;
      const roll = random();
      const result: TestResult | null = !answered ? null : roll < 0.012 ? 'not_assessable' : roll < 0.012 + p ? 'positive' : 'negative';
      const hours = (h: number) => new Date(taken.getTime() + h * 3_600_000).toISOString();
      const analysedAfter = testType === 'antigen' ? 0.25 : 14 + random() * 12;
      cols.id.push(seededUuid(random));
      cols.person.push(people[Math.floor(random() * people.length)]!);
      cols.testType.push(testType);
      cols.collection.push(collection);
      cols.unit.push(collection === 'staff' && provider === null ? pick(stations) : null);
      cols.provider.push(provider);
      cols.takenAt.push(taken.toISOString());
      cols.week.push(week);
      cols.receivedAt.push(testType === 'antigen' ? null : ageHours > 6 ? hours(6) : null);
      cols.lab.push(testType === 'antigen' ? null : pick(labs));
      cols.method.push(testType === 'pcr' ? 'RT-PCR' : testType === 'antigen' ? 'Antigen, snabbtest' : 'IgG');
      cols.result.push(result);
      cols.resultAt.push(result ? hours(analysedAfter) : null);
      cols.answeredAt.push(result ? hours(analysedAfter + 0.1) : null);
    }
  }

  const n = cols.id.length;
  const slice = <T,>(xs: T[], i: number) => sql.param(xs.slice(i, i + 10_000));
  for (let i = 0; i < n; i += 10_000) {
    await tx.execute(sql`
      INSERT INTO samples (region_id, id, person_id, test_type, collection, collecting_unit_id, provider, taken_at, taken_week, registered_at,
        received_at, lab_unit_id, method, result, result_at, answered_at)
      SELECT ${regionId}, id, person_id, test_type, collection, unit, provider, taken_at, week, taken_at, received_at, lab, method, result, result_at, answered_at
      FROM unnest(${slice(cols.id, i)}::uuid[], ${slice(cols.person, i)}::uuid[], ${slice(cols.testType, i)}::text[], ${slice(cols.collection, i)}::text[],
        ${slice(cols.unit, i)}::uuid[], ${slice(cols.provider, i)}::text[], ${slice(cols.takenAt, i)}::timestamptz[], ${slice(cols.week, i)}::text[],
        ${slice(cols.receivedAt, i)}::timestamptz[], ${slice(cols.lab, i)}::uuid[], ${slice(cols.method, i)}::text[], ${slice(cols.result, i)}::text[],
        ${slice(cols.resultAt, i)}::timestamptz[], ${slice(cols.answeredAt, i)}::timestamptz[])
        AS t(id, person_id, test_type, collection, unit, provider, taken_at, week, received_at, lab, method, result, result_at, answered_at)`);
  }
  await record(tx, systemActor(regionId, 'Demoladdare'), {
    action: 'testing.demo.history.loaded',
    purpose: 'syntetisk demohistorik',
    details: { samples: n, fromWeek: firstWeek, toWeek: isoWeekOf(now), seed },
  });
  return { samples: n };
}
