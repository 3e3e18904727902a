import { Command, Option } from 'commander';
import { sealAuditLog } from '../platform/audit/chain.js';
import { CheckpointLog, sealCheckpoints } from '../platform/audit/checkpoints.js';
import { resolveAuditKey, useAuditKey } from '../platform/audit/signing.js';
import { describeFinding, verifyAuditLog } from '../platform/audit/verify.js';
import { loadConfig, type Config } from '../platform/config.js';
import type { Database } from '../platform/db/client.js';
import { AppError } from '../platform/errors.js';
import { importResultsCommand } from './import.js';
import { verifyCommand } from '../certificates/cli.js';
import { registerClientCommand } from '../fhir/cli.js';
import { computeIndicatorsCommand, importIndicatorFileCommand } from '../indicators/cli.js';
import { prepareDatabase, startLagesbild } from './runtime.js';
import { isServingProcess, processCount, startPrimary, startServingProcess } from './cluster.js';

const program = new Command('lagesbild').description('Lägesbild: communicable-disease response for a Swedish healthcare region').showHelpAfterError();

const dataOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--data-dir <dir>', 'where the embedded database lives (ignored with DATABASE_URL)').env('LAGESBILD_DATA_DIR'))
    .addOption(new Option('--region <code>', 'the region this instance serves, as a county code (18 = Örebro län)').env('LAGESBILD_REGION'));

const overrides = (o: Record<string, unknown>): Partial<Config> => ({
  dataDir: o.dataDir as string | undefined,
  regionId: o.region as string | undefined,
  port: o.port as number | undefined,
  host: o.host as string | undefined,
  demo: o.demo as boolean | undefined,
  demoSize: o.demoSize as number | undefined,
  demoSeed: o.demoSeed as number | undefined,
});

dataOptions(program.command('start').description('run the server, the web UI and the outbox worker (the default command)'))
  .addOption(new Option('-p, --port <port>', 'HTTP port').argParser(Number).env('PORT'))
  .addOption(new Option('--host <host>', 'address to listen on').env('HOST'))
  .option('--demo', 'load a synthetic demo region on first start (default)')
  .option('--no-demo', 'start without demo data')
  .addOption(new Option('--demo-size <people>', 'people in the demo region').argParser(Number).env('LAGESBILD_DEMO_SIZE'))
  .addOption(new Option('--demo-seed <seed>', 'seed of the demo generator (same seed, same people)').argParser(Number).env('LAGESBILD_DEMO_SEED'))
  .addOption(new Option('--workers <n>', 'HTTP processes (default: one per CPU on PostgreSQL, one on the embedded database)').argParser(Number).env('LAGESBILD_WORKERS'))
  .action(async (o) => {
    if (isServingProcess()) return stopOnSignal(await startServingProcess(overrides(o)));
    const count = processCount(loadConfig(overrides(o)), o.workers);
    const running = count === 1 ? await startLagesbild(overrides(o)) : await startPrimary(overrides(o), count, console.log);
    const processes = count === 1 ? '' : ` (${count} processes)`;
    console.log(`\nLägesbild is running: ${running.url}${processes}\n  API documentation: ${running.url}/api/docs\n  Stop with Ctrl+C.`);
    stopOnSignal(running, '\nStopping…');
  });

