import { Command, Option } from 'commander';
import { verifyAuditChain, sealAuditLog } from '../platform/audit/audit.js';
import { loadConfig, type Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { importResultsCommand } from './import.js';
import { prepareDatabase, startLagesbild } from './runtime.js';

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
  .action(async (o) => {
    const running = await startLagesbild(overrides(o));
    console.log(`\nLägesbild is running: ${running.url}\n  API documentation: ${running.url}/api/docs\n  Stop with Ctrl+C.`);
    const stop = async () => {
      console.log('\nStopping…');
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

dataOptions(program.command('migrate').description('apply database migrations and reference data, then exit')).action(async (o) => {
  const database = await prepareDatabase(loadConfig(overrides(o)), console.log);
  await database.close();
  console.log('The database is up to date.');
});

const audit = program.command('audit').description('the audit log (patientdatalagen)');
dataOptions(audit.command('verify').description('seal pending entries and verify the hash chain; exit code 1 if it is broken')).action(async (o) => {
  const config = loadConfig(overrides(o));
  const database = await prepareDatabase(config);
  try {
    const sealed = await sealAuditLog(database);
    if (sealed) console.log(`Sealed ${sealed} pending entries.`);
    const r = await verifyAuditChain(database, { onProgress: (n, total) => process.stdout.write(`\rChecked ${n} of ${total} entries`) });
    process.stdout.write('\n');
    if (r.ok) console.log(`The audit chain is intact: ${r.checked} entries checked.`);
    else {
      console.error(`The audit chain is BROKEN in region ${r.firstBroken!.regionId} at entry ${r.firstBroken!.seq}: ${r.firstBroken!.reason}.`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
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

try {
  await program.parseAsync(process.argv.length > 2 ? process.argv : [...process.argv, 'start']);
} catch (e) {
  if (e instanceof AppError) {
    console.error(`\n${e.message}`);
    process.exit(2);
  }
  throw e;
}
