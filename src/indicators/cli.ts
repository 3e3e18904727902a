/** `lagesbild import contacts|indicator-values FILE` and `lagesbild indicators compute PERIOD`: the indicator jobs from the command line. */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createContext } from '../app.js';
import { progress } from '../cli/import.js';
import { prepareDatabase } from '../cli/runtime.js';
import { systemActor } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import { invalid } from '../platform/errors.js';
import { computeIndicators } from './compute.js';
import { importContacts } from './contacts.js';
import type { ImportSummary } from './imports.js';
import { importValues } from './value-import.js';

const n = (v: number) => v.toLocaleString('sv-SE');

function summaryText(s: ImportSummary): string {
  if (s.status === 'already-imported') return `${s.fileName} was already imported as import ${s.importId}: nothing changed.`;
  return [
    `Imported ${s.fileName} (${s.format}, import ${s.importId})${s.resumedFrom > 0 ? `, resumed after row ${n(s.resumedFrom)}` : ''}: ${n(s.accepted)} in, ${n(s.unchanged)} unchanged, ${n(s.rejected)} rejected of ${n(s.rowsTotal)} rows`,
    ...s.rejections.slice(0, 20).map((r) => `  row ${r.row}, ${r.column}: ${r.reason}`),
    ...(s.rejected > 20 ? ['  … (every rejection: GET /api/indicators/imports/{id}/rejections)'] : []),
  ].join('\n');
}

export async function importIndicatorFileCommand(config: Config, kind: 'contacts' | 'values', file: string): Promise<ImportSummary> {
  if (!existsSync(file)) throw invalid('FILE', `no such file: ${file}`);
  const database = await prepareDatabase(config);
  const bar = progress();
  try {
    const ctx = createContext(database, config);
    const actor = systemActor(config.regionId, kind === 'contacts' ? 'Kontaktimport' : 'Indikatorimport');
    const content = readFileSync(file);
    const summary = kind === 'contacts' ? await importContacts(ctx, actor, { fileName: basename(file), content, onProgress: (d, t) => bar.update(d, t) }) : await importValues(ctx, actor, { fileName: basename(file), content });
    bar.stop();
    console.log(summaryText(summary));
    return summary;
  } finally {
    bar.stop();
    await database.close();
  }
}

export async function computeIndicatorsCommand(config: Config, period: string) {
  const database = await prepareDatabase(config);
  try {
    const run = await computeIndicators(createContext(database, config), systemActor(config.regionId, 'Indikatorberäkning'), { period });
    console.log(`Computed ${run.period}: ${n(run.valuesWritten)} values from ${n(run.inputs.contacts)} contacts of ${n(run.inputs.persons)} persons (run ${run.runId}; ${run.definitions.map((d) => `${d.code} v${d.version}`).join(', ')})`);
    return run;
  } finally {
    await database.close();
  }
}
