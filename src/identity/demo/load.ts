import { and, eq, sql } from 'drizzle-orm';
import type { StaffRole } from '../../platform/auth/roles.js';
import type { Database } from '../../platform/db/client.js';
import { persons, staff, units } from '../model.js';
import { insertPersons, type NewPerson } from '../store.js';
import { loadGeo } from '../geo.js';
import { generatePopulation, type DemoPerson, type DemoUnit } from './population.js';

export interface DemoOptions {
  regionId: string;
  size: number;
  seed: number;
  now: Date;
  onProgress?: (message: string) => void;
}

/** The region's own service units that the population generator does not make: stations, labs, Smittskydd. */
function serviceUnits(regionId: string, municipalityCode: string, postalCode: string, town: string) {
  const unit = (kind: DemoUnit['kind'] | 'sampling_station' | 'lab' | 'vaccination_site' | 'smittskydd' | 'ward', name: string, capacity?: number) => ({
    regionId,
    id: crypto.randomUUID(),
    kind,
    name,
    municipalityCode,
    postalCode,
    capacity: capacity ?? null,
    synthetic: true,
  });
  return [
    unit('sampling_station', `Provtagningsstation ${town} drive-in`, 400),
    unit('sampling_station', `Provtagningsbuss ${town}`, 120),
    unit('lab', `Laboratoriemedicin, Universitetssjukhuset ${town}`, 3000),
    unit('vaccination_site', `Vaccinationscentrum ${town} arena`, 1200),
    unit('smittskydd', `Smittskydd ${town}`),
    unit('ward', `Infektionskliniken avd 12, Universitetssjukhuset ${town}`, 24),
  ];
}

const demoStaff: { role: StaffRole; name: string; unit?: 'sampling_station' | 'lab' | 'vaccination_site' | 'smittskydd' | 'vardcentral' | 'ward' }[] = [
  { role: 'sampler', name: 'Karin Lindqvist', unit: 'sampling_station' },
  { role: 'lab', name: 'Johan Ek', unit: 'lab' },
  { role: 'clinician', name: 'Dr. Elin Strand', unit: 'vardcentral' },
  { role: 'clinician', name: 'Jonas Vik', unit: 'ward' },
  { role: 'tracer', name: 'Sara Holm', unit: 'smittskydd' },
  { role: 'tracer', name: 'Ali Hassan', unit: 'smittskydd' },
  { role: 'tracing_coordinator', name: 'Maria Berg', unit: 'smittskydd' },
  { role: 'smittskydd', name: 'Dr. Per Nyström', unit: 'smittskydd' },
  { role: 'vaccinator', name: 'Lena Sjöberg', unit: 'vaccination_site' },
  { role: 'site_manager', name: 'Anders Forsberg', unit: 'vaccination_site' },
  { role: 'vaccine_coordinator', name: 'Eva Wallin' },
  { role: 'certificate_admin', name: 'Nils Åkesson' },
  { role: 'analyst', name: 'Sofia Engström' },
  { role: 'region_admin', name: 'Henrik Dahl' },
  { role: 'national_analyst', name: 'Ingrid Lund (SKR)' },
  { role: 'committee_secretary', name: 'Karl Nordin' },
  { role: 'committee_member', name: 'Birgitta Löf' },
];

/**
 * Loads a synthetic demo population into a region, all marked synthetic. Runs in one transaction and
 * does nothing when the region already has synthetic people, so a second start reuses what is there.
 */
/** 'Nils Åkesson' in region 18 → nils.akesson@region18.demo.example (an address that reaches no one). */
const demoEmail = (name: string, regionId: string) =>
  `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}@region${regionId}.demo.example`;

export async function loadDemoRegion(database: Database, opts: DemoOptions): Promise<{ people: number; units: number; staff: number; skipped: boolean }> {
  const { regionId } = opts;
  const [existing] = await database.db.select({ n: sql<number>`count(*)::int` }).from(persons).where(and(eq(persons.regionId, regionId), eq(persons.synthetic, true)));
  if ((existing?.n ?? 0) > 0) return { people: existing!.n, units: 0, staff: 0, skipped: true };

  opts.onProgress?.(`Generating ${opts.size.toLocaleString('sv-SE')} synthetic people…`);
  const geo = loadGeo();
  const population = generatePopulation(geo, { regionCode: regionId, size: opts.size, seed: opts.seed, now: opts.now });
  // The region's hospital, lab and mass-vaccination site stand in the town where most people live (counted
  // by town, not by postcode: a city spreads over many postcodes), at its most common postcode.
  const townOf = (p: { municipalityCode: string; locality: string }) => `${p.municipalityCode}|${p.locality}`;
  const seat = mostCommon(population.people.map(townOf));
  const seatPostalCode = mostCommon(population.people.filter((p) => townOf(p) === seat).map((p) => p.postalCode));
  const [seatMunicipality, seatLocality] = (seat ?? '').split('|');
  const extra = seat && seatPostalCode ? serviceUnits(regionId, seatMunicipality!, seatPostalCode, titleCase(seatLocality!)) : [];

  return database.db.transaction(async (tx) => {
    const unitRows = [...population.units.map((u) => ({ regionId, id: u.id, kind: u.kind, name: u.name, municipalityCode: u.municipalityCode, postalCode: u.postalCode, capacity: u.capacity ?? null, synthetic: true })), ...extra];
    for (let i = 0; i < unitRows.length; i += 1000) await tx.insert(units).values(unitRows.slice(i, i + 1000));
    opts.onProgress?.('Writing people…');
    await insertPersons(
      tx,
      regionId,
      population.people.map(demoPersonRow(regionId)),
    );
    const unitOfKind = (kind: string | undefined) => (kind ? unitRows.find((u) => u.kind === kind)?.id ?? null : null);
    await tx.insert(staff).values(demoStaff.map((s) => ({ regionId, name: s.name, role: s.role, unitId: unitOfKind(s.unit), hsaId: null, email: demoEmail(s.name, regionId), synthetic: true })));
    return { people: population.people.length, units: unitRows.length, staff: demoStaff.length, skipped: false };
  });
}

/** A generated person as the person store takes it. */
export const demoPersonRow =
  (regionId: string) =>
  (p: DemoPerson): NewPerson => ({ ...p, issuingRegion: p.idKind === 'reservnummer' ? regionId : null, synthetic: true });

const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
