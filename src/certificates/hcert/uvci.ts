/**
 * The unique certificate identifier (UVCI, eHealth Network guidelines, annex 2), in the form
 * `URN:UVCI:01:SE:<issuer>/<kind><serial>#<check>`. The check character is Luhn mod N over the whole
 * identifier before `#`, with N = 38 over the characters A–Z, 0–9, '/' and ':' (the DCC schema's FAQ).
 */
const CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:';

export function uvciCheckCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const point = CHARSET.indexOf(body[i]!);
    if (point < 0) throw new RangeError(`${JSON.stringify(body[i])} cannot be part of a UVCI`);
    const addend = factor * point;
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / CHARSET.length) + (addend % CHARSET.length);
  }
  return CHARSET[(CHARSET.length - (sum % CHARSET.length)) % CHARSET.length]!;
}

/** A UVCI with its check character, for an issuer code (e.g. `LB18`) and a serial unique to that issuer. */
export function makeUvci(country: string, issuer: string, serial: string): string {
  const body = `URN:UVCI:01:${country}:${issuer}/${serial}`.toUpperCase();
  return `${body}#${uvciCheckCharacter(body)}`;
}

/** True when the identifier ends in a check character and it is right; false when it has none or a wrong one. */
export function hasValidUvciCheck(uvci: string): boolean {
  const hash = uvci.lastIndexOf('#');
  if (hash < 0 || hash !== uvci.length - 2) return false;
  try {
    return uvciCheckCharacter(uvci.slice(0, hash)) === uvci[hash + 1];
  } catch {
    return false;
  }
}
