/**
 * Where a recorded dose comes from: the site whose stock it draws and the delivery its vial belongs to.
 * Pure: the service reads the booking and the batch's deliveries, these decide.
 */
import { invalid } from '../../platform/errors.js';
import type { DoseDeviation } from '../model.js';
import type { BatchAtSite } from '../supply/store.js';

export interface DoseSource {
  /** Where the dose was given. */
  siteId: string;
  /** The site of the booking the dose is given for; null without a booking. */
  bookingSiteId: string | null;
  deviations: readonly DoseDeviation[];
  /** With batch_from_other_site: the site whose stock the vial came from. */
  batchSiteId: string | null;
}

/**
 * The site whose stock a dose draws: the site where it is given, which must be the booking's unless the
 * vaccinator says it was given elsewhere; or, when the vaccinator says the batch came from another site, that
 * site. A stated reason that explains nothing is refused too: the record says what really happened.
 */
export function stockSiteOf(s: DoseSource): string {
  const atAnotherSite = s.bookingSiteId !== null && s.bookingSiteId !== s.siteId;
  const givenElsewhere = s.deviations.includes('given_elsewhere');
  if (atAnotherSite && !givenElsewhere) {
    throw invalid('siteId', 'bokningen gäller en annan mottagning; ange att dosen gavs på annan plats (given_elsewhere) / the booking is at another site; state given_elsewhere if the dose was given here');
  }
  if (givenElsewhere && !atAnotherSite) {
    throw invalid('deviations', 'dosen ges där den bokades, eller utan bokning: den gavs inte på annan plats / the dose is given where it was booked, or without a booking: it was not given elsewhere');
  }
  const fromOtherSite = s.deviations.includes('batch_from_other_site');
  if (fromOtherSite && s.batchSiteId === null) throw invalid('batchSiteId', 'ange vilken mottagnings lager batchen kom från / name the site whose stock the batch came from');
  if (!fromOtherSite && s.batchSiteId !== null) throw invalid('batchSiteId', 'anges bara när batchen kom från en annan mottagning (batch_from_other_site) / only with batch_from_other_site');
  if (s.batchSiteId === s.siteId) throw invalid('batchSiteId', 'det är mottagningen där dosen ges; ange den mottagning batchen kom från / that is the site where the dose is given; name the site the batch came from');
  return s.batchSiteId ?? s.siteId;
}

export interface WantedBatch {
  productCode: string;
  batchNumber: string;
  stockSiteId: string;
  /** The day the dose is given (Swedish date): the batch must not have expired before it. */
  day: string;
  /** The field a batch missing at the stock site is reported on: batchNumber, or batchSiteId when the vaccinator named that site. */
  field: 'batchNumber' | 'batchSiteId';
  siteName: (siteId: string) => string;
}

/**
 * The delivery a dose's vial came from, among the region's deliveries with the batch number: of the product,
 * allocated to the stock site, not expired on the day, with a vial left there (unopened, or one open now);
 * the one expiring first when several qualify. Otherwise a field-named refusal that says what is wrong and,
 * for a batch delivered to other sites only, where it is.
 */
export function batchOf(deliveries: BatchAtSite[], want: WantedBatch): BatchAtSite {
  const batch = want.batchNumber;
  if (deliveries.length === 0) throw invalid('batchNumber', `ingen leverans har batchnummer ${batch} / no delivery has batch number ${batch}`);
  const ofProduct = deliveries.filter((d) => d.productCode === want.productCode);
  if (ofProduct.length === 0) {
    throw invalid('batchNumber', `batch ${batch} är ${deliveries[0]!.productCode}, inte ${want.productCode} / batch ${batch} is ${deliveries[0]!.productCode}, not ${want.productCode}`);
  }
  const here = ofProduct.filter((d) => d.siteId === want.stockSiteId);
  const site = want.siteName(want.stockSiteId);
  if (here.length === 0) {
    const elsewhere = [...new Set(ofProduct.map((d) => want.siteName(d.siteId)))].join(', ');
    throw invalid(want.field, `batch ${batch} levererades inte till ${site} (den finns på ${elsewhere}) / batch ${batch} was not delivered to ${site} (it is at ${elsewhere})`);
  }
  const byExpiry = [...here].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
  const expired = byExpiry.at(-1)!.expiresOn;
  if (expired < want.day) throw invalid('batchNumber', `batch ${batch} gick ut ${expired} / batch ${batch} expired on ${expired}`);
  const left = byExpiry.find((d) => d.expiresOn >= want.day && (d.unopened > 0 || d.openVials > 0));
  if (!left) throw invalid('batchNumber', `inga flaskor av batch ${batch} finns kvar på ${site} / no vials of batch ${batch} are left at ${site}`);
  return left;
}
