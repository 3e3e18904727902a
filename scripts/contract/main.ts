// `npm run contract`: writes the web UI's contract from the server's routes (an app on an in-memory
// database, no port). Run it after changing a route's schema, and commit what it writes.
import { writeFileSync } from 'node:fs';
import { createApp, createContext } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { openPglite } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { CONTRACT_DIR, CONTRACT_FILES, renderContract } from './render.js';

// The app seeds reference rows when it starts, so the throwaway database is migrated first.
const database = await openPglite(undefined);
await migrate(database);
const config = loadConfig({ logLevel: 'silent', demo: false, auditKey: 'contract generation only, never signs', certificateKey: 'contract generation only, never encrypts' }, {});
const app = await createApp(createContext(database, config), { logger: false });
try {
  const contract = await renderContract(app);
  for (const [part, file] of Object.entries(CONTRACT_FILES)) writeFileSync(new URL(file, CONTRACT_DIR), contract[part as keyof typeof CONTRACT_FILES]);
  console.log(`Wrote ${Object.values(CONTRACT_FILES).map((f) => `web/src/contract/${f}`).join(' and ')}`);
} finally {
  await app.close();
  await database.close();
}
