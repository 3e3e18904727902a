import { readFileSync } from 'node:fs';
import { entryOf, kindOf } from './kinds.js';
import { referenceFile } from './reference.js';

/** The EU value sets (reference/dcc/dcc-valuesets, release 2.12.0): code → display text. */
function load(file: string): ReadonlyMap<string, string> {
  const set = JSON.parse(readFileSync(referenceFile(`dcc-valuesets/${file}`), 'utf8')) as { valueSetValues: Record<string, { display: string }> };
  return new Map(Object.entries(set.valueSetValues).map(([code, v]) => [code, v.display]));
}

export const valueSets = {
  disease: load('disease-agent-targeted.json'),
  prophylaxis: load('vaccine-prophylaxis.json'),
  product: load('vaccine-medicinal-product.json'),
  manufacturer: load('vaccine-mah-manf.json'),
  testType: load('test-type.json'),
  testResult: load('test-result.json'),
  testDevice: load('test-manf-example.json'),
  country: load('country-2-codes.json'),
};
export type ValueSetName = keyof typeof valueSets;

/** Which field of each group takes its code from which value set. */
const FIELDS = {
  vaccination: { tg: 'disease', vp: 'prophylaxis', mp: 'product', ma: 'manufacturer', co: 'country' },
  test: { tg: 'disease', tt: 'testType', tr: 'testResult', ma: 'testDevice', co: 'country' },
  recovery: { tg: 'disease', co: 'country' },
} as const satisfies Record<string, Record<string, ValueSetName>>;

/** Null when every coded field holds a code of its value set; else the first field that does not. */
export function valueSetProblem(dcc: unknown): string | null {
  const kind = kindOf(dcc);
  const entry = entryOf(dcc);
  if (!kind || !entry) return 'no vaccination, test or recovery entry';
  for (const [field, set] of Object.entries(FIELDS[kind])) {
    const value = entry[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !valueSets[set].has(value)) return `/${kind[0]}/0/${field} ${JSON.stringify(value)} is not in the value set ${set}`;
  }
  return null;
}

/** The display text of a code, or the code itself when the value set does not know it. */
export const displayOf = (set: ValueSetName, code: unknown): string => (typeof code === 'string' ? (valueSets[set].get(code) ?? code) : '');
