import fc from 'fast-check';

/**
 * Values for one parameter or body field of an OpenAPI operation, mixing what the schema asks for with what a
 * careless user or an attacker sends instead: NUL and other control characters, huge strings, the far
 * future, crafted cursors, ids of another region, wrong types. Used by the route walk in
 * src/platform/http/hostile-input.int.test.ts.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** Ids a walk can name: a few rows of each table, of the actor's region and of another region. */
export interface IdPools {
  ours: Map<string, string[]>;
  theirs: Map<string, string[]>;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

export const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'line\nbreak',
  '\u202Eevil',
  'x'.repeat(70_000),
  '😷'.repeat(300),
  "' OR 1=1 --",
  '"; DROP TABLE persons; --',
  '../../etc/passwd',
  '%00',
  '9999-12-31',
  '0000-01-01',
  '2021-02-29',
  '-1',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  b64('{"a":1}'),
  b64('x|y|z'),
  b64('["2021-01-01T00:00:00Z","not-a-uuid"]'),
  b64('9999-12-31T00:00:00Z|00000000-0000-4000-8000-000000000000'),
  b64('1|9999-12-31|x'),
  '!!!not-base64!!!',
];

const hostileOther = [null, 0, -1, 2 ** 53, -(2 ** 53), 1e308, 0.5, true, [], {}, ['a', 'b'], { $gt: '' }];

// Days near the demo's today (the test runs on the real clock), and the bounds of what the domain accepts.
const nearToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const days = [nearToday(-7), nearToday(0), nearToday(1), nearToday(3), nearToday(10), '1900-01-01', '2100-12-31'];
const words = ['Anna Berg', 'Solgården', 'Storgatan 1', 'Klass 3B', 'Ringde och gav råd', 'abc123'];

/**
 * Ids of the table a reference named `name` (siteId, contactIds, or a path's `cases`) most likely points
 * into: the table of that name, else one ending in it (vaccination_sites), else any containing it.
 */
export function idsFor(name: string, pool: Map<string, string[]>): string[] {
  const stem = name.replace(/Ids?$/, '').replace(/[^a-z]/gi, '').toLowerCase();
  const singular = stem.replace(/(e?s)$/, '');
  const tables = [...pool.keys()];
  const plain = (t: string) => t.replace(/_/g, '');
  const rank = (t: string) =>
    [singular, `${singular}s`, stem].includes(t) ? 0 : [singular, `${singular}s`, stem].some((n) => t.endsWith(`_${n}`)) ? 1 : singular.length > 1 && plain(t).includes(singular) ? 2 : 3;
  const best = Math.min(...tables.map(rank));
  return best < 3 ? tables.filter((t) => rank(t) === best).flatMap((t) => pool.get(t)!) : [...pool.values()].flat();
}

function uuid(name: string, pools: IdPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...idsFor(name, pools.ours)) },
    { weight: 1, arbitrary: fc.constantFrom(...[...pools.ours.values()].flat()) },
    { weight: 2, arbitrary: fc.constantFrom(...idsFor(name, pools.theirs)) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

function stringFor(schema: JsonSchema, name: string, pools: IdPools): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return uuid(name, pools);
  if (schema.format === 'date') return fc.constantFrom(...days);
  if (schema.format === 'date-time') return fc.constantFrom(...days.map((d) => `${d}T08:00:00+01:00`), `${nearToday(0)}T10:00:00Z`);
  let pattern: RegExp | undefined;
  try {
    pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
  } catch {
    /* a pattern JavaScript cannot read as a regular expression: words or plain text below */
  }
  const fitting = words.filter((w) => w.length >= (schema.minLength ?? 0) && w.length <= (schema.maxLength ?? Infinity) && (!pattern || pattern.test(w)));
  if (fitting.length) return fc.constantFrom(...fitting);
  if (pattern) {
    try {
      return fc.stringMatching(pattern, { size: 'xsmall' }).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      /* fast-check cannot generate from every pattern (lookaheads): plain text below */
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/** A value the schema would accept, as far as a generator can tell without running it. */
export function plausible(schema: JsonSchema, name: string, pools: IdPools, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => plausible(s, name, pools, depth)));
  if (schema.allOf?.length) return plausible(Object.assign({}, ...schema.allOf), name, pools, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema, name, pools);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -5, -1_000_000), max: Math.min(schema.maximum ?? 500, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 500, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(plausible(schema.items ?? {}, name, pools, depth + 1), { minLength: 1, maxLength: 2 });
    case 'object':
      return depth > 3 ? fc.constant({}) : plausibleObject(schema, pools, depth + 1);
    default:
      return fc.constantFrom('x', 1, true);
  }
}

/** A field's value: mostly plausible, often hostile. */
export function field(schema: JsonSchema, name: string, pools: IdPools, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: plausible(schema, name, pools, depth) },
    { weight: 2, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 1, arbitrary: fc.constantFrom(...hostileOther) },
  );
}

/** An object with its required fields (sometimes left out) and optional ones (sometimes given), and now and then one it does not know. */
export function objectOf(schema: JsonSchema, pools: IdPools, depth = 0, value: typeof field = field): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(props).map(([key, s]) =>
    fc.tuple(fc.constant(key), fc.option(value(s, key, pools, depth), { freq: required.has(key) ? 12 : 2, nil: undefined })),
  );
  return fc.tuple(fc.tuple(...entries), fc.option(fc.constant({ unexpected: 'field' }), { freq: 8, nil: undefined })).map(([pairs, extra]) => {
    const result: Record<string, unknown> = {};
    for (const [k, v] of pairs) if (v !== undefined) result[k] = v;
    return extra ? { ...result, ...extra } : result;
  });
}

/** An object the schema would accept, its required fields all there and no field it does not know: what a well-behaved client sends. */
export function plausibleObject(schema: JsonSchema, pools: IdPools, depth = 1): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([key, s]) => fc.tuple(fc.constant(key), fc.option(plausible(s, key, pools, depth), { freq: required.has(key) ? 1000 : 2, nil: undefined })));
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined)));
}

/** One hostile value: the fault a single-field attack puts into an otherwise plausible request. */
export const hostile = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...hostileStrings.filter((s) => /\p{Cc}/u.test(s))) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...hostileStrings) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileOther) },
);

/** Query and path values travel as text: how the client would have written them into the URL. */
export const asUrlText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
