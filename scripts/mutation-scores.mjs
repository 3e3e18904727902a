#!/usr/bin/env node
// The mutation score of every mutated file, from Stryker's JSON report (npm run test:mutation writes it).
// Stryker's own `thresholds.break` judges the total only; this fails when any single rules module is below
// the threshold, so a weak module cannot hide behind strong ones. `--markdown` prints the README's table.
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(new URL('../stryker.config.json', import.meta.url), 'utf8'));
const report = JSON.parse(readFileSync(new URL(`../${config.jsonReporter.fileName}`, import.meta.url), 'utf8'));
const threshold = config.thresholds.break;

const rows = Object.entries(report.files)
  .map(([file, { mutants }]) => {
    const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
    const detected = count('Killed', 'Timeout');
    const valid = detected + count('Survived', 'NoCoverage');
    return { file, detected, survived: count('Survived'), noCoverage: count('NoCoverage'), ignored: count('Ignored'), valid, score: valid === 0 ? 100 : (100 * detected) / valid };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

const pct = (x) => `${x.toFixed(1)} %`;
if (process.argv.includes('--markdown')) {
  console.log('| module | mutants | killed | survived | no coverage | score |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| \`${r.file}\` | ${r.valid} | ${r.detected} | ${r.survived} | ${r.noCoverage} | ${pct(r.score)} |`);
  const total = rows.reduce((a, r) => ({ detected: a.detected + r.detected, valid: a.valid + r.valid }), { detected: 0, valid: 0 });
  console.log(`| **all** | ${total.valid} | ${total.detected} | ${total.valid - total.detected} |  | ${pct((100 * total.detected) / total.valid)} |`);
}

const weak = rows.filter((r) => r.score < threshold);
for (const r of weak) console.error(`mutation score of ${r.file} is ${pct(r.score)}, below ${threshold} %: ${r.survived} mutants survive its tests`);
if (weak.length > 0) process.exit(1);
if (!process.argv.includes('--markdown')) console.log(`every mutated file scores at least ${threshold} % (${rows.length} files)`);
