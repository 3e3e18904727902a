import { createHmac, timingSafeEqual } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { resolveSecret } from '../secrets.js';

/**
 * The audit key signs every audit entry when it is written and every checkpoint of a chain head. It lives
 * outside the database (AUDIT_KEY, or a file in the data dir), so someone with only database access can
 * neither write an entry that passes as genuine nor a checkpoint that hides a truncated log.
 */
let key: Buffer | undefined;

export const auditKeyFile = (dataDir: string) => join(resolve(dataDir), 'audit.key');

/** AUDIT_KEY, or else the key file in the data dir, generated on first start. */
export function resolveAuditKey(config: Pick<Config, 'auditKey' | 'dataDir'>): Buffer {
  return resolveSecret(config.auditKey, auditKeyFile(config.dataDir));
}

/** Sets the key this process signs and checks with; called once at start (createContext, the CLI). */
export function useAuditKey(k: Buffer): void {
  key = k;
}

function auditKey(): Buffer {
  if (!key) throw new Error('The audit key is not loaded: call useAuditKey(resolveAuditKey(config)) at start');
  return key;
}

/** JSON with object keys sorted, so the same content always gives the same bytes. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/** The content of an entry as the database gives it back (timestamps as `isoTimestamp`, uuids in lower case). */
export interface SignedEntry {
  region_id: string;
  id: string;
  at_iso: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  person_id: string | null;
  action: string;
  purpose: string;
  details: unknown;
}

export interface CheckpointContent {
  regionId: string;
  seq: number;
  headHash: string;
  unsignedUntil: number;
  at: string;
}

// Each kind of signed content starts with its own label, so an entry's MAC can never pass for a checkpoint's.
const mac = (parts: unknown[]) => createHmac('sha256', auditKey()).update(stableJson(parts)).digest('hex');

export function entryMac(e: SignedEntry): string {
  return mac(['lagesbild.audit.entry/1', e.region_id, e.id, e.at_iso, e.actor_kind, e.actor_id, e.actor_name, e.actor_role, e.person_id, e.action, e.purpose, e.details ?? null]);
}

export function checkpointMac(c: CheckpointContent): string {
  return mac(['lagesbild.audit.checkpoint/1', c.regionId, c.seq, c.headHash, c.unsignedUntil, c.at]);
}

/** Compares a stored MAC with the expected one in constant time. */
export function macMatches(stored: string | null | undefined, expected: string): boolean {
  if (typeof stored !== 'string' || stored.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(expected));
}

let lastMicros = 0;

/**
 * Now as ISO-8601 UTC with microseconds, strictly increasing within the process: an entry's time is part of
 * what is signed, so the application sets it (as `isoTimestamp` reads it back), and entries written one after
 * the other keep their order.
 */
export function nowMicros(): string {
  lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
  const iso = new Date(Math.floor(lastMicros / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(lastMicros % 1000).padStart(3, '0')}Z`;
}
