import type { Database } from '../db/client.js';
import { sealAuditLog } from './chain.js';
import { sealCheckpoints, type CheckpointLog } from './checkpoints.js';

export interface AuditLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * The audit housekeeping job: seals new entries into the chain, then a checkpoint of each head that moved,
 * at most every `checkpointEveryMs`. Each checkpoint is logged (the log is a third place it is published);
 * forged entries and a log that no longer matches its checkpoint are logged as errors, once each.
 */
export class AuditSealer {
  private current: Promise<void> | undefined;
  private readonly reported = new Set<string>();

  constructor(
    private readonly database: Database,
    private readonly checkpoints: CheckpointLog,
    private readonly log: AuditLogger,
    private readonly checkpointEveryMs = 60_000,
  ) {}

  /** One round; a round still running makes a periodic one a no-op, while `final` waits for it and then runs. */
  async runOnce(opts: { final?: boolean } = {}): Promise<void> {
    if (this.current) {
      if (!opts.final) return;
      await this.current.catch(() => {});
    }
    this.current = this.run(opts.final ?? false).finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async run(final: boolean) {
    const { forged } = await sealAuditLog(this.database);
    const fresh = forged.filter((f) => this.firstTime(`entry:${f.regionId}:${f.id}`));
    if (fresh.length) this.log.error({ forged: fresh }, 'audit entries without a valid signature were not sealed; run `lagesbild audit verify`');
    for (const o of await sealCheckpoints(this.database, this.checkpoints, { minIntervalMs: final ? 0 : this.checkpointEveryMs })) {
      if ('sealed' in o) this.log.info({ checkpoint: o.sealed }, 'audit checkpoint sealed');
      else if (this.firstTime(`checkpoint:${o.regionId}:${o.refused.seq}`))
        this.log.error({ regionId: o.regionId, checkpoint: o.refused }, 'the audit log no longer matches its last checkpoint, so no new one was sealed; run `lagesbild audit verify`');
    }
  }

  private firstTime(key: string): boolean {
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    return true;
  }
}
