/**
 * SYNTHETIC demo population for one region: made-up people in real municipalities and postal areas.
 * Nothing here describes a real person. Names and streets are common Swedish ones drawn at random, phone
 * numbers come from the range PTS reserves for fiction (070-174 06 05 … 070-174 06 99), e-mail addresses
 * use the reserved domain example.com. Identity numbers are valid in form and may by chance coincide with
 * real people's: never send anything to, or look anything up by, a demo identity.
 *
 * Pure and deterministic: the same geo and options give byte-identical output (one seeded PRNG, no clock,
 * no locale-dependent sorting).
 */
import {
  calendarDateInStockholm,
  makePersonnummer,
  makeReservnummer,
  type IdentityKind,
  type LegalSex,
} from '../identity-number.js';
import { mulberry32, regionSeed, type Random } from '../../platform/random.js';
import { regionNames } from '../regions.js';

export interface Geo {
  municipalities: { code: string; name: string; countyCode: string }[];
  postalCodes: { postalCode: string; locality: string; municipalityCode: string }[];
}

export interface PopulationOptions {
  regionCode: string;
  size: number;
  seed: number;
  now: Date;
}

export type DemoUnitKind = 'vardcentral' | 'care_home' | 'home_care' | 'school' | 'preschool' | 'workplace' | 'lss_home';

export interface DemoUnit {
  /** UUID v4-shaped, deterministic from the seed. */
  id: string;
  kind: DemoUnitKind;
  name: string;
  municipalityCode: string;
  postalCode: string;
  /** Places, for units where people live or are enrolled (care homes, LSS homes, schools, preschools). */
  capacity?: number;
}

export interface DemoPerson {
  id: string;
  /** Canonical: 12 digits for personnummer/samordningsnummer; a reservnummer in the region's format. */
  identityNumber: string;
  idKind: IdentityKind;
  givenName: string;
  familyName: string;
  birthDate: string;
  legalSex: LegalSex;
  municipalityCode: string;
  postalCode: string;
  locality: string;
  streetAddress: string;
  phone: string | null;
  email: string | null;
  householdId: string;
  /** The care home (SÄBO) or LSS home the person lives in. */
  careHomeId: string | null;
  homeCare: boolean;
  /** School (pupils 6–15) or preschool (children 1–5). */
  schoolId: string | null;
  /** Grade and class letter, e.g. '7B'; grade 0 is förskoleklass. Null for preschool. */
  schoolClass: string | null;
  workplaceId: string | null;
  /** The primary-care centre the person is listed at, in their municipality. */
  vardcentralId: string;
}

/**
 * Share of the population (per cent) by five-year age band, rounded from SCB's age structure of Sweden
 * around 2023. The last band is 100–104.
 */
export const AGE_PYRAMID: readonly { from: number; to: number; percent: number }[] = [
  5.3, 5.9, 6.0, 5.9, 5.6, 6.3, 6.8, 6.5, 6.2, 6.3, 6.6, 6.3, 5.7, 5.3, 5.2, 4.6, 2.95, 1.6, 0.75, 0.22, 0.02,
].map((percent, i) => ({ from: i * 5, to: i * 5 + 4, percent }));

const MAX_AGE = 104;

// Rates, roughly as in Swedish statistics (Socialstyrelsen, SCB); tuned for plausibility, not precision.
const CARE_HOME_RATE_80 = 0.055;
const CARE_HOME_RATE_65 = 0.003;
const LSS_HOME_RATE = 0.003; // ages 18–64
const HOME_CARE_RATE_80 = 0.16; // of those 80+ living at home: ~15% of all 80+
const HOME_CARE_RATE_65 = 0.03;
const SAMORDNINGSNUMMER_RATE_WORKING_AGE = 0.014; // mostly people here to work or study
const SAMORDNINGSNUMMER_RATE_OTHERS = 0.004;
const RESERVNUMMER_RATE = 0.003;
const COMMUTER_SHARE = 0.15;

// One unit per this many (of the relevant group), at least one per municipality.
const INHABITANTS_PER_VARDCENTRAL = 10_000;
const AGED_80_PER_CARE_HOME = 1_500;
const INHABITANTS_PER_HOME_CARE_GROUP = 5_000;
const PUPILS_PER_SCHOOL = 300;
const CHILDREN_PER_PRESCHOOL = 60;
const INHABITANTS_PER_LSS_HOME = 3_000;
const EMPLOYEES_PER_WORKPLACE = 35;
const PUPILS_PER_CLASS = 28;

