import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.js';
import type { BatchAtSite } from '../supply/store.js';
import type { DoseDeviation } from '../model.js';
import { batchOf, stockSiteOf, type DoseSource } from './rules.js';

/** The field a refusal names, or the value when there is none. */
const outcome = <T,>(f: () => T): T | { refused: string } => {
  try {
    return f();
  } catch (e) {
    return { refused: (e as AppError).errors[0]!.field };
  }
};

describe('the site whose stock a dose draws', () => {
  const source = (bookingSiteId: string | null, deviations: DoseDeviation[] = [], batchSiteId: string | null = null): DoseSource => ({ siteId: 'A', bookingSiteId, deviations, batchSiteId });
  it.each([
    ['no booking: the site where it is given', source(null), 'A'],
    ['booked here', source('A'), 'A'],
    ['booked at another site', source('B'), { refused: 'siteId' }],
    ['booked at another site, given elsewhere', source('B', ['given_elsewhere']), 'A'],
    ['given elsewhere without a booking', source(null, ['given_elsewhere']), { refused: 'deviations' }],
    ['given elsewhere, but booked here', source('A', ['given_elsewhere']), { refused: 'deviations' }],
    ['a batch from site C', source(null, ['batch_from_other_site'], 'C'), 'C'],
    ['a batch from another site, the site not named', source(null, ['batch_from_other_site']), { refused: 'batchSiteId' }],
    ['a batch site named without the reason', source(null, [], 'C'), { refused: 'batchSiteId' }],
    ['a batch "from another site" that is this one', source(null, ['batch_from_other_site'], 'A'), { refused: 'batchSiteId' }],
    ['booked at B, given here with a batch from C', source('B', ['given_elsewhere', 'batch_from_other_site'], 'C'), 'C'],
    ['booked at B, given here with a batch from B (the booked site’s stock)', source('B', ['given_elsewhere', 'batch_from_other_site'], 'B'), 'B'],
  ])('%s', (_, s, expected) => expect(outcome(() => stockSiteOf(s))).toEqual(expected));

  it.each([
    [source('B'), 'siteId: bokningen gäller en annan mottagning; ange att dosen gavs på annan plats (given_elsewhere) / the booking is at another site; state given_elsewhere if the dose was given here'],
    [source(null, ['given_elsewhere']), 'deviations: dosen ges där den bokades, eller utan bokning: den gavs inte på annan plats / the dose is given where it was booked, or without a booking: it was not given elsewhere'],
    [source(null, ['batch_from_other_site']), 'batchSiteId: ange vilken mottagnings lager batchen kom från / name the site whose stock the batch came from'],
    [source(null, [], 'C'), 'batchSiteId: anges bara när batchen kom från en annan mottagning (batch_from_other_site) / only with batch_from_other_site'],
    [source(null, ['batch_from_other_site'], 'A'), 'batchSiteId: det är mottagningen där dosen ges; ange den mottagning batchen kom från / that is the site where the dose is given; name the site the batch came from'],
  ])('%j is refused saying why', (s, message) => {
    expect(() => stockSiteOf(s)).toThrow(message);
  });
});

