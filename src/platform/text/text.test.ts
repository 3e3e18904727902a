import { describe, expect, it } from 'vitest';
import { both, catalogues, fieldLabel, languageFromAcceptLanguage, LANGUAGES, render, text, unglue } from './index.js';

const paramsOf = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the server text catalogue', () => {
  const keys = Object.keys(catalogues.sv);

  it.each(LANGUAGES)('has every key, with a text, in %s', (lang) => {
    expect(Object.keys(catalogues[lang]).sort()).toEqual([...keys].sort());
    const empty = keys.filter((k) => !catalogues[lang][k as keyof typeof catalogues.sv]?.trim());
    expect(empty, `empty or missing in ${lang}`).toEqual([]);
  });

  it('takes the same parameters in both languages', () => {
    const differ = keys.filter((k) => paramsOf(catalogues.sv[k as keyof typeof catalogues.sv]).join() !== paramsOf(catalogues.en[k as keyof typeof catalogues.sv]).join());
    expect(differ).toEqual([]);
  });

  it('renders parameters, texts as parameters, and texts written in both languages', () => {
    expect(render('sv', text('identity.search.maxWords', { max: 4 }))).toBe('högst 4 namn');
    expect(render('en', text('identity.search.maxWords', { max: 4 }))).toBe('at most 4 names');
    expect(render('sv', text('error.notFound', { what: text('what.person') }))).toBe('Personen hittades inte');
    expect(render('en', both('Hej', 'Hello'))).toBe('Hello');
  });

  it('splits a string that glues Swedish and English, and leaves any other string alone', () => {
    expect(unglue('Kontrollsiffran stämmer inte / The check digit does not match')).toEqual(both('Kontrollsiffran stämmer inte', 'The check digit does not match'));
    expect(unglue('is in the future')).toBe('is in the future');
    expect(unglue('a / b / c')).toBe('a / b / c');
  });

  it('names a field by its label, the last named part of a path counting', () => {
    expect(fieldLabel('sv', 'identityNumber')).toBe('Identitetsnummer');
    expect(fieldLabel('en', 'people.3.birthDate')).toBe('Birth date');
    expect(fieldLabel('en', 'noSuchField')).toBeUndefined();
  });
});

describe('the reader’s language from Accept-Language', () => {
  it.each([
    [undefined, 'sv'],
    ['', 'sv'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE,fr;q=0.5', 'sv'],
    ['sv;q=0.4,en;q=0.6', 'en'],
    ['en;q=0,sv;q=0.1', 'sv'],
    ['*', 'sv'],
  ] as const)('%s → %s', (header, lang) => {
    expect(languageFromAcceptLanguage(header)).toBe(lang);
  });
});
