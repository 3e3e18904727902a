import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissions } from '../auth/permissions.js';
import { catalogues } from '../text/index.js';
import { actionText } from './action-text.js';

const root = new URL('../../', import.meta.url).pathname;
const areas = 'identity|testing|tracing|vaccination|certificates|reporting|indicators|governance|privacy|platform|audit';
const dotted = new RegExp(`['\`]((?:${areas})\\.[a-z][a-z_-]*(?:\\.[a-z][a-z_-]*)+)['\`]`, 'g');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'text' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Actions written with a parameter: each value the parameter takes. */
const templated = ['certificates.request.approve', 'certificates.request.reject', 'certificates.qr', 'certificates.pdf', 'vaccination.nvr.accepted', 'vaccination.nvr.rejected'];

describe('audit action texts', () => {
  it('every audit action written in src has a text in Swedish and English', () => {
    const notActions = new Set([...Object.keys(permissions), ...Object.keys(catalogues.sv)]);
    const actions = new Set(templated);
    for (const file of sources(root)) for (const m of readFileSync(file, 'utf8').matchAll(dotted)) if (!notActions.has(m[1]!)) actions.add(m[1]!);
    expect(actions.size).toBeGreaterThan(60);
    const missing = [...actions].filter((a) => !(`audit.${a}` in catalogues.sv));
    expect(missing, 'add audit.<action> to src/platform/text/sv.ts and en.ts').toEqual([]);
  });

  it('reads an action in the reader’s language, and an unknown one as its code', () => {
    expect(actionText('sv', 'tracing.case.listed')).toBe('Listade smittspårningsärenden');
    expect(actionText('en', 'identity.person.read')).toBe("Read the person's details");
    expect(actionText('en', 'something.new')).toBe('something.new');
  });
});
