import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { units } from '../identity/model.js';
import { distributionPoints, samplingSlots, testCapacity } from './model.js';
import { isoWeekOf, newKitCode } from './rules.js';
import { insertKits } from './store.js';
import { stockholmTime } from '../platform/time.js';

const hours = { vardcentral: 'mån–fre 8–17', pharmacy: 'mån–fre 9–19, lör 10–15', station: 'alla dagar 8–20' } as const;

/**
 * The testing part of the demo region: distribution points at every vårdcentral, a pharmacy per
 * municipality and the drive-in station; a batch of kits; a week of bookable times; declared capacity.
 */
export async function loadTestingDemo(tx: Db, regionId: string, now: Date): Promise<void> {
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
}
