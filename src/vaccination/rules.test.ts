import { describe, expect, it } from 'vitest';
import { byNearness, isBookable, isoOf, isoWeekday, planSlots, slotCapacity, type OpeningHours, type Staffing } from './rules.js';

describe('ISO weekday of a calendar day', () => {
  it.each([
    ['2021-12-06', 1, 'Monday'],
    ['2021-12-11', 6, 'Saturday'],
    ['2021-12-12', 7, 'Sunday is 7, not 0'],
    ['2024-02-29', 4, 'a leap day'],
  ])('%s is %d (%s)', (day, weekday) => {
    expect(isoWeekday(day)).toBe(weekday);
  });
});

describe('slot capacity: vaccinators × pace × minutes / 60, rounded down', () => {
  it.each([
    [{ vaccinators: 2, perVaccinatorPerHour: 6 }, 10, 2],
    [{ vaccinators: 2, perVaccinatorPerHour: 6 }, 15, 3],
    [{ vaccinators: 1, perVaccinatorPerHour: 5 }, 10, 0], // 5/6 of a person rounds down
    [{ vaccinators: 3, perVaccinatorPerHour: 4 }, 5, 1],
    [{ vaccinators: 3, perVaccinatorPerHour: 4 }, 60, 12],
    [{ vaccinators: 0, perVaccinatorPerHour: 10 }, 60, 0],
  ])('%j over %d minutes holds %d', (staff, minutes, capacity) => {
    expect(slotCapacity(staff, minutes)).toBe(capacity);
  });
});

describe('planning slots', () => {
  // Monday 6 December 2021 (winter: Stockholm is UTC+1), Tuesday 7, Wednesday 8.
  const hours: OpeningHours[] = [
    { weekday: 1, opens: '08:00', closes: '09:00' },
    { weekday: 2, opens: '08:00', closes: '08:50' },
    { weekday: 3, opens: '08:00', closes: '08:20' },
  ];
  const staff = (day: string, vaccinators = 2): Staffing => ({ day, vaccinators, perVaccinatorPerHour: 6 });

  it('cuts the opening hours into whole slots in Swedish time, each with the day’s capacity', () => {
    const slots = planSlots(['2021-12-06'], hours, [staff('2021-12-06')], 20);
    expect(slots).toEqual([
      { day: '2021-12-06', startsAt: '2021-12-06T07:00:00.000Z', endsAt: '2021-12-06T07:20:00.000Z', capacity: 4 },
      { day: '2021-12-06', startsAt: '2021-12-06T07:20:00.000Z', endsAt: '2021-12-06T07:40:00.000Z', capacity: 4 },
      { day: '2021-12-06', startsAt: '2021-12-06T07:40:00.000Z', endsAt: '2021-12-06T08:00:00.000Z', capacity: 4 },
    ]);
  });

  it.each([
    ['2021-12-06', 60, 3, 'a slot ending exactly at closing'],
    ['2021-12-07', 50, 2, 'a slot that would end after closing is left out'],
    ['2021-12-08', 20, 1, 'exactly one slot'],
  ])('%s: %d minutes open in slots of 20 gives %d (%s)', (day, _open, count) => {
    expect(planSlots([day], hours, [staff(day)], 20)).toHaveLength(count);
  });

  it('takes each day’s own hours and staffing, in the order of the days', () => {
    const slots = planSlots(['2021-12-08', '2021-12-06'], hours, [staff('2021-12-06', 1), staff('2021-12-08', 3)], 20);
    expect(slots.map((s) => [s.day, s.capacity])).toEqual([
      ['2021-12-08', 6],
      ['2021-12-06', 2],
      ['2021-12-06', 2],
      ['2021-12-06', 2],
    ]);
  });

  it.each([
    [['2021-12-09'], [staff('2021-12-09')], 'a Thursday without opening hours'],
    [['2021-12-06'], [staff('2021-12-07')], 'a day without staffing'],
    [['2021-12-06'], [staff('2021-12-06', 0)], 'no vaccinators'],
    [['2021-12-06'], [{ day: '2021-12-06', vaccinators: 1, perVaccinatorPerHour: 2 }], 'capacity rounds down to 0'],
  ])('gives no slots for %j (%s)', (days, staffing) => {
    expect(planSlots(days, hours, staffing, 20)).toEqual([]);
  });

  it('follows summer time', () => {
    const slots = planSlots(['2021-06-07'], hours, [staff('2021-06-07')], 60);
    expect(slots).toEqual([{ day: '2021-06-07', startsAt: '2021-06-07T06:00:00.000Z', endsAt: '2021-06-07T07:00:00.000Z', capacity: 12 }]);
  });
});

