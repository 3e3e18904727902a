import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Geo } from './demo/population.js';

/** The CC0 reference data copied into the repository (see its README and LICENSE). */
export const geoDir = fileURLToPath(new URL('../../reference/geo', import.meta.url));

export interface County {
  code: string;
  name: string;
  shortName: string;
}

/**
 * Reads the counties, municipalities and postal codes from `dir`. Codes stay strings: their leading zeros
 * matter. Municipality names are the short ones ('Örebro', not 'Örebro kommun').
 */
export function loadGeo(dir = geoDir): Geo & { counties: County[] } {
  const counties = readCsv(join(dir, 'counties.csv'), { county_code: /^\d{2}$/, county_name: /./, county_name_short: /./ }).map((r) => ({
    code: r.county_code,
    name: r.county_name,
    shortName: r.county_name_short,
  }));
  const municipalities = readCsv(join(dir, 'municipalities.csv'), {
    municipality_code: /^\d{4}$/,
    municipality_name_short: /./,
    county_code: /^\d{2}$/,
  }).map((r) => ({ code: r.municipality_code, name: r.municipality_name_short, countyCode: r.county_code }));
  const postalCodes = readCsv(join(dir, 'postal_to_municipality.csv'), {
    postal_code: /^\d{5}$/,
    locality: /./,
    municipality_code: /^\d{4}$/,
  }).map((r) => ({ postalCode: r.postal_code, locality: r.locality, municipalityCode: r.municipality_code }));
  return { counties, municipalities, postalCodes };
}

/** A plain CSV (header line, commas, no quoting); each required column is checked against its pattern. */
function readCsv<K extends string>(file: string, columns: Record<K, RegExp>): Record<K, string>[] {
  const [header = '', ...lines] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const names = header.split(',');
  const required = Object.keys(columns) as K[];
  const index = Object.fromEntries(required.map((c) => [c, names.indexOf(c)])) as Record<K, number>;
  const missing = required.filter((c) => index[c] < 0);
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  return lines.flatMap((line, i) => {
    if (line.trim() === '') return [];
    const fields = line.split(',');
    if (fields.length !== names.length) throw new Error(`${file}:${i + 2}: expected ${names.length} fields, got ${fields.length}`);
    const row = {} as Record<K, string>;
    for (const c of required) {
      const value = fields[index[c]]!.trim();
      if (!columns[c].test(value)) throw new Error(`${file}:${i + 2}: bad ${c} '${value}'`);
      row[c] = value;
    }
    return [row];
  });
}
