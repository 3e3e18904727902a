import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Bundle, CapabilityStatement, OperationOutcome } from 'fhir/r4.js';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.js';
import { AppError, type ErrorCode } from '../platform/errors.js';
import type { App } from '../platform/http/server.js';
import { callerOf, issueToken, OAuthError, requireScope } from './auth.js';
import { cancelExport, exportFile, exportStatus, kickOff } from './export.js';
import { parseSearch } from './search.js';
import { auditDelivered, isResourceType, patientTypes, resourceDefs, resourceTypes, searchPage, type ResourceType } from './store.js';

export const FHIR_PREFIX = '/fhir/R4';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const statusOf: Record<ErrorCode, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, 'not-found': 404, conflict: 409, 'too-large': 413, unavailable: 503 };
const issueCodeOf: Record<number, OperationOutcome['issue'][number]['code']> = { 400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'not-found', 405: 'not-supported', 409: 'conflict', 413: 'too-long', 415: 'not-supported', 429: 'throttled', 503: 'transient' };

export function operationOutcome(status: number, diagnostics: string, expression: string[] = []): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: issueCodeOf[status] ?? 'exception', diagnostics, ...(expression.length ? { expression } : {}) }] };
}

function sendOutcome(reply: FastifyReply, status: number, diagnostics: string, expression?: string[]) {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type(FHIR_JSON).send(operationOutcome(status, diagnostics, expression));
}

/** Every error under /fhir/R4 as an OperationOutcome naming the parameter and the reason; never a stack trace. */
function fhirErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof OAuthError) return reply.code(err.status).type('application/json').send({ error: err.error, error_description: err.message });
  if (err instanceof AppError) return sendOutcome(reply, statusOf[err.code], err.message, err.errors.map((e) => e.field));
  if (hasZodFastifySchemaValidationErrors(err)) return sendOutcome(reply, 400, err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendOutcome(reply, err.statusCode, err.message);
  req.log.error({ err }, 'unhandled error');
  return sendOutcome(reply, 500, `Something went wrong on our side. Quote request id ${req.id} if you contact support.`);
}

/** The FHIR base URL as the client reached it (the public URL when one is configured). */
function baseOf(ctx: AppContext, req: FastifyRequest): string {
  return `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}${FHIR_PREFIX}`;
}
const tokenUrlOf = (base: string) => `${base}/auth/token`;