describe('the delivery a dose’s vial came from', () => {
  const lot = (o: Partial<BatchAtSite>): BatchAtSite => ({ deliveryId: 'd1', siteId: 'A', productCode: 'comirnaty', batchNumber: 'HH4093', expiresOn: '2023-10-20', unopened: 3, openVials: 0, ...o });
  const want = (o: { productCode?: string; stockSiteId?: string; day?: string; field?: 'batchNumber' | 'batchSiteId' } = {}) => ({
    productCode: 'comirnaty',
    batchNumber: 'HH4093',
    stockSiteId: 'A',
    day: '2023-10-17',
    field: 'batchNumber' as const,
    siteName: (id: string) => `Site ${id}`,
    ...o,
  });
  const delivery = (lots: BatchAtSite[], w = want()) => {
    const r = outcome(() => batchOf(lots, w));
    return 'refused' in r ? r : r.deliveryId;
  };

  it.each([
    ['in stock at the site', [lot({})], want(), 'd1'],
    ['no delivery has the number (NOSUCH123)', [], want(), { refused: 'batchNumber' }],
    ['a batch of another product', [lot({ productCode: 'nuvaxovid' })], want(), { refused: 'batchNumber' }],
    ['delivered to another site only', [lot({ siteId: 'B' })], want(), { refused: 'batchNumber' }],
    ['the named batch site does not have it', [lot({ siteId: 'B' })], want({ stockSiteId: 'C', field: 'batchSiteId' }), { refused: 'batchSiteId' }],
    ['expires on the day: still usable', [lot({ expiresOn: '2023-10-17' })], want(), 'd1'],
    ['expired the day before', [lot({ expiresOn: '2023-10-16' })], want(), { refused: 'batchNumber' }],
    ['no vial unopened, one open now', [lot({ unopened: 0, openVials: 1 })], want(), 'd1'],
    ['no vial left at all', [lot({ unopened: 0, openVials: 0 })], want(), { refused: 'batchNumber' }],
    ['two deliveries of the batch: the one expiring first', [lot({ deliveryId: 'late', expiresOn: '2023-12-01' }), lot({ deliveryId: 'early', expiresOn: '2023-11-01' })], want(), 'early'],
    ['two deliveries: the first one used up', [lot({ deliveryId: 'early', expiresOn: '2023-11-01', unopened: 0 }), lot({ deliveryId: 'late', expiresOn: '2023-12-01' })], want(), 'late'],
    ['two deliveries: the first one expired', [lot({ deliveryId: 'old', expiresOn: '2023-10-01' }), lot({ deliveryId: 'new', expiresOn: '2023-12-01' })], want(), 'new'],
    ['the same, listed the other way', [lot({ deliveryId: 'new', expiresOn: '2023-12-01' }), lot({ deliveryId: 'old', expiresOn: '2023-10-01' })], want(), 'new'],
    ['both expired', [lot({ deliveryId: 'new', expiresOn: '2023-10-16' }), lot({ deliveryId: 'old', expiresOn: '2023-10-01' })], want(), { refused: 'batchNumber' }],
    ['an expired one with vials, a usable one without', [lot({ deliveryId: 'old', expiresOn: '2023-10-01' }), lot({ deliveryId: 'new', expiresOn: '2023-12-01', unopened: 0 })], want(), { refused: 'batchNumber' }],
    ['the product’s delivery at the site among others', [lot({ deliveryId: 'other', productCode: 'nuvaxovid' }), lot({ deliveryId: 'b', siteId: 'B' }), lot({ deliveryId: 'a' })], want(), 'a'],
    ['another product at the site, this one elsewhere', [lot({ productCode: 'nuvaxovid' }), lot({ deliveryId: 'b', siteId: 'B' })], want(), { refused: 'batchNumber' }],
  ])('%s', (_, lots, w, expected) => expect(delivery(lots, w)).toEqual(expected));

  it('says where a batch delivered elsewhere is', () => {
    expect(() => batchOf([lot({ siteId: 'B' }), lot({ siteId: 'C' })], want())).toThrow('batch HH4093 was not delivered to Site A (it is at Site B, Site C)');
  });

  it.each([
    [[], want(), 'batchNumber: ingen leverans har batchnummer HH4093 / no delivery has batch number HH4093'],
    [[lot({ productCode: 'nuvaxovid' }), lot({ productCode: 'spikevax' })], want(), 'batchNumber: batch HH4093 är nuvaxovid, inte comirnaty / batch HH4093 is nuvaxovid, not comirnaty'],
    [[lot({ siteId: 'B' }), lot({ deliveryId: 'd2', siteId: 'B' })], want(), 'batchNumber: batch HH4093 levererades inte till Site A (den finns på Site B) / batch HH4093 was not delivered to Site A (it is at Site B)'],
    [[lot({ expiresOn: '2023-10-16' }), lot({ expiresOn: '2023-09-01' })], want(), 'batchNumber: batch HH4093 gick ut 2023-10-16 / batch HH4093 expired on 2023-10-16'],
    [[lot({ unopened: 0 })], want(), 'batchNumber: inga flaskor av batch HH4093 finns kvar på Site A / no vials of batch HH4093 are left at Site A'],
  ])('%j for %j is refused saying why', (lots, w, message) => {
    expect(() => batchOf(lots, w)).toThrow(message);
  });
});