// ---------------------------------------------------------------------------------------------
// Randomness (mulberry32 and the per-region seed: platform/random.ts)

const below = (random: Random, n: number) => Math.floor(random() * n);
const chance = (random: Random, p: number) => random() < p;
const pickOne = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)]!;

const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A version-4-shaped UUID from the seeded PRNG (not crypto.randomUUID: it must repeat with the seed). */
function uuid(random: Random): string {
  const bytes: string[] = [];
  for (let i = 0; i < 16; i++) bytes.push(HEX_BYTES[below(random, 256)]!);
  // join() yields flat strings; template concatenation would leave ropes that are slow to compare and hash.
  const hex = bytes.join('');
  const variant = (8 + below(random, 4)).toString(16);
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `${variant}${hex.slice(17, 20)}`, hex.slice(20)].join('-');
}

/** Draws items in proportion to their weights (cumulative sums and a binary search). */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += Math.max(w, 0)));
    if (items.length === 0 || sum <= 0) throw new RangeError('nothing to draw from');
  }
  pick(random: Random): T {
    const target = random() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Names and places (common Swedish names; streets and districts are generic, not real places)

const GIVEN_NAMES: Record<LegalSex, { bornBefore1955: string[]; bornBefore1990: string[]; younger: string[] }> = {
  female: {
    bornBefore1955: ['Anna', 'Margareta', 'Elisabeth', 'Eva', 'Birgitta', 'Kerstin', 'Ingrid', 'Karin', 'Marianne', 'Gunilla', 'Ulla', 'Britt', 'Inger', 'Maj', 'Gun'],
    bornBefore1990: ['Maria', 'Karin', 'Lena', 'Anna', 'Christina', 'Annika', 'Susanne', 'Carina', 'Helena', 'Linda', 'Malin', 'Jenny', 'Sara', 'Camilla', 'Johanna'],
    younger: ['Emma', 'Julia', 'Ella', 'Alice', 'Maja', 'Wilma', 'Elsa', 'Ebba', 'Alma', 'Olivia', 'Astrid', 'Agnes', 'Saga', 'Hanna', 'Linnéa'],
  },
  male: {
    bornBefore1955: ['Lars', 'Karl', 'Erik', 'Sven', 'Nils', 'Bengt', 'Gunnar', 'Olof', 'Bo', 'Kjell', 'Rolf', 'Leif', 'Göran', 'Hans', 'Sture'],
    bornBefore1990: ['Anders', 'Johan', 'Per', 'Mikael', 'Peter', 'Thomas', 'Fredrik', 'Daniel', 'Magnus', 'Stefan', 'Jonas', 'Mattias', 'Andreas', 'Martin', 'Henrik'],
    younger: ['William', 'Lucas', 'Liam', 'Elias', 'Hugo', 'Oscar', 'Noah', 'Adam', 'Alexander', 'Oliver', 'Axel', 'Leo', 'Viktor', 'Emil', 'Filip'],
  },
};

const FAMILY_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
  'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist',
  'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund',
  'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Mohammed', 'Ali', 'Ahmed',
];

const STREETS = [
  'Storgatan', 'Kyrkogatan', 'Skolgatan', 'Drottninggatan', 'Kungsgatan', 'Järnvägsgatan', 'Nygatan', 'Parkvägen',
  'Björkvägen', 'Ekvägen', 'Tallvägen', 'Granvägen', 'Lärkvägen', 'Rosenvägen', 'Ängsvägen', 'Skogsvägen', 'Sjövägen',
  'Åvägen', 'Ringvägen', 'Industrigatan', 'Bergsgatan', 'Trädgårdsgatan', 'Hagagatan', 'Stationsgatan', 'Prästgårdsvägen',
  'Backvägen', 'Solvägen', 'Lönnvägen', 'Kvarngatan', 'Smedjegatan',
];

