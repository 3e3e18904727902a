import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { referenceFile } from './reference.js';

/**
 * The EU DCC JSON schema (reference/dcc/dcc-schema, 1.3.x), compiled once. The issuer checks what it is
 * about to sign against it, the verifier what it decoded.
 */
const schema = JSON.parse(readFileSync(referenceFile('dcc-schema/DCC.combined-schema.json'), 'utf8')) as object;
// JSON Schema 2020-12 makes `format` an annotation, and the EU's reference validators do not assert it.
const ajv = new Ajv2020({ allErrors: false, strict: false, validateFormats: false });
const validate = ajv.compile(schema);

/**
 * Null when the payload follows the schema; else the first problem, naming its path. The value sets are
 * checked apart (valuesets.ts): the issuer holds itself to them, while a verifier meets codes that were
 * valid when the certificate was issued.
 */
export function schemaProblem(dcc: unknown): string | null {
  if (validate(dcc)) return null;
  const error = validate.errors?.[0];
  return error ? `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` : 'invalid';
}
