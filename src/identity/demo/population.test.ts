import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn, parseIdentityNumber } from '../identity-number.js';
import { loadGeo } from '../geo.js';
import { AGE_PYRAMID, generatePopulation, type DemoPerson, type DemoUnit, type Geo, type PopulationOptions } from './population.js';

const geo: Geo = loadGeo();
const NOW = new Date('2025-06-15T10:00:00Z');
const OREBRO: PopulationOptions = { regionCode: '18', size: 30_000, seed: 42, now: NOW };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let units: DemoUnit[];
let people: DemoPerson[];
let unitById: Map<string, DemoUnit>;
const ages = new Map<DemoPerson, number>();
const age = (p: DemoPerson) => ages.get(p)!;
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
const share = (items: DemoPerson[], pred: (p: DemoPerson) => boolean) => items.filter(pred).length / items.length;

beforeAll(() => {
  ({ units, people } = generatePopulation(geo, OREBRO));
  unitById = new Map(units.map((u) => [u.id, u]));
  for (const p of people) ages.set(p, ageOn(p.birthDate, NOW));
});

describe('loadGeo', () => {
  it('reads codes as strings, keeping leading zeros', () => {
    expect(geo.municipalities).toHaveLength(290);
    expect(geo.municipalities).toContainEqual({ code: '0114', name: 'Upplands Väsby', countyCode: '01' });
    expect(geo.postalCodes.length).toBeGreaterThan(15_000);
    expect(geo.postalCodes.every((p) => /^\d{5}$/.test(p.postalCode) && /^\d{4}$/.test(p.municipalityCode))).toBe(true);
  });
});