const DISTRICTS = [
  'Ekbacken', 'Lindhaga', 'Björkdalen', 'Solbacka', 'Tallåsen', 'Granliden', 'Rönnbacka', 'Hagaberg', 'Ängsdal', 'Lärkhöjden',
  'Källängen', 'Sjövik', 'Åkerlund', 'Bergsäng', 'Vallmon', 'Liljedal', 'Almhöjden', 'Furuhed', 'Näckrosen', 'Blåklinten',
  'Viksäng', 'Stensta', 'Myrängen', 'Skogslund', 'Lövsta', 'Nyhem', 'Backa', 'Hällby', 'Sörgården', 'Ekeby',
];

const INDUSTRIES = [
  'Bygg', 'Verkstad', 'Logistik', 'Livsmedel', 'IT-konsult', 'Transport', 'Handel', 'Städservice', 'Elinstallation',
  'Måleri', 'Trävaror', 'Redovisning', 'Fastigheter', 'Mekaniska', 'Plast', 'Tryckeri',
];

function givenName(random: Random, sex: LegalSex, birthYear: number): string {
  const lists = GIVEN_NAMES[sex];
  return pickOne(random, birthYear < 1955 ? lists.bornBefore1955 : birthYear < 1990 ? lists.bornBefore1990 : lists.younger);
}

const streetAddress = (random: Random) => `${pickOne(random, STREETS)} ${1 + below(random, 120)}`;

const asciiLower = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// ---------------------------------------------------------------------------------------------
// Ages and households

/** Counts per single year of age, matching AGE_PYRAMID exactly for the bands (largest remainder). */
function agePool(size: number, random: Random): number[] {
  const total = AGE_PYRAMID.reduce((s, b) => s + b.percent, 0);
  const exact = AGE_PYRAMID.map((b) => (size * b.percent) / total);
  const perBand = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const shortfall = size - perBand.reduce((s, n) => s + n, 0);
  for (let k = 0; k < shortfall; k++) perBand[byRemainder[k]!.i]! += 1;
  const counts = new Array<number>(MAX_AGE + 1).fill(0);
  AGE_PYRAMID.forEach((band, i) => {
    for (let n = 0; n < perBand[i]!; n++) counts[band.from + below(random, band.to - band.from + 1)]! += 1;
  });
  return counts;
}

/** Takes one person of an age within [min, max] from the pool, in proportion to what is left; null if none. */
function take(counts: number[], random: Random, min: number, max: number): number | null {
  const lo = Math.max(0, min);
  const hi = Math.min(MAX_AGE, max);
  let available = 0;
  for (let a = lo; a <= hi; a++) available += counts[a]!;
  if (available === 0) return null;
  let k = below(random, available);
  for (let a = lo; a <= hi; a++) {
    k -= counts[a]!;
    if (k < 0) {
      counts[a]! -= 1;
      return a;
    }
  }
  return null;
}

type Institution = 'care_home' | 'lss_home';

interface MemberDraft {
  age: number;
  sex: LegalSex;
  /** Keeps the household's family name (children always; partners usually). */
  sharesName: boolean;
}

interface HouseholdDraft {
  members: MemberDraft[];
  institution: Institution | null;
}

/** More women than men among the old, as in the real population. */
const femaleShare = (age: number) => (age < 65 ? 0.49 : age < 80 ? 0.52 : age < 90 ? 0.6 : 0.7);
const drawSex = (random: Random, age: number): LegalSex => (chance(random, femaleShare(age)) ? 'female' : 'male');
/** Mostly a partner of the other sex; a few same-sex couples. */
function partnerSex(random: Random, sex: LegalSex): LegalSex {
  const other: LegalSex = sex === 'female' ? 'male' : 'female';
  return chance(random, 0.97) ? other : sex;
}

/** Probability that an adult living outside a family with children lives with a partner. */
const coupleShare = (age: number) => (age < 25 ? 0.2 : age < 35 ? 0.5 : age < 65 ? 0.55 : age < 80 ? 0.6 : age < 90 ? 0.4 : 0.2);

