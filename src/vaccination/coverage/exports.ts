import { integer, L, percent, text, type Language, type Table } from '../../platform/files/export.js';
import type { ReportSpec } from '../../platform/files/report-pdf.js';
import type { CoverageDimension, CoverageReport } from './service.js';
import { MAX_DOSE } from './service.js';

/** Vaccination coverage's tables and report, for the download routes (platform/files/downloads.ts). */

const doses = Array.from({ length: MAX_DOSE }, (_, i) => i + 1);
const dimensionName: Record<CoverageDimension, { sv: string; en: string }> = {
  ageGroup: L('Åldersgrupp', 'Age group'),
  municipality: L('Kommun', 'Municipality'),
  postalArea: L('Postnummerområde', 'Postcode area'),
  region: L('Region', 'Region'),
};
const flag = (row: CoverageReport['rows'][number], lang: Language) => (row.low ? L('ja', 'yes') : row.suppressed ? L('undertryckt', 'suppressed') : L('nej', 'no'))[lang];

export function coverageTables(r: CoverageReport, lang: Language): Table[] {
  return [
    {
      title: L('Täckning', 'Coverage'),
      columns: [
        { header: dimensionName[r.by], type: 'text' },
        integer('Befolkning', 'Population'),
        ...doses.flatMap((d) => [integer(`Minst ${d} dos(er)`, `At least ${d} dose(s)`), percent(`Andel minst ${d} dos(er) (%)`, `Share at least ${d} dose(s) (%)`)]),
        text(`Låg täckning (dos ${r.dose})`, `Low coverage (dose ${r.dose})`),
      ],
      rows: r.rows.map((row) => [row.label, row.population, ...row.vaccinated.flatMap((v, i) => [v, row.coverage[i] ?? null]), flag(row, lang)]),
    },
    {
      title: L(`Över tid (dos ${r.dose})`, `Over time (dose ${r.dose})`),
      columns: [{ header: dimensionName[r.by], type: 'text' }, ...r.weeks.map((w) => percent(w))],
      rows: r.series.map((s) => [s.label, ...s.points.map((p) => p.coverage)]),
    },
  ];
}

export function coveragePdf(r: CoverageReport, lang: Language, madeAt: Date): ReportSpec {
  const [table] = coverageTables(r, lang);
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const overall = r.overall.coverage === null ? '–' : `${String(pct(r.overall.coverage)).replace('.', lang === 'sv' ? ',' : '.')} %`;
  return {
    title: L(`Vaccinationstäckning: ${r.vaccine}`, `Vaccination coverage: ${r.vaccine}`),
    period: `${r.from} – ${r.to}`,
    scope: L(`Per ${dimensionName[r.by].sv.toLowerCase()}, läget ${r.asOf}`, `By ${dimensionName[r.by].en.toLowerCase()}, as of ${r.asOf}`)[lang],
    madeAt,
    blocks: [
      { kind: 'text', text: L(`Minst ${r.dose} dos(er): ${overall} av ${r.overall.population} personer.`, `At least ${r.dose} dose(s): ${overall} of ${r.overall.population} people.`) },
      {
        kind: 'chart',
        chart: { kind: 'bar', unit: ' %', title: L(`Andel med minst ${r.dose} dos(er) per grupp (%)`, `Share with at least ${r.dose} dose(s) per group (%)`), categories: r.rows.map((row) => row.label), series: [{ name: L(`Dos ${r.dose}`, `Dose ${r.dose}`), values: r.rows.map((row) => pct(row.coverage[r.dose - 1] ?? null)) }] },
      },
      {
        kind: 'chart',
        chart: { kind: 'line', unit: ' %', title: L(`Andel med minst ${r.dose} dos(er) över tid (%)`, `Share with at least ${r.dose} dose(s) over time (%)`), categories: r.weeks, series: r.series.slice(0, 8).map((s) => ({ name: L(s.label), values: s.points.map((p) => pct(p.coverage)) })) },
      },
      { kind: 'table', table: table! },
    ],
  };
}