describe('generatePopulation', () => {
  it('is deterministic by seed', () => {
    const small = { ...OREBRO, size: 2_000 };
    const a = JSON.stringify(generatePopulation(geo, small));
    expect(JSON.stringify(generatePopulation(geo, small))).toBe(a);
    expect(JSON.stringify(generatePopulation(geo, { ...small, seed: 43 }))).not.toBe(a);
  });

  it('has the requested size and unique ids', () => {
    expect(people).toHaveLength(30_000);
    const ids = [...people.map((p) => p.id), ...units.map((u) => u.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
  });

  it('follows the Swedish age pyramid', () => {
    const total = AGE_PYRAMID.reduce((s, b) => s + b.percent, 0);
    for (const band of AGE_PYRAMID) {
      const actual = share(people, (p) => age(p) >= band.from && age(p) <= band.to);
      expect(Math.abs(actual - band.percent / total), `ages ${band.from}–${band.to}`).toBeLessThan(0.002);
    }
    expect(share(people, (p) => age(p) < 20)).toBeCloseTo(0.23, 1);
    expect(share(people, (p) => age(p) >= 65)).toBeCloseTo(0.2, 1);
    const aged80 = share(people, (p) => age(p) >= 80);
    expect(aged80).toBeGreaterThan(0.05);
    expect(aged80).toBeLessThan(0.065);
    expect(people.some((p) => age(p) >= 100)).toBe(true);
  });

  it('gives everyone a valid identity number that matches birth date and sex', () => {
    expect(new Set(people.map((p) => p.identityNumber)).size).toBe(people.length);
    for (const p of people) {
      const id = parseIdentityNumber(p.identityNumber, { now: NOW, reserveRegion: OREBRO.regionCode });
      expect(id.kind).toBe(p.idKind);
      expect(id.canonical).toBe(p.identityNumber);
      if (p.idKind === 'reservnummer') {
        expect([null, p.birthDate]).toContain(id.birthDate);
      } else {
        expect(id.birthDate).toBe(p.birthDate);
        expect(id.legalSex).toBe(p.legalSex);
      }
    }
    const snr = share(people, (p) => p.idKind === 'samordningsnummer');
    const reserve = share(people, (p) => p.idKind === 'reservnummer');
    expect(snr).toBeGreaterThan(0.006);
    expect(snr).toBeLessThan(0.015);
    expect(reserve).toBeGreaterThan(0.001);
    expect(reserve).toBeLessThan(0.006);
  });

  it('gives two regions started with the same seed different people, and never the same personnummer', () => {
    // 20,000 each: drawn from all serials, about a dozen numbers would coincide by chance.
    const [a, b] = ['18', '03'].map((regionCode) => generatePopulation(geo, { regionCode, size: 20_000, seed: OREBRO.seed, now: NOW }).people);
    const [ids, numbers] = [new Set(a!.map((p) => p.id)), new Set(a!.map((p) => p.identityNumber))];
    expect(b!.filter((p) => ids.has(p.id))).toEqual([]);
    expect(b!.filter((p) => numbers.has(p.identityNumber))).toEqual([]);
  });

  it("uses reservnummer in the region's format, or the default one", () => {
    for (const regionCode of ['01', '13', '25']) {
      const { people: others } = generatePopulation(geo, { regionCode, size: 3_000, seed: 1, now: NOW });
      const reserve = others.filter((p) => p.idKind === 'reservnummer');
      expect(reserve.length).toBeGreaterThan(0);
      for (const p of reserve) expect(parseIdentityNumber(p.identityNumber, { now: NOW, reserveRegion: regionCode }).kind).toBe('reservnummer');
    }
  });

  it("lives at real postal codes of the region's municipalities", () => {
    const region = new Set(geo.municipalities.filter((m) => m.countyCode === '18').map((m) => m.code));
    const postal = new Map(geo.postalCodes.filter((p) => region.has(p.municipalityCode)).map((p) => [p.postalCode, p]));
    for (const p of people) {
      const row = postal.get(p.postalCode);
      expect(row, p.postalCode).toBeDefined();
      expect(row!.municipalityCode).toBe(p.municipalityCode);
      expect(row!.locality).toBe(p.locality);
    }
    for (const u of units) expect(postal.get(u.postalCode)?.municipalityCode).toBe(u.municipalityCode);
    // Everyone in all twelve municipalities, the county seat (Örebro, 1880) the largest.
    const byMunicipality = groupBy(people, (p) => p.municipalityCode);
    expect([...byMunicipality.keys()].sort()).toEqual([...region].sort());
    const largest = [...byMunicipality].sort((a, b) => b[1].length - a[1].length)[0]![0];
    expect(largest).toBe('1880');
  });

  it('keeps households at one address, and children with an adult', () => {
    const households = groupBy(people, (p) => p.householdId);
    for (const members of households.values()) {
      const [first] = members;
      for (const m of members) {
        expect([m.municipalityCode, m.postalCode, m.locality, m.streetAddress]).toEqual([first!.municipalityCode, first!.postalCode, first!.locality, first!.streetAddress]);
      }
      if (members.some((m) => age(m) < 18)) expect(members.some((m) => age(m) >= 20)).toBe(true);
    }
    const sizes = [...households.values()].map((m) => m.length);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThan(0);
    expect(sizes.filter((n) => n >= 3).length).toBeGreaterThan(0);
    expect(people.length / households.size).toBeGreaterThan(1.7);
    expect(people.length / households.size).toBeLessThan(2.5);
  });

  it('houses the old in care homes and gives some of them home care', () => {
    const aged80 = people.filter((p) => age(p) >= 80);
    const residents = people.filter((p) => p.careHomeId !== null && unitById.get(p.careHomeId)?.kind === 'care_home');
    expect(residents.every((p) => age(p) >= 65)).toBe(true);
    expect(share(residents, (p) => age(p) >= 80)).toBeGreaterThan(0.75);
    const inCareHome = share(aged80, (p) => p.careHomeId !== null);
    expect(inCareHome).toBeGreaterThan(0.04);
    expect(inCareHome).toBeLessThan(0.075);
    const homeCare = share(aged80, (p) => p.homeCare);
    expect(homeCare).toBeGreaterThan(0.12);
    expect(homeCare).toBeLessThan(0.18);
    expect(residents.every((p) => !p.homeCare)).toBe(true);
    for (const p of residents) expect(p.postalCode).toBe(unitById.get(p.careHomeId!)!.postalCode);
    for (const home of units.filter((u) => u.kind === 'care_home' || u.kind === 'lss_home')) {
      expect(home.capacity!).toBeGreaterThanOrEqual(residents.filter((p) => p.careHomeId === home.id).length);
    }
    const lss = people.filter((p) => p.careHomeId !== null && unitById.get(p.careHomeId)?.kind === 'lss_home');
    expect(lss.every((p) => age(p) >= 18 && age(p) <= 64)).toBe(true);
  });

  it('puts pupils in classes that match their age, and small children in preschools', () => {
    for (const p of people) {
      const unit = p.schoolId === null ? null : unitById.get(p.schoolId);
      if (age(p) >= 6 && age(p) <= 15 && p.careHomeId === null) {
        expect(unit?.kind).toBe('school');
        expect(p.schoolClass).toMatch(new RegExp(`^${age(p) - 6}[ABC]$`));
      } else {
        expect(p.schoolClass).toBeNull();
        if (unit) {
          expect(unit.kind).toBe('preschool');
          expect(age(p)).toBeGreaterThanOrEqual(1);
          expect(age(p)).toBeLessThanOrEqual(5);
        }
      }
      if (unit) expect(unit.municipalityCode).toBe(p.municipalityCode);
    }
    expect(share(people.filter((p) => age(p) >= 3 && age(p) <= 5), (p) => p.schoolId !== null)).toBeGreaterThan(0.9);
  });

  it('employs most people of working age, and nobody else', () => {
    expect(people.filter((p) => p.workplaceId !== null).every((p) => age(p) >= 20 && age(p) <= 66)).toBe(true);
    const employed = share(people.filter((p) => age(p) >= 25 && age(p) <= 64), (p) => p.workplaceId !== null);
    expect(employed).toBeGreaterThan(0.75);
    expect(employed).toBeLessThan(0.92);
    expect(people.every((p) => p.workplaceId === null || unitById.has(p.workplaceId))).toBe(true);
    const staff = people.filter((p) => p.workplaceId !== null && unitById.get(p.workplaceId)!.kind === 'care_home');
    expect(staff.length).toBeGreaterThan(0);
  });

  it('lists everyone at a vårdcentral in their municipality, with units in every municipality', () => {
    for (const p of people) {
      const vc = unitById.get(p.vardcentralId);
      expect(vc?.kind).toBe('vardcentral');
      expect(vc?.municipalityCode).toBe(p.municipalityCode);
    }
    const kinds = ['vardcentral', 'care_home', 'home_care', 'school', 'preschool', 'workplace', 'lss_home'] as const;
    for (const code of new Set(people.map((p) => p.municipalityCode))) {
      for (const kind of kinds) expect(units.some((u) => u.municipalityCode === code && u.kind === kind), `${kind} in ${code}`).toBe(true);
    }
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
  });

  it('uses only fictional contact details', () => {
    for (const p of people) {
      if (p.phone !== null) expect(p.phone).toMatch(/^070-17406(0[5-9]|[1-9]\d)$/);
      if (p.email !== null) expect(p.email).toMatch(/^[a-z.]+\d*@example\.com$/);
    }
    expect(new Set(people.map((p) => p.email).filter(Boolean)).size).toBe(people.filter((p) => p.email).length);
  });

  it('refuses a region without municipalities and bad options', () => {
    expect(() => generatePopulation(geo, { ...OREBRO, regionCode: '02' })).toThrow(RangeError);
    expect(() => generatePopulation(geo, { ...OREBRO, size: -1 })).toThrow(RangeError);
    expect(() => generatePopulation(geo, { ...OREBRO, seed: 1.5 })).toThrow(RangeError);
  });
});