function formHouseholds(counts: number[], random: Random): HouseholdDraft[] {
  const households: HouseholdDraft[] = [];
  const single = (age: number, institution: Institution | null) =>
    households.push({ members: [{ age, sex: drawSex(random, age), sharesName: true }], institution });

  // People in care homes and LSS homes each form a household of their own at the home's address.
  for (let age = 18; age <= MAX_AGE; age++) {
    const rate = age >= 80 ? CARE_HOME_RATE_80 : age >= 65 ? CARE_HOME_RATE_65 : LSS_HOME_RATE;
    for (let n = counts[age]!; n > 0; n--) {
      if (!chance(random, rate)) continue;
      counts[age]! -= 1;
      single(age, age >= 65 ? 'care_home' : 'lss_home');
    }
  }

  // Everyone 0–19 lives with a parent or two, with siblings up to ten years younger.
  for (let eldest = take(counts, random, 0, 19); eldest !== null; eldest = take(counts, random, 0, 19)) {
    const children = [eldest];
    const r = random();
    const siblings = r < 0.38 ? 0 : r < 0.8 ? 1 : r < 0.96 ? 2 : 3;
    for (let i = 0; i < siblings; i++) {
      const sibling = take(counts, random, eldest - 10, eldest);
      if (sibling === null) break;
      children.push(sibling);
    }
    const members: MemberDraft[] = [];
    const parent = take(counts, random, eldest + 20, eldest + 45) ?? take(counts, random, 20, MAX_AGE);
    if (parent !== null) {
      const partner = chance(random, 0.75) ? take(counts, random, Math.max(20, parent - 5), parent + 6) : null;
      // Most single parents are mothers.
      const sex: LegalSex = chance(random, partner === null ? 0.8 : 0.5) ? 'female' : 'male';
      members.push({ age: parent, sex, sharesName: true });
      if (partner !== null) members.push({ age: partner, sex: partnerSex(random, sex), sharesName: chance(random, 0.7) });
    }
    for (const age of children) members.push({ age, sex: drawSex(random, age), sharesName: true });
    households.push({ members, institution: null });
  }

  // The remaining adults: couples and singles.
  for (let age = take(counts, random, 0, MAX_AGE); age !== null; age = take(counts, random, 0, MAX_AGE)) {
    const partner = chance(random, coupleShare(age)) ? take(counts, random, Math.max(20, age - 6), age + 6) : null;
    if (partner === null) {
      single(age, null);
      continue;
    }
    const sex = drawSex(random, age);
    households.push({
      members: [
        { age, sex, sharesName: true },
        { age: partner, sex: partnerSex(random, sex), sharesName: chance(random, 0.7) },
      ],
      institution: null,
    });
  }
  return households;
}

// ---------------------------------------------------------------------------------------------
// Dates and identity numbers

const DAY_MS = 86_400_000;

/** Milliseconds of y-m-d at UTC midnight, the day clamped to the month (29 February → 28 in common years). */
function utcDate(y: number, m: number, d: number): number {
  const daysInMonth = (Date.UTC(y, m, 1) - Date.UTC(y, m - 1, 1)) / DAY_MS;
  return Date.UTC(y, m - 1, Math.min(d, daysInMonth));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A birth date uniformly among those that make the person exactly `age` on the date y-m-d. */
function birthDateForAge(y: number, m: number, d: number, age: number, random: Random): string {
  const latest = utcDate(y - age, m, d);
  const earliest = utcDate(y - age - 1, m, d) + DAY_MS;
  const days = Math.round((latest - earliest) / DAY_MS) + 1;
  const born = new Date(earliest + below(random, days) * DAY_MS);
  return `${born.getUTCFullYear()}-${pad2(born.getUTCMonth() + 1)}-${pad2(born.getUTCDate())}`;
}

interface IdentityAssigner {
  (birthDate: string, age: number, sex: LegalSex): { identityNumber: string; idKind: IdentityKind };
}

/**
 * The birth-number serials (the three digits after the birth date, without the sex) a region's demo people
 * get: its own residue class modulo the 21 counties, by its county's place among them. Two regions' demo
 * people then never share a personnummer or samordningsnummer, whatever their seeds. 23 or 24 serials per
 * birth date and sex: room for a demo region of half a million people (800,000 is too dense).
 */
const COUNTIES = Object.keys(regionNames).sort();
function serialsOf(regionCode: string): number[] {
  const place = COUNTIES.indexOf(regionCode);
  if (place < 0) throw new RangeError(`regionCode ${regionCode} is not one of the 21 county codes`);
  return Array.from({ length: 499 }, (_, i) => i + 1).filter((k) => k % COUNTIES.length === place);
}

function identityAssigner(random: Random, regionCode: string, currentYear: number): IdentityAssigner {
  const serials = serialsOf(regionCode);
  const used = new Set<string>();
  const unique = (make: () => string) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const number = make();
      if (!used.has(number)) {
        used.add(number);
        return number;
      }
    }
    throw new Error('could not find an unused identity number: the population is too dense for one birth date (a demo region holds at most about half a million people)');
  };
  return (birthDate, age, sex) => {
    const r = random();
    if (r < RESERVNUMMER_RATE) {
      const identityNumber = unique(() =>
        makeReservnummer(regionCode, { birthDate, issuedYear: currentYear - below(random, Math.min(10, age + 1)), random }),
      );
      return { identityNumber, idKind: 'reservnummer' };
    }
    const snrRate = age >= 18 && age <= 64 ? SAMORDNINGSNUMMER_RATE_WORKING_AGE : SAMORDNINGSNUMMER_RATE_OTHERS;
    const coordination = r < RESERVNUMMER_RATE + snrRate;
    // The birth number's last digit is odd for men, even for women; 000 is never issued.
    const serial = () => 2 * pickOne(random, serials) - (sex === 'male' ? 1 : 0);
    const identityNumber = unique(() => makePersonnummer(birthDate, serial(), { coordination }));
    return { identityNumber, idKind: coordination ? 'samordningsnummer' : 'personnummer' };
  };
}

