import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { OutboxRouter } from './jobs/worker.js';

/** What every service needs: the database, the time, the configuration, and where side effects go. */
export interface AppContext {
  database: Database;
  clock: Clock;
  config: Config;
  outbox: OutboxRouter;
}
