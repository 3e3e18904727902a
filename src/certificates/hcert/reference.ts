import { fileURLToPath } from 'node:url';

/** A file of the EU material copied into reference/dcc (schema, value sets, test vectors; see its README). */
export const referenceFile = (path: string) => fileURLToPath(new URL(`../../../reference/dcc/${path}`, import.meta.url));