// ---------------------------------------------------------------------------------------------
// Generation

interface Area {
  code: string;
  postal: { postalCode: string; locality: string }[];
}

/** A person and what the later steps need to know about them. */
interface Resident {
  person: DemoPerson;
  age: number;
  institution: Institution | null;
  employed: boolean;
  inPreschool: boolean;
}

/** A unit, and what people living there get as their address. */
interface PlacedUnit {
  unit: DemoUnit;
  streetAddress: string;
  locality: string;
  occupants: number;
}

const employmentRate = (age: number) =>
  age < 20 || age > 66 ? 0 : age < 25 ? 0.62 : age < 30 ? 0.8 : age < 62 ? 0.86 : age < 65 ? 0.7 : 0.35;
const preschoolRate = (age: number) => (age === 1 ? 0.5 : age === 2 ? 0.88 : age >= 3 && age <= 5 ? 0.95 : 0);

export function generatePopulation(geo: Geo, opts: PopulationOptions): { units: DemoUnit[]; people: DemoPerson[] } {
  const { regionCode, size, seed, now } = opts;
  if (!/^\d{2}$/.test(regionCode)) throw new RangeError('regionCode must be a two-digit county code');
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('size must be a non-negative integer');
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');

  const areas = regionAreas(geo, regionCode);
  // Drawn per region: two regions started with the same seed get different people.
  const random = mulberry32(regionSeed(seed, regionCode));
  const today = calendarDateInStockholm(now);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const assignIdentity = identityAssigner(random, regionCode, year);
  const emails = new Map<string, number>();

  // 1. Households, each placed in a municipality (weighted by its number of postal codes) and at an address.
  const areaPicker = new Weighted(areas, areas.map((a) => a.postal.length));
  const residents: Resident[] = [];
  // Shuffled, so that any slice of the output is a fair sample: households are formed by kind, institutions first.
  for (const household of shuffled(random, formHouseholds(agePool(size, random), random))) {
    const area = areaPicker.pick(random);
    const place = pickOne(random, area.postal);
    const address = streetAddress(random);
    const householdId = uuid(random);
    const householdName = pickOne(random, FAMILY_NAMES);
    const atHome = household.institution === null;
    for (const { age, sex, sharesName } of household.members) {
      const birthDate = birthDateForAge(year, month, day, age, random);
      const given = givenName(random, sex, Number(birthDate.slice(0, 4)));
      const family = sharesName ? householdName : pickOne(random, FAMILY_NAMES);
      const { identityNumber, idKind } = assignIdentity(birthDate, age, sex);
      const person: DemoPerson = {
        id: uuid(random),
        identityNumber,
        idKind,
        givenName: given,
        familyName: family,
        birthDate,
        legalSex: sex,
        municipalityCode: area.code,
        postalCode: place.postalCode,
        locality: place.locality,
        streetAddress: address,
        phone: age >= 12 && chance(random, 0.9) ? `070-17406${String(5 + below(random, 95)).padStart(2, '0')}` : null,
        email: age >= 16 && chance(random, age < 80 ? 0.7 : 0.3) ? emailAddress(emails, given, family) : null,
        householdId,
        careHomeId: null,
        homeCare: atHome && chance(random, age >= 80 ? HOME_CARE_RATE_80 : age >= 65 ? HOME_CARE_RATE_65 : 0),
        schoolId: null,
        schoolClass: null,
        workplaceId: null,
        vardcentralId: '', // set below, once the units exist
      };
      residents.push({
        person,
        age,
        institution: household.institution,
        employed: atHome && chance(random, employmentRate(age)),
        inPreschool: chance(random, preschoolRate(age)),
      });
    }
  }

  // 2. Units in every municipality, sized by who lives there; then people are linked to them.
  const units: DemoUnit[] = [];
  const unitNames = new Set<string>();
  const byArea = new Map<string, Resident[]>(areas.map((a) => [a.code, []]));
  for (const r of residents) byArea.get(r.person.municipalityCode)!.push(r);
  const employerPickers = new Map<string, Weighted<DemoUnit>>();

  for (const area of areas) {
    const people = byArea.get(area.code)!;
    const count = (pred: (r: Resident) => boolean) => people.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);
    const districts = shuffled(random, DISTRICTS);
    const make = (kind: DemoUnitKind, n: number, name: (district: string, locality: string) => string) =>
      Array.from({ length: Math.max(1, n) }, (_, i): PlacedUnit => {
        const place = pickOne(random, area.postal);
        const unit: DemoUnit = {
          id: uuid(random),
          kind,
          name: uniqueName(unitNames, name(districts[i % districts.length]!, place.locality)),
          municipalityCode: area.code,
          postalCode: place.postalCode,
        };
        units.push(unit);
        return { unit, streetAddress: streetAddress(random), locality: place.locality, occupants: 0 };
      });
    const pop = people.length;
    const vardcentraler = make('vardcentral', Math.round(pop / INHABITANTS_PER_VARDCENTRAL), (d, l) => `Vårdcentralen ${d}, ${l}`);
    const careHomes = make('care_home', Math.round(count((r) => r.age >= 80) / AGED_80_PER_CARE_HOME), (d, l) => `Äldreboendet ${d}, ${l}`);
    const homeCare = make('home_care', Math.round(pop / INHABITANTS_PER_HOME_CARE_GROUP), (d, l) => `Hemtjänst ${d}, ${l}`);
    const schools = make('school', Math.round(count(isPupil) / PUPILS_PER_SCHOOL), (d, l) => `${d}skolan, ${l}`);
    const preschools = make('preschool', Math.round(count((r) => r.inPreschool) / CHILDREN_PER_PRESCHOOL), (d, l) => `Förskolan ${d}, ${l}`);
    const lssHomes = make('lss_home', Math.round(pop / INHABITANTS_PER_LSS_HOME), (d, l) => `Gruppbostaden ${d}, ${l}`);

    // Per household: one vårdcentral, one school, one preschool (siblings together).
    let household = '';
    let vc = vardcentraler[0]!;
    let school = schools[0]!;
    let preschool = preschools[0]!;
    for (const r of people) {
      const { person } = r;
      if (person.householdId !== household) {
        household = person.householdId;
        [vc, school, preschool] = [pickOne(random, vardcentraler), pickOne(random, schools), pickOne(random, preschools)];
      }
      person.vardcentralId = vc.unit.id;
      if (r.institution) {
        const home = pickOne(random, r.institution === 'care_home' ? careHomes : lssHomes);
        home.occupants += 1;
        person.careHomeId = home.unit.id;
        person.postalCode = home.unit.postalCode;
        person.locality = home.locality;
        person.streetAddress = home.streetAddress;
      } else if (isPupil(r)) {
        school.occupants += 1;
        person.schoolId = school.unit.id;
      } else if (r.inPreschool) {
        preschool.occupants += 1;
        person.schoolId = preschool.unit.id;
      }
    }
    assignClasses(people);
    setCapacities(random, [...careHomes, ...lssHomes, ...schools, ...preschools]);

    // Employers: the public units by the staff they need, the rest private workplaces of very uneven size.
    const homeCareClients = count((r) => r.person.homeCare) / homeCare.length;
    const staffNeed = ({ unit, occupants }: PlacedUnit): number => {
      switch (unit.kind) {
        case 'vardcentral': return 25;
        case 'care_home': return occupants * 0.9 + 10;
        case 'home_care': return homeCareClients * 0.5 + 8;
        case 'school': return occupants / 10 + 5;
        case 'preschool': return occupants / 5 + 3;
        case 'lss_home': return occupants * 1.5 + 3;
        case 'workplace': return 0;
      }
    };
    const publicUnits = [...vardcentraler, ...careHomes, ...homeCare, ...schools, ...preschools, ...lssHomes];
    const publicStaff = publicUnits.reduce((s, u) => s + staffNeed(u), 0);
    const employed = count((r) => r.employed);
    const privateStaff = Math.max(0.4 * employed, employed - publicStaff);
    const workplaces = make('workplace', Math.round(privateStaff / EMPLOYEES_PER_WORKPLACE), (_d, l) =>
      `${chance(random, 0.5) ? l : pickOne(random, FAMILY_NAMES)} ${pickOne(random, INDUSTRIES)} AB`,
    );
    // Zipf-like sizes: a few large employers, many small ones.
    const zipf = workplaces.map((_, i) => 1 / (i + 1));
    const zipfSum = zipf.reduce((s, w) => s + w, 0);
    employerPickers.set(
      area.code,
      new Weighted(
        [...publicUnits, ...workplaces].map((u) => u.unit),
        [...publicUnits.map(staffNeed), ...zipf.map((w) => (privateStaff * w) / zipfSum)],
      ),
    );
  }

  // 3. Work: most in their own municipality, some commute.
  const commuteTo = new Weighted(areas, areas.map((a) => byArea.get(a.code)!.length + 1));
  for (const r of residents) {
    if (!r.employed) continue;
    const area = chance(random, COMMUTER_SHARE) ? commuteTo.pick(random).code : r.person.municipalityCode;
    r.person.workplaceId = employerPickers.get(area)!.pick(random).id;
  }

  return { units, people: residents.map((r) => r.person) };
}

