import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { Permission } from '../auth/permissions.js';
import type { AppContext } from '../context.js';
import { actorOf, type App } from '../http/server.js';
import { attachment, CONTENT_TYPES, csvSeparators, fileName, languages, toCsv, toXlsx, type CsvSeparator, type Language, type Table } from './export.js';
import { renderReportPdf, type ReportSpec } from './report-pdf.js';

export type DownloadFormat = keyof typeof CONTENT_TYPES;

/** What every download takes besides its report's filters: the CSV dialect and the reader's language. */
export const downloadOptions = {
  separator: z.enum(csvSeparators).default('semicolon').describe("CSV only: 'semicolon' with decimal comma (Swedish Excel) or 'comma' with decimal point"),
  lang: z.enum(languages).default('sv').describe('Language of headers and texts'),
};
export interface DownloadOptions {
  separator: CsvSeparator;
  lang: Language;
}

export interface DownloadSpec<Q extends object, D> {
  /** The page data's route; the files are `${path}.csv`, `.xlsx` and (with `report`) `.pdf`. */
  path: string;
  access: Permission;
  tags: string[];
  /** Names the report in the route summaries, e.g. 'the weekly test report'. */
  what: string;
  /** The page's filters (a strict object); the download options are added to it. */
  query: z.ZodObject;
  /** Cross-field checks of the filters (date ranges). */
  refine?: (value: Record<string, unknown>, ctx: z.RefinementCtx) => void;
  /** Reads the same figures as the page, with the same role and region checks. */
  load: (actor: Actor, q: Q) => Promise<D>;
  /** The file name's stem and filters: [stem, ...filters]. */
  name: (q: Q, d: D) => [string, ...(string | number | undefined | null)[]];
  tables: (d: D, lang: Language) => Table[];
  /** The report PDF (report pages only). */
  report?: (d: D, lang: Language, madeAt: Date) => ReportSpec;
  /** Only these formats (default: CSV and XLSX, and PDF when there is a report). */
  formats?: DownloadFormat[];
}

/**
 * The download routes of one page: the same filters and access as its data, one table module for CSV and XLSX,
 * one report builder for PDF. Aggregate tables only: a download is a read like the page's, so nothing is audited
 * here that the page's read does not audit.
 */
export function downloadRoutes<Q extends object, D>(app: App, ctx: AppContext, spec: DownloadSpec<Q, D>) {
  const query = spec.query.extend(downloadOptions);
  const querystring = spec.refine ? query.superRefine(spec.refine) : query;
  const formats = spec.formats ?? (spec.report ? (['csv', 'xlsx', 'pdf'] as const) : (['csv', 'xlsx'] as const));
  const summaries: Record<DownloadFormat, string> = {
    csv: `${spec.what} as CSV (UTF-8 with BOM; semicolon and decimal comma, or comma)`,
    xlsx: `${spec.what} as an Excel workbook`,
    pdf: `${spec.what} as a PDF report with charts and tables`,
  };
  for (const format of formats) {
    app.get(`${spec.path}.${format}`, { config: { access: spec.access }, schema: { tags: spec.tags, summary: summaries[format], querystring } }, async (req, reply) => {
      const q = req.query as Q & DownloadOptions;
      const data = await spec.load(actorOf(req), q);
      const [stem, ...filters] = spec.name(q, data);
      const body = format === 'csv' ? csvOf(spec.tables(data, q.lang), q) : format === 'xlsx' ? await toXlsx(spec.tables(data, q.lang), q.lang) : await renderReportPdf(spec.report!(data, q.lang, ctx.clock.now()), q.lang);
      return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment(fileName(stem, filters, format))).send(body);
    });
  }
}

/** A CSV file holds one table: the page's main one (the first). */
const csvOf = (tables: Table[], q: DownloadOptions) => toCsv(tables[0] ?? { columns: [], rows: [] }, q.separator, q.lang);
