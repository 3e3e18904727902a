import { decimal, integer, L, percent, text, type Language, type Table } from '../platform/files/export.js';
import type { ReportSpec } from '../platform/files/report-pdf.js';
import type { variantsPerWeek } from './sequencing.js';
import type { tracingStatistics } from './statistics.js';

/** Tracing's tables and report, for the download routes (platform/files/downloads.ts). */

type Statistics = Awaited<ReturnType<typeof tracingStatistics>>;
type Variants = Awaited<ReturnType<typeof variantsPerWeek>>;

const yesNo = (b: boolean, lang: Language) => (b ? L('ja', 'yes') : L('nej', 'no'))[lang];

export function tracingTables(s: Statistics, lang: Language): Table[] {
  return [
    {
      title: L('Smittspårning per vecka', 'Tracing per week'),
      columns: [
        text('Vecka', 'Week'),
        integer('Fall', 'Cases'),
        integer('Kontakter', 'Contacts'),
        decimal('Kontakter per fall', 'Contacts per case', 2),
        integer('Nådda i tid', 'Reached in time'),
        integer('Förfallna', 'Due'),
        percent('Andel nådda i tid (%)', 'Share reached in time (%)'),
        integer('Ej nådda', 'Not reached'),
        integer('Ej förfallna', 'Not yet due'),
        integer('Formulär i tid', 'Questionnaires in time'),
        integer('Formulär förfallna', 'Questionnaires due'),
        percent('Andel formulär i tid (%)', 'Share of questionnaires in time (%)'),
        decimal('Median timmar till första kontakt', 'Median hours to first contact'),
        decimal('90:e percentilen timmar', '90th percentile hours'),
        text('Timmar är en undre gräns', 'Hours are a lower bound'),
      ],
      rows: s.weeks.map((w) => [
        w.week,
        w.cases,
        w.contacts,
        w.contactsPerCase,
        w.reachedInTime.numerator,
        w.reachedInTime.denominator,
        w.reachedInTime.share,
        w.notReached,
        w.pending,
        w.questionnaireInTime.numerator,
        w.questionnaireInTime.denominator,
        w.questionnaireInTime.share,
        w.medianHoursToFirstContact,
        w.p90HoursToFirstContact,
        yesNo(w.hoursAtLeast, lang),
      ]),
    },
    { title: L('Utbrott per miljö', 'Outbreaks by setting'), columns: [text('Miljö', 'Setting'), integer('Utbrott', 'Outbreaks')], rows: s.outbreaksBySetting.map((o) => [o.kind, o.outbreaks]) },
  ];
}

export function tracingPdf(s: Statistics & { from: string; to: string }, lang: Language, madeAt: Date): ReportSpec {
  const weeks = s.weeks.map((w) => w.week);
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const [perWeek, outbreaks] = tracingTables(s, lang);
  return {
    title: L('Smittspårning: statistik', 'Contact tracing: statistics'),
    period: `${s.from} – ${s.to}`,
    madeAt,
    blocks: [
      { kind: 'chart', chart: { kind: 'bar', title: L('Fall och kontakter per vecka', 'Cases and contacts per week'), categories: weeks, series: [{ name: L('Fall', 'Cases'), values: s.weeks.map((w) => w.cases) }, { name: L('Kontakter', 'Contacts'), values: s.weeks.map((w) => w.contacts) }] } },
      {
        kind: 'chart',
        chart: {
          kind: 'line',
          unit: ' %',
          title: L('Andel i tid per vecka (%)', 'Share in time per week (%)'),
          categories: weeks,
          series: [
            { name: L('Nådda i tid', 'Reached in time'), values: s.weeks.map((w) => pct(w.reachedInTime.share)) },
            { name: L('Formulär i tid', 'Questionnaires in time'), values: s.weeks.map((w) => pct(w.questionnaireInTime.share)) },
          ],
        },
      },
      { kind: 'table', table: perWeek! },
      { kind: 'table', table: outbreaks! },
    ],
  };
}

export const variantTables = (v: Variants): Table[] => [
  { title: L('Varianter per vecka', 'Variants per week'), columns: [text('Vecka', 'Week'), text('Variant'), integer('Antal', 'Count')], rows: v.weeks.map((w) => [w.week, w.variant, w.count]) },
];
