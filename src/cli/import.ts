/** `lagesbild import results FILE`: the lab bulk import from the command line, with progress and a summary. */
import cliProgress from 'cli-progress';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { systemActor } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import { invalid } from '../platform/errors.js';
import { createContext } from '../app.js';
import { importResults, type ImportSummary } from '../testing/import/runner.js';
import type { ImportFormat } from '../testing/import/rows.js';
import { prepareDatabase } from './runtime.js';

export interface ImportCommandOptions {
  format?: ImportFormat;
  lab?: string;
  report?: string;
  batchSize?: number;
}

const n = (v: number) => v.toLocaleString('sv-SE');
/** An instant as Swedish local date and time, '2021-12-06 14:30'. */
const localTime = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

export function summaryText(s: ImportSummary): string {
  if (s.status === 'already-imported') {
    return `${s.fileName} was already imported on ${localTime(s.finishedAt!)} as import ${s.importId}: nothing changed.\n  accepted ${n(s.accepted)}, unchanged ${n(s.unchanged)}, held for matching ${n(s.held)}, rejected ${n(s.rejected)} of ${n(s.rowsTotal)} rows`;
  }
  return [
    `Imported ${s.fileName} (${s.format}, import ${s.importId})${s.resumedFrom > 0 ? `, resumed after row ${n(s.resumedFrom)}` : ''}:`,
    `  accepted           ${n(s.accepted)}`,
    `  unchanged          ${n(s.unchanged)}`,
    `  held for matching  ${n(s.held)}`,
    `  rejected           ${n(s.rejected)}`,
    `  rows               ${n(s.rowsTotal)} in ${s.seconds.toFixed(1)} s (${n(Math.round(s.rowsPerSecond))} rows/s)`,
    ...(s.reportPath ? [`  report             ${s.reportPath}`] : []),
  ].join('\n');
}

/** A progress bar on a terminal; a line per 10 % otherwise (logs, CI). */
export function progress(): { update(done: number, total: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'Importing [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left', hideCursor: true }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(done, total) {
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`Importing: ${tenth * 10}% (${n(done)} of ${n(total)} rows)\n`);
      }
    },
    stop() {},
  };
}

export async function importResultsCommand(config: Config, file: string, o: ImportCommandOptions): Promise<ImportSummary> {
  if (o.lab && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(o.lab)) throw invalid('--lab', 'give the lab unit\'s id (a UUID)');
  if (!existsSync(file)) throw invalid('FILE', `no such file: ${file}`);
  if (o.batchSize !== undefined && !(Number.isInteger(o.batchSize) && o.batchSize > 0)) throw invalid('--batch-size', 'a positive whole number');
  const database = await prepareDatabase(config);
  const bar = progress();
  try {
    const ctx = createContext(database, config);
    const summary = await importResults(ctx, systemActor(config.regionId, 'Resultatimport'), {
      fileName: basename(file),
      content: file,
      format: o.format,
      labUnitId: o.lab ?? null,
      reportPath: o.report,
      batchSize: o.batchSize,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    console.log(summaryText(summary));
    return summary;
  } finally {
    bar.stop();
    await database.close();
  }
}
