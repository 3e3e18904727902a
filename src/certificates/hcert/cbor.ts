import { Encoder, Tag } from 'cbor-x';

/**
 * CBOR as HCERT needs it. cbor-x by default adds its own record tags, tags byte arrays and turns integer map
 * keys into strings; these options turn that off, and `variableMapSize` gives maps their shortest header.
 * Maps decode as `Map`, so the claim keys (1, 4, 6, -260) stay integers.
 */
const codec = new Encoder({ useRecords: false, tagUint8Array: false, mapsAsObjects: false, variableMapSize: true, pack: false });

export { Tag };

/** Deterministic CBOR (RFC 8949 §4.2.1): map keys sorted by their encoded bytes, shortest forms. */
export function encodeCbor(value: unknown): Uint8Array {
  return codec.encode(canonical(value));
}

export function decodeCbor(bytes: Uint8Array): unknown {
  return codec.decode(bytes);
}

/** Encoded map keys, kept: a DCC has the same few dozen keys in every certificate. */
const keyBytes = new Map<unknown, Buffer>();
function encodedKey(key: unknown): Buffer {
  let bytes = keyBytes.get(key);
  if (!bytes) {
    bytes = Buffer.from(codec.encode(key));
    if ((typeof key === 'string' && key.length <= 16) || typeof key === 'number') {
      if (keyBytes.size < 1_000) keyBytes.set(key, bytes);
    }
  }
  return bytes;
}

function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  if (value instanceof Tag) return new Tag(canonical(value.value), value.tag);
  if (Array.isArray(value)) return value.map(canonical);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  const keyed = entries.map(([k, v]) => ({ key: k as unknown, bytes: encodedKey(k), value: canonical(v) }));
  keyed.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  return new Map(keyed.map((e) => [e.key, e.value]));
}

/** A decoded CBOR value as plain JSON (maps with text keys become objects), for the DCC payload. */
export function cborToJson(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = cborToJson(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(cborToJson);
  if (value instanceof Tag) return cborToJson(value.value);
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}
