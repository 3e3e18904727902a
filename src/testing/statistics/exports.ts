import { date, decimal, integer, L, percent, text, type Bilingual, type Language, type Table } from '../../platform/files/export.js';
import type { ReportSpec } from '../../platform/files/report-pdf.js';
import { testTypes, type TestType } from '../model.js';
import type { CapacityDay } from './capacity.js';
import type { ExclusionReason, ReimbursementClaim } from './reimbursement.js';
import type { WeeklyReport, WeeklyRow } from './weekly.js';

/** The testing statistics' tables and reports, for the download routes (platform/files/downloads.ts). */

export const testTypeName: Record<TestType, Bilingual> = { pcr: L('PCR'), antigen: L('Antigen'), serology: L('Antikropp (serologi)', 'Antibody (serology)') };
const providerName = { region: L('Regionen', 'The region'), other: L('Annan vårdgivare på regionens uppdrag', "Other provider on the region's behalf") } as const;

// --- Weekly report ---------------------------------------------------------------------------------

const weeklyColumns = [
  text('Region'),
  text('Vecka', 'Week'),
  text('Testtyp', 'Test type'),
  text('Utförare', 'Provider'),
  integer('Antal tester', 'Tests'),
  integer('Unika testade individer', 'Individuals tested'),
  integer('Positiva', 'Positive'),
  integer('Negativa', 'Negative'),
  integer('Ej bedömbara', 'Not assessable'),
  integer('Ej besvarade', 'Pending'),
  percent('Andel positiva (%)', 'Share positive (%)'),
  decimal('Testade individer per 100 000 invånare', 'Individuals tested per 100,000 inhabitants'),
  integer('Deklarerad kapacitet', 'Declared capacity'),
];

const weeklyCells = (r: WeeklyRow, lang: Language) => [
  r.regionName,
  r.week,
  testTypeName[r.testType][lang],
  providerName[r.provider][lang],
  r.tests,
  r.individuals,
  r.positive,
  r.negative,
  r.notAssessable,
  r.pending,
  r.sharePositive,
  r.individualsPer100k,
  r.capacity,
];

export function weeklyTables(report: WeeklyReport, lang: Language): Table[] {
  const tables: Table[] = [
    {
      title: L('Veckorapport', 'Weekly report'),
      columns: weeklyColumns,
      rows: [...report.rows, ...(report.national ?? [])].map((r) => weeklyCells(r, lang)),
      bold: (row) => row[0] === 'Riket',
    },
  ];
  const notes = report.regions.filter((r) => r.note);
  if (notes.length > 0)
    tables.push({ title: L('Nämnare', 'Denominators'), columns: [text('Region'), integer('Invånare (nämnare)', 'Inhabitants (denominator)'), text('Anmärkning', 'Note')], rows: notes.map((r) => [r.regionName, r.population, r.note]) });
  return tables;
}

const sum = (rows: WeeklyRow[], key: 'tests' | 'positive' | 'negative') => rows.reduce((s, r) => s + r[key], 0);

/** The page's charts and tables: tests per week and type, share positive per week and type, the region's rows. */
export function weeklyPdf(report: WeeklyReport, lang: Language, madeAt: Date): ReportSpec {
  const chartRows = report.national ?? report.rows;
  const per = (value: (rows: WeeklyRow[]) => number | null) =>
    testTypes.map((type) => ({ name: testTypeName[type], values: report.weeks.map((week) => value(chartRows.filter((r) => r.week === week && r.testType === type))) }));
  const shown = (report.national ?? report.rows).filter((r) => r.provider === 'region');
  const other = (report.national ?? report.rows).filter((r) => r.provider === 'other');
  const pageColumns = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const pick = (rows: WeeklyRow[]) => rows.map((r) => pageColumns.map((i) => weeklyCells(r, lang)[i]!));
  return {
    title: L('Veckorapport: testning', 'Weekly report: testing'),
    period: `${report.from} – ${report.to}`,
    scope: report.national ? L('Hela landet', 'The whole country')[lang] : report.regions.map((r) => r.regionName).join(', '),
    madeAt,
    blocks: [
      ...report.regions.filter((r) => r.note).map((r) => ({ kind: 'text' as const, text: L(r.note!) })),
      { kind: 'chart', chart: { kind: 'bar', stacked: true, title: L('Antal tester per vecka', 'Tests per week'), categories: report.weeks, series: per((rows) => sum(rows, 'tests')) } },
      {
        kind: 'chart',
        chart: {
          kind: 'line',
          unit: ' %',
          title: L('Andel positiva per vecka (%)', 'Share positive per week (%)'),
          categories: report.weeks,
          series: per((rows) => {
            const assessed = sum(rows, 'positive') + sum(rows, 'negative');
            return assessed === 0 ? null : Math.round((sum(rows, 'positive') / assessed) * 1000) / 10;
          }),
        },
      },
      { kind: 'table', table: { title: L('Regionens provtagning', "The region's testing"), columns: pageColumns.map((i) => weeklyColumns[i]!), rows: pick(shown) } },
      ...(other.length ? [{ kind: 'table' as const, table: { title: L('Andra vårdgivare på regionens uppdrag', "Other providers on the region's behalf"), columns: pageColumns.map((i) => weeklyColumns[i]!), rows: pick(other) } }] : []),
    ],
  };
}

