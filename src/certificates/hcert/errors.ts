/**
 * Why a certificate failed, one code per step of reading and checking it. Every failure of the decoder and
 * verifier is one of these, with a detail; nothing else escapes them (the fuzz test holds them to it).
 */
export const failureCodes = [
  'prefix',
  'base45',
  'zlib',
  'cose',
  'cwt',
  'schema',
  'kid-unknown',
  'signature',
  'signer-revoked',
  'signer-not-valid',
  'key-usage',
  'expired',
  'not-yet-valid',
  'revoked',
] as const;
export type FailureCode = (typeof failureCodes)[number];

export class HcertError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** What a person reads for each failure, Swedish first. */
export const failureTexts: Record<FailureCode, { sv: string; en: string }> = {
  prefix: { sv: 'Koden börjar inte med HC1: och är inget EU-covidbevis', en: 'The code does not start with HC1: and is not an EU COVID certificate' },
  base45: { sv: 'Koden är skadad (ogiltig base45)', en: 'The code is damaged (invalid base45)' },
  zlib: { sv: 'Koden är skadad (komprimeringen går inte att packa upp)', en: 'The code is damaged (the compression cannot be unpacked)' },
  cose: { sv: 'Koden är inte ett signerat dokument (COSE_Sign1)', en: 'The code is not a signed document (COSE_Sign1)' },
  cwt: { sv: 'Beviset saknar nödvändiga uppgifter (utfärdare, tider eller hälsointyg)', en: 'The certificate lacks required claims (issuer, times or health certificate)' },
  schema: { sv: 'Innehållet följer inte EU:s schema för covidbevis', en: 'The content does not follow the EU DCC schema' },
  'kid-unknown': { sv: 'Signeringsnyckeln är okänd (finns inte i förtroendelistan)', en: 'The signing key is unknown (not on the trust list)' },
  signature: { sv: 'Signaturen är ogiltig: beviset har ändrats eller är förfalskat', en: 'The signature is invalid: the certificate was altered or forged' },
  'signer-revoked': { sv: 'Signeringscertifikatet är återkallat', en: 'The document signer certificate is revoked' },
  'signer-not-valid': { sv: 'Beviset utfärdades utanför signeringscertifikatets giltighetstid', en: 'The certificate was issued outside the document signer’s validity period' },
  'key-usage': { sv: 'Signeringscertifikatet får inte signera den här sortens bevis', en: 'The document signer may not sign this kind of certificate' },
  expired: { sv: 'Beviset har gått ut', en: 'The certificate has expired' },
  'not-yet-valid': { sv: 'Beviset är utfärdat i framtiden', en: 'The certificate is issued in the future' },
  revoked: { sv: 'Beviset är återkallat', en: 'The certificate is revoked' },
};