function capabilityStatement(base: string, at: Date): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: at.toISOString(),
    publisher: 'Lägesbild',
    kind: 'instance',
    software: { name: 'Lägesbild', version: '0.1.0' },
    implementation: { description: 'Lägesbild FHIR R4: läsning, sökning och bulkexport / read, search and bulk export', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          extension: [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris', extension: [{ url: 'token', valueUri: tokenUrlOf(base) }] }],
          description: 'SMART Backend Services: client credentials with a signed JWT assertion (RS384/ES384). Staff sessions with the role for it may also read.',
        },
        resource: resourceTypes.map((type) => ({
          type,
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
          searchParam: [
            ...Object.entries(resourceDefs[type].params).map(([name, kind]) => ({ name, type: kind })),
            { name: '_count', type: 'number' as const },
          ],
          ...(type === 'Patient' ? { operation: [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' }] } : {}),
        })),
        operation: [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' }],
      },
    ],
  };
}

/** The query string's pairs without the cursor, to build the self and next links. */
function linkQuery(query: Record<string, unknown>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== '_cursor') for (const x of Array.isArray(v) ? v : [v]) params.append(k, String(x));
  if (cursor) params.append('_cursor', cursor);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const actionOf = (type: ResourceType) => `fhir.${type.toLowerCase()}.read`;

/**
 * The FHIR R4 API under /fhir/R4, outside /api: its own errors (OperationOutcome), its own authentication
 * (bearer tokens of SMART Backend Services, or a staff session with `fhir.read`), JSON only. Hidden from the
 * OpenAPI document: its contract is the CapabilityStatement at /fhir/R4/metadata.
 */
export async function fhirRoutes(app: App, ctx: AppContext) {
  await app.register(
    async (fhir) => {
      fhir.setErrorHandler(fhirErrorHandler);
      fhir.setNotFoundHandler((req, reply) => sendOutcome(reply, 404, `No such FHIR endpoint: ${req.method} ${req.url.split('?')[0]}`));
      fhir.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      const hide = { hide: true } as const;

      fhir.get('/metadata', { schema: hide }, async (req, reply) => reply.type(FHIR_JSON).send(capabilityStatement(baseOf(ctx, req), ctx.clock.now())));

      fhir.get('/.well-known/smart-configuration', { schema: hide }, async (req) => ({
        token_endpoint: tokenUrlOf(baseOf(ctx, req)),
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384', 'RS256', 'ES256'],
        grant_types_supported: ['client_credentials'],
        scopes_supported: ['system/*.read', ...resourceTypes.map((t) => `system/${t}.read`)],
        capabilities: ['client-confidential-asymmetric', 'permission-v1'],
      }));

      fhir.post('/auth/token', { schema: hide }, async (req, reply) => {
        const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string | undefined>;
        const answer = await issueToken(ctx, form, tokenUrlOf(baseOf(ctx, req)));
        return reply.header('cache-control', 'no-store').send(answer);
      });

      const exportKickOff = (level: 'system' | 'patient') => async (req: FastifyRequest, reply: FastifyReply) => {
        const caller = await callerOf(ctx, req);
        const base = baseOf(ctx, req);
        const id = await kickOff(ctx, caller, { level, query: req.query as Record<string, unknown>, prefer: [req.headers.prefer].flat().join(','), requestUrl: `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}${req.url}` });
        return reply.code(202).header('content-location', `${base}/$export-status/${id}`).type(FHIR_JSON).send(operationOutcomeInfo('Export queued; poll Content-Location'));
      };
      fhir.get('/$export', { schema: hide }, exportKickOff('system'));
      fhir.get('/Patient/$export', { schema: hide }, exportKickOff('patient'));

      fhir.get<{ Params: { id: string } }>('/$export-status/:id', { schema: hide }, async (req, reply) => {
        const caller = await callerOf(ctx, req);
        const status = await exportStatus(ctx, caller, req.params.id, baseOf(ctx, req));
        if (status.state === 'running') return reply.code(202).header('x-progress', status.progress).header('retry-after', '2').send();
        if (status.state === 'failed') return sendOutcome(reply, 500, `The export failed: ${status.error}`);
        return reply.code(200).header('expires', new Date(ctx.clock.now().getTime() + 3_600_000).toUTCString()).type('application/json').send(status.manifest);
      });
      fhir.delete<{ Params: { id: string } }>('/$export-status/:id', { schema: hide }, async (req, reply) => {
        await cancelExport(ctx, await callerOf(ctx, req), req.params.id);
        return reply.code(202).send();
      });
      fhir.get<{ Params: { id: string; file: string } }>('/$export-file/:id/:file', { schema: hide }, async (req, reply) => {
        const ndjson = await exportFile(ctx, await callerOf(ctx, req), req.params.id, req.params.file);
        return reply.type('application/fhir+ndjson').send(ndjson);
      });

      const typeOf = (type: string): ResourceType => {
        if (!isResourceType(type)) throw new AppError('not-found', `type: ${type} is not a resource type this server serves (${resourceTypes.join(', ')})`, 'type');
        return type;
      };

      fhir.get<{ Params: { type: string } }>('/:type', { schema: hide }, async (req, reply) => {
        const type = typeOf(req.params.type);
        const caller = await callerOf(ctx, req);
        requireScope(caller, type);
        const query = req.query as Record<string, unknown>;
        const search = parseSearch(query, resourceDefs[type].params);
        const base = baseOf(ctx, req);
        const page = await ctx.database.db.transaction(async (tx) => {
          const p = await searchPage(tx, ctx.config.regionId, type, search, ctx.clock.now());
          if (patientTypes.includes(type)) await auditDelivered(tx, caller.actor, actionOf(type), p.persons, { search: Object.keys(query).sort() });
          return p;
        });
        const bundle: Bundle = {
          resourceType: 'Bundle',
          type: 'searchset',
          link: [{ relation: 'self', url: `${base}/${type}${linkQuery(query, search.cursor)}` }, ...(page.next ? [{ relation: 'next', url: `${base}/${type}${linkQuery(query, page.next)}` }] : [])],
          entry: page.resources.map((resource) => ({ fullUrl: `${base}/${type}/${resource.id}`, resource, search: { mode: 'match' as const } })),
        };
        return reply.type(FHIR_JSON).send(bundle);
      });

      fhir.get<{ Params: { type: string; id: string } }>('/:type/:id', { schema: hide }, async (req, reply) => {
        const type = typeOf(req.params.type);
        const caller = await callerOf(ctx, req);
        requireScope(caller, type);
        // A read takes no search parameters (_format aside).
        parseSearch(req.query as Record<string, unknown>, {});
        const resource = await ctx.database.db.transaction(async (tx) => {
          const p = await searchPage(tx, ctx.config.regionId, type, { count: 1, params: new Map([['_id', [{ kind: 'token', anyOf: [{ code: req.params.id }] }]]]) }, ctx.clock.now());
          if (p.resources.length === 0) throw new AppError('not-found', `id: no ${type} with the id ${req.params.id} in this region`, 'id');
          if (patientTypes.includes(type)) await auditDelivered(tx, caller.actor, actionOf(type), p.persons, { read: `${type}/${req.params.id}` });
          return p.resources[0]!;
        });
        return reply.type(FHIR_JSON).send(resource);
      });
    },
    { prefix: FHIR_PREFIX },
  );
}

function operationOutcomeInfo(diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics }] };
}
