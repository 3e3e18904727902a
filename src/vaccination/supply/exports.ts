import { date, integer, L, percent, text, type Language, type Table } from '../../platform/files/export.js';
import type { stockView, wastageReport } from './stock.js';

/** Vaccine supply's tables (stock and wastage), for the download routes (platform/files/downloads.ts). */

type Stock = Awaited<ReturnType<typeof stockView>>;
type Wastage = Awaited<ReturnType<typeof wastageReport>>;

const wastageColumns = [
  text('Mottagning', 'Site'),
  text('Produkt', 'Product'),
  integer('Öppnade flaskor', 'Vials opened'),
  integer('Planerade doser', 'Planned doses'),
  integer('Givna doser', 'Doses given'),
  integer('Extra doser', 'Extra doses'),
  integer('Kasserat ur öppnade flaskor', 'Wasted from opened vials'),
  integer('Förlorade hela flaskor', 'Whole vials lost'),
  integer('Doser i förlorade flaskor', 'Doses in lost vials'),
  integer('Kasserade doser totalt', 'Doses wasted in all'),
  percent('Andel kasserat (%)', 'Share wasted (%)'),
];

export function wastageTables(w: Wastage, lang: Language): Table[] {
  const total = L('Totalt', 'Total')[lang];
  const cells = (r: Wastage['total']) => [r.vialsOpened, r.plannedDoses, r.given, r.extra, r.wastedFromOpened, r.wholeVialsLost, r.wastedWholeVials, r.wasted, r.wastageShare];
  return [
    {
      title: L('Kassation', 'Wastage'),
      columns: wastageColumns,
      rows: [...w.rows.map((r) => [r.siteName, r.productCode, ...cells(r)]), [total, null, ...cells(w.total)]],
      bold: (row) => row[0] === total,
    },
  ];
}

export function stockTables(s: Stock, lang: Language): Table[] {
  const names = new Map(s.sites.map((site) => [site.siteId, site.siteName]));
  return [
    {
      title: L('Lager per batch', 'Stock per batch'),
      columns: [
        text('Mottagning', 'Site'),
        text('Produkt', 'Product'),
        text('Vaccin', 'Vaccine'),
        text('Batch'),
        date('Utgångsdatum', 'Expires on'),
        integer('Doser per flaska', 'Doses per vial'),
        integer('Tilldelade flaskor', 'Vials allocated'),
        integer('Öppnade flaskor', 'Vials opened'),
        integer('Kasserade flaskor', 'Vials wasted'),
        integer('Oöppnade flaskor', 'Unopened vials'),
        text('Utgången', 'Expired'),
        integer('Förväntade doser', 'Expected doses'),
      ],
      rows: s.sites.flatMap((site) =>
        site.batches.map((b) => [names.get(b.siteId) ?? b.siteId, b.productCode, b.vaccine, b.batchNumber, b.expiresOn, b.dosesPerVial, b.allocated, b.opened, b.wasted, b.unopened, (b.expired ? L('ja', 'yes') : L('nej', 'no'))[lang], b.expectedDoses]),
      ),
    },
  ];
}
