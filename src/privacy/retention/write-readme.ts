/** Rewrites the retention table in src/privacy/README.md from the registry: `npx tsx src/privacy/retention/write-readme.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRegistryTable } from './table.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(readme, withRegistryTable(readFileSync(readme, 'utf8')));
