import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/auth/actor.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * System clients of the FHIR API (SMART Backend Services): a client proves who it is with a JWT signed by a
 * key of its registered JWK Set. Registered per region: a client of one region is unknown at another's instance.
 */
export const fhirClients = pgTable(
  'fhir_clients',
  {
    regionId: text('region_id').notNull(),
    clientId: text('client_id').notNull(),
    name: text('name').notNull(),
    /** The client's public keys, a JWK Set ({ keys: [...] }). */
    jwks: jsonb('jwks').$type<{ keys: Record<string, unknown>[] }>().notNull(),
    /** What it may be granted, e.g. ['system/*.read']. */
    scopes: text('scopes').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.clientId] })],
);

/** Issued access tokens, by SHA-256 (as sessions): short-lived and bound to the region that issued them. */
export const fhirAccessTokens = pgTable(
  'fhir_access_tokens',
  {
    regionId: text('region_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    clientId: text('client_id').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.tokenHash] }), foreignKey({ columns: [t.regionId, t.clientId], foreignColumns: [fhirClients.regionId, fhirClients.clientId] }).onDelete('cascade')],
);

/** Assertion ids (`jti`) already used, until the assertion expires: a replayed assertion is refused. */
export const fhirAssertionIds = pgTable(
  'fhir_assertion_ids',
  {
    regionId: text('region_id').notNull(),
    clientId: text('client_id').notNull(),
    jti: text('jti').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.clientId, t.jti] }), foreignKey({ columns: [t.regionId, t.clientId], foreignColumns: [fhirClients.regionId, fhirClients.clientId] }).onDelete('cascade')],
);

export const exportStatuses = ['queued', 'done', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/** A Bulk Data `$export` request; the outbox worker runs it (topic `fhir.export`), so it survives a restart. */
export const fhirExports = pgTable(
  'fhir_exports',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    level: text('level').$type<'system' | 'patient'>().notNull(),
    types: text('types').array().notNull(),
    /** Who asked: the export audits its reads as theirs, and only they may poll and download. */
    requestedBy: jsonb('requested_by').$type<Actor>().notNull(),
    requestUrl: text('request_url').notNull(),
    status: text('status').$type<ExportStatus>().notNull().default('queued'),
    error: text('error'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    transactionTime: ts('transaction_time'),
    /** Files are served until then, and deleted with the export after it. */
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

/** The NDJSON output of an export, in the database (not on disk), one row per resource type and part. */
export const fhirExportFiles = pgTable(
  'fhir_export_files',
  {
    regionId: text('region_id').notNull(),
    exportId: uuid('export_id').notNull(),
    resourceType: text('resource_type').notNull(),
    part: integer('part').notNull(),
    count: integer('count').notNull(),
    ndjson: text('ndjson').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.exportId, t.resourceType, t.part] }),
    foreignKey({ columns: [t.regionId, t.exportId], foreignColumns: [fhirExports.regionId, fhirExports.id] }).onDelete('cascade'),
  ],
);
