import type { vaccinationDoses } from '../model.js';
import { productOf } from '../products.js';
import { isoOf } from '../rules.js';

export const dosesView = (rows: (typeof vaccinationDoses.$inferSelect)[], siteName: Map<string, string>) =>
  rows.map((d) => ({
    id: d.id,
    personId: d.personId,
    siteId: d.siteId,
    siteName: d.siteId ? (siteName.get(d.siteId) ?? null) : null,
    vaccine: d.vaccine,
    productCode: d.productCode,
    productName: productOf(d.productCode)?.name ?? d.productCode,
    batchNumber: d.batchNumber,
    doseNumber: d.doseNumber,
    administeredAt: isoOf(d.administeredAt),
    bookingId: d.bookingId,
  }));
