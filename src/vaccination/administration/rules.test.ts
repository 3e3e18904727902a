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
  ])('%s', (_, lots, w, expected) => expect(delivery(lots, w)).toEqual(expected));

  it('says where a batch delivered elsewhere is', () => {
    expect(() => batchOf([lot({ siteId: 'B' }), lot({ siteId: 'C' })], want())).toThrow('batch HH4093 was not delivered to Site A (it is at Site B, Site C)');
  });
});