const isPupil = (r: Resident) => r.institution === null && r.age >= 6 && r.age <= 15;

/** The region's municipalities with their postal codes, sorted by code so that input order does not matter. */
function regionAreas(geo: Geo, regionCode: string): Area[] {
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const areas = geo.municipalities
    .filter((m) => m.countyCode === regionCode)
    .map((m) => ({
      code: m.code,
      postal: geo.postalCodes
        .filter((p) => p.municipalityCode === m.code)
        .map((p) => ({ postalCode: p.postalCode, locality: p.locality }))
        .sort((a, b) => byCode(a.postalCode, b.postalCode)),
    }))
    .filter((a) => a.postal.length > 0) // people need a postal code to live somewhere
    .sort((a, b) => byCode(a.code, b.code));
  if (areas.length === 0) throw new RangeError(`no municipality with postal codes in region ${regionCode}`);
  return areas;
}

/** Pupils of a grade at a school are split into classes A–C of about PUPILS_PER_CLASS, in household order. */
function assignClasses(people: Resident[]): void {
  const grades = new Map<string, Resident[]>();
  for (const r of people) {
    if (!isPupil(r)) continue;
    const key = `${r.person.schoolId}/${r.age - 6}`;
    const pupils = grades.get(key);
    if (pupils) pupils.push(r);
    else grades.set(key, [r]);
  }
  for (const pupils of grades.values()) {
    const classes = Math.min(3, Math.ceil(pupils.length / PUPILS_PER_CLASS));
    pupils.forEach((r, i) => (r.person.schoolClass = `${r.age - 6}${'ABC'[i % classes]}`));
  }
}

/** Places: what is used plus some vacancy, never below a minimum size for the kind. */
function setCapacities(random: Random, units: PlacedUnit[]): void {
  const minimum: Partial<Record<DemoUnitKind, number>> = { care_home: 20, lss_home: 4, school: 50, preschool: 20 };
  for (const u of units) u.unit.capacity = Math.max(minimum[u.unit.kind] ?? 0, Math.ceil(u.occupants * (1.03 + random() * 0.12)));
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = below(random, i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function uniqueName(used: Set<string>, name: string): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name} ${n}`;
  used.add(candidate);
  return candidate;
}

function emailAddress(used: Map<string, number>, given: string, family: string): string {
  const local = `${asciiLower(given)}.${asciiLower(family)}`;
  const n = (used.get(local) ?? 0) + 1;
  used.set(local, n);
  return `${n === 1 ? local : `${local}${n}`}@example.com`;
}