/** Stops gracefully on Ctrl+C or SIGTERM (a serving process of a cluster gets them from its primary). */
function stopOnSignal(running: { stop(): Promise<void> }, farewell?: string) {
  const stop = async () => {
    if (farewell) console.log(farewell);
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

dataOptions(program.command('migrate').description('apply database migrations and reference data, then exit')).action(async (o) => {
  const database = await prepareDatabase(loadConfig(overrides(o)), console.log, { migrate: true });
  await database.close();
  console.log('The database is up to date.');
});

const audit = program.command('audit').description('the audit log (patientdatalagen)');
/** Swedish first, English on the next line: what a person at the terminal reads. */
const say = (sv: string, en: string, to: (m: string) => void = console.log) => to(`${sv}\n  ${en}`);

/** Opens the database with the audit key loaded, seals pending entries, runs `work`, and closes. */
async function withAuditLog(o: Record<string, unknown>, work: (database: Database, checkpoints: CheckpointLog) => Promise<void>) {
  const config = loadConfig(overrides(o));
  useAuditKey(resolveAuditKey(config));
  const database = await prepareDatabase(config);
  try {
    const { sealed, forged } = await sealAuditLog(database);
    if (sealed) say(`${sealed} väntande poster förseglades.`, `Sealed ${sealed} pending entries.`);
    if (forged.length) say(`${forged.length} poster utan giltig signatur förseglades inte.`, `${forged.length} entries without a valid signature were not sealed.`, console.error);
    await work(database, CheckpointLog.of(config));
  } finally {
    await database.close();
  }
}

dataOptions(
  audit
    .command('verify')
    .description('seal pending entries, then verify the hash chain, every entry\'s signature and the checkpoints (file and database); exit code 1 on any problem'),
).action((o) =>
  withAuditLog(o, async (database, checkpoints) => {
    const r = await verifyAuditLog(database, checkpoints, { onProgress: (n, total) => process.stdout.write(`\rKontrollerade ${n} av ${total} poster / Checked ${n} of ${total} entries`) });
    process.stdout.write('\n');
    for (const c of r.comparedWith) say(`Region ${c.regionId}: jämförd med kontrollpunkt ${c.seq} från ${c.at}.`, `Region ${c.regionId}: compared with checkpoint ${c.seq} of ${c.at}.`);
    if (r.ok) {
      say(`Granskningsloggen är intakt: ${r.checked} poster kontrollerade.`, `The audit log is intact: ${r.checked} entries checked.`);
      return;
    }
    say(`Granskningsloggen är INTE intakt (${r.checked} poster kontrollerade):`, `The audit log is NOT intact (${r.checked} entries checked):`, console.error);
    for (const f of r.findings) {
      const { sv, en } = describeFinding(f);
      say(`- ${sv}`, `${en}`, console.error);
    }
    process.exitCode = 1;
  }),
);

dataOptions(audit.command('checkpoint').description('seal pending entries and a signed checkpoint of every chain head that moved (also sealed every minute by the running server)')).action((o) =>
  withAuditLog(o, async (database, checkpoints) => {
    const outcomes = await sealCheckpoints(database, checkpoints);
    if (outcomes.length === 0) say('Inga nya kontrollpunkter: inget kedjehuvud har flyttats sedan den senaste.', 'No new checkpoints: no chain head moved since the last one.');
    for (const c of outcomes) {
      if ('sealed' in c) say(`Region ${c.regionId}: kontrollpunkt ${c.sealed.seq} förseglad (${c.sealed.at}), skriven till ${checkpoints.path}.`, `Region ${c.regionId}: checkpoint ${c.sealed.seq} sealed (${c.sealed.at}), written to ${checkpoints.path}.`);
      else {
        say(
          `Region ${c.regionId}: loggen stämmer inte längre med kontrollpunkt ${c.refused.seq} från ${c.refused.at}, så ingen ny förseglades. Kör lagesbild audit verify.`,
          `Region ${c.regionId}: the log no longer matches checkpoint ${c.refused.seq} of ${c.refused.at}, so no new one was sealed. Run lagesbild audit verify.`,
          console.error,
        );
        process.exitCode = 1;
      }
    }
  }),
);

const certificate = program.command('certificate').description('EU Digital COVID Certificates');
dataOptions(
  certificate
    .command('verify')
    .description('verify a certificate: its HC1: text or a PNG of its QR code, against this instance’s signers and revocations (or a trust-list file); exit code 1 when not valid')
    .argument('<certificate>', 'HC1:… or a PNG file')
    .addOption(new Option('--trust-list <file>', 'verify offline against a trust list in the DCC gateway format (GET /api/certificates/trust-list)')),
).action(async (input: string, o) => {
  if (!(await verifyCommand(input, overrides(o), o.trustList as string | undefined))) process.exitCode = 1;
});

const importCmd = program.command('import').description('bulk imports');
dataOptions(importCmd.command('results').description('import a file of lab results (CSV or FHIR R4 Bundle); the same file again resumes or changes nothing').argument('<file>', 'the file'))
  .addOption(new Option('--format <format>', 'csv or fhir (default: from the file name or content)').choices(['csv', 'fhir']))
  .option('--lab <unit-id>', 'the lab unit the results come from')
  .option('--report <path>', 'where to write the per-row report (default: <file>.report.csv)')
  .addOption(new Option('--batch-size <rows>', 'rows per transaction').argParser(Number).default(1000))
  .action(async (file: string, o) => {
    await importResultsCommand(loadConfig(overrides(o)), file, { format: o.format, lab: o.lab, report: o.report, batchSize: o.batchSize });
  });

dataOptions(importCmd.command('contacts').description('import primary-care contacts (CSV or XLSX); the same file again resumes or changes nothing').argument('<file>', 'the file')).action(async (file: string, o) => {
  await importIndicatorFileCommand(loadConfig(overrides(o)), 'contacts', file);
});
dataOptions(importCmd.command('indicator-values').description('import indicator values (CSV or XLSX), row by row').argument('<file>', 'the file')).action(async (file: string, o) => {
  await importIndicatorFileCommand(loadConfig(overrides(o)), 'values', file);
});
dataOptions(program.command('indicators').command('compute').description('compute indicators from the imported contacts for a period (e.g. 2022)').argument('<period>', 'the period')).action(async (period: string, o) => {
  await computeIndicatorsCommand(loadConfig(overrides(o)), period);
});

dataOptions(program.command('fhir').command('register-client').description('register (or replace) a system client of the FHIR API: its public keys (a JWK Set file) and the scopes it may be granted'))
  .requiredOption('--client-id <id>', 'the client id the client puts in iss and sub of its assertions')
  .requiredOption('--name <name>', 'the system, as the audit log names it')
  .requiredOption('--jwks <file>', 'a JSON file with the client\'s public keys: { "keys": [ … ] }, each with a kid')
  .option('--scopes <scopes>', 'scopes it may be granted, space or comma separated', 'system/*.read')
  .action(async (o) => {
    await registerClientCommand(loadConfig(overrides(o)), { clientId: o.clientId, name: o.name, jwks: o.jwks, scopes: o.scopes });
  });

try {
  await program.parseAsync(process.argv.length > 2 ? process.argv : [...process.argv, 'start']);
} catch (e) {
  if (e instanceof AppError) {
    console.error(`\n${e.message}`);
    process.exit(2);
  }
  throw e;
}