// --- Capacity --------------------------------------------------------------------------------------

const levelName = { ok: L('Inom kapacitet', 'Within capacity'), warning: L('Nära kapacitetstaket', 'Near capacity'), over: L('Över kapacitet', 'Over capacity') } as const;

export const capacityTables = (report: { days: CapacityDay[] }, lang: Language): Table[] => [
  {
    title: L('Kapacitet per dag', 'Capacity per day'),
    columns: [date('Dag', 'Day'), text('Vecka', 'Week'), text('Testtyp', 'Test type'), integer('Efterfrågan (prover)', 'Demand (samples)'), decimal('Kapacitet per dag', 'Capacity per day'), percent('Andel av kapaciteten (%)', 'Share of capacity (%)'), text('Nivå', 'Level')],
    rows: report.days.map((d) => [d.date, d.week, testTypeName[d.testType][lang], d.demand, d.capacity, d.share, levelName[d.level][lang]]),
  },
];

// --- Reimbursement ---------------------------------------------------------------------------------

const reasonName: Record<ExclusionReason, Bilingual> = {
  pending: L('Ej besvarat ännu', 'Not answered yet'),
  not_assessable: L('Ej bedömbart', 'Not assessable'),
  self_sampled_antigen: L('Antigentest taget av personen själv', 'Antigen test taken by the person themselves'),
  no_rate: L('Ingen schablon för provdagen', 'No standard sum for the day the sample was taken'),
};

const claimColumns = [text('Rad', 'Row'), text('Testtyp', 'Test type'), text('Schablonperiod', 'Rate period'), decimal('Schablon (kr)', 'Rate (SEK)', 2), integer('Antal tester', 'Tests'), decimal('Belopp (kr)', 'Amount (SEK)', 2), text('Skäl', 'Reason')];

export function reimbursementTables(claim: ReimbursementClaim, lang: Language): Table[] {
  const claimed = L('Ersätts', 'Claimed')[lang];
  const total = L('Summa', 'Total')[lang];
  return [
    {
      title: L('Ersättningsanspråk', 'Reimbursement claim'),
      columns: claimColumns,
      rows: [
        ...claim.lines.map((l) => [claimed, testTypeName[l.testType][lang], `${l.validFrom} – ${l.validTo ?? ''}`.trim(), l.sek, l.tests, l.amountSek, null]),
        [total, null, null, null, claim.totalTests, claim.totalSek, null],
        ...claim.excluded.map((e) => [L('Ersätts inte', 'Not claimed')[lang], testTypeName[e.testType][lang], null, null, e.tests, null, reasonName[e.reason][lang]]),
      ],
      bold: (row) => row[0] === total,
    },
  ];
}

export function reimbursementPdf(claim: ReimbursementClaim, lang: Language, madeAt: Date): ReportSpec {
  const [table] = reimbursementTables(claim, lang);
  return {
    title: L('Ersättning för testning', 'Reimbursement for testing'),
    period: `${claim.from} – ${claim.to}`,
    scope: `${L('Region', 'Region')[lang]} ${claim.regionId}`,
    madeAt,
    blocks: [
      {
        kind: 'chart',
        chart: {
          kind: 'bar',
          title: L('Ersatta och ej ersatta tester per testtyp', 'Tests claimed and not claimed per test type'),
          categories: testTypes.map((t) => testTypeName[t][lang]),
          series: [
            { name: L('Ersätts', 'Claimed'), values: testTypes.map((t) => claim.lines.filter((l) => l.testType === t).reduce((s, l) => s + l.tests, 0)) },
            { name: L('Ersätts inte', 'Not claimed'), values: testTypes.map((t) => claim.excluded.filter((e) => e.testType === t).reduce((s, e) => s + e.tests, 0)) },
          ],
        },
      },
      { kind: 'table', table: table! },
    ],
  };
}