describe('which sites the public books at', () => {
  it.each([
    ['vardcentral', true],
    ['mass_centre', true],
    ['mobile_unit', true],
    ['home_visit', false],
    ['care_home', false],
    ['lss_home', false],
  ] as const)('%s: %s', (kind, bookable) => {
    expect(isBookable(kind)).toBe(bookable);
  });
});

describe('sites by nearness', () => {
  const site = (name: string, postalCode: string | null, municipalityCode: string | null) => ({ name, postalCode, municipalityCode });

  it('puts the same postal code first, then the same municipality, then the closest postal code, then the name', () => {
    const sites = [
      site('Örebro arena', '70361', '1880'),
      site('Kumla vc', '69231', '1881'),
      site('Adolfsberg vc', '70350', '1880'),
      site('Hallsberg vc', '69430', '1882'),
      site('Brickebacken vc', '70350', '1880'),
      site('Utan adress', null, null),
      site('Mobil enhet', '70200', '1880'),
    ];
    const names = byNearness(sites, { postalCode: '70350', municipalityCode: '1880' }).map((s) => s.name);
    expect(names).toEqual(['Adolfsberg vc', 'Brickebacken vc', 'Örebro arena', 'Mobil enhet', 'Hallsberg vc', 'Kumla vc', 'Utan adress']);
  });

  it('does not reorder the input it is given', () => {
    const sites = [site('B', '70000', null), site('A', '70000', null)];
    byNearness(sites, { postalCode: '70000', municipalityCode: null });
    expect(sites.map((s) => s.name)).toEqual(['B', 'A']);
  });

  it('sorts by name in Swedish when the register knows nothing about the person', () => {
    const sites = [site('Örebro', '70361', '1880'), site('Ängelholm', '26231', '1292'), site('Arboga', '73230', '1984')];
    expect(byNearness(sites, { postalCode: null, municipalityCode: null }).map((s) => s.name)).toEqual(['Arboga', 'Ängelholm', 'Örebro']);
  });

  it('does not take two unknown municipalities or postal codes for the same', () => {
    // null === null is not "the same": with nothing known both sites tie and go by name.
    const sites = [site('A', '10000', '0180'), site('B', null, null)];
    expect(byNearness(sites, { postalCode: null, municipalityCode: null }).map((s) => s.name)).toEqual(['A', 'B']);
    expect(byNearness([site('B', '20000', null), site('A', '90000', null)], { postalCode: '19000', municipalityCode: null }).map((s) => s.name)).toEqual(['B', 'A']);
    expect(byNearness([site('A', '90000', null), site('B', '20000', '0180')], { postalCode: '19000', municipalityCode: null }).map((s) => s.name)).toEqual(['B', 'A']);
    expect(byNearness([site('A', '20000', null), site('B', '19500', null)], { postalCode: null, municipalityCode: '0180' }).map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('puts the same postal code first even across a municipal border', () => {
    const sites = [site('Samma kommun', '70351', '1880'), site('Samma postnummer', '70350', '1881')];
    expect(byNearness(sites, { postalCode: '70350', municipalityCode: '1880' }).map((s) => s.name)).toEqual(['Samma postnummer', 'Samma kommun']);
  });

  it('puts the same municipality before a closer postal code elsewhere', () => {
    const sites = [site('Nära', '70351', '1881'), site('Samma kommun', '70900', '1880')];
    expect(byNearness(sites, { postalCode: '70350', municipalityCode: '1880' }).map((s) => s.name)).toEqual(['Samma kommun', 'Nära']);
  });
});

describe('timestamps from the database', () => {
  it.each([
    ['2026-11-23 16:34:02+00', '2026-11-23T16:34:02.000Z'],
    ['2026-11-23 17:34:02.5+01', '2026-11-23T16:34:02.500Z'],
    ['2026-11-23T16:34:02Z', '2026-11-23T16:34:02.000Z'],
  ])('%s is %s', (ts, iso) => {
    expect(isoOf(ts)).toBe(iso);
  });
});
