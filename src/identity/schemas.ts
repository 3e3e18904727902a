import { z } from 'zod';

const name = z.string().trim().min(1).max(100);

export const RegisterPersonBody = z
  .object({
    identityNumber: z.string().trim().min(1).max(20).describe('Personnummer, samordningsnummer or reservnummer'),
    issuingRegion: z.string().regex(/^\d{2}$/, 'a two-digit region code').optional().describe('For a reservnummer: the region that issued it'),
    givenName: name,
    familyName: name,
    phone: z.string().trim().regex(/^\+?[0-9 -]{6,20}$/, 'a phone number').optional(),
    email: z.email().optional(),
    streetAddress: z.string().trim().max(200).optional(),
    postalCode: z.string().trim().regex(/^\d{3} ?\d{2}$/, 'five digits').optional(),
  })
  .strict();
export type RegisterPersonBody = z.infer<typeof RegisterPersonBody>;

export const LinkIdentityNumberBody = z
  .object({
    identityNumber: z.string().trim().min(1).max(20),
    issuingRegion: z.string().regex(/^\d{2}$/, 'a two-digit region code').optional(),
    reason: z.string().trim().min(3).max(500).describe('Why the numbers are linked, for the audit log'),
  })
  .strict();
export type LinkIdentityNumberBody = z.infer<typeof LinkIdentityNumberBody>;

export const Purpose = z.string().trim().min(3).max(200).describe('Why you read this record; written to the audit log');

export const IdentifierView = z.object({
  kind: z.enum(['personnummer', 'samordningsnummer', 'reservnummer']),
  value: z.string(),
  issuingRegion: z.string().nullable(),
  primary: z.boolean(),
});

export const PersonView = z.object({
  id: z.uuid(),
  regionId: z.string(),
  identityNumber: z.string(),
  idKind: z.enum(['personnummer', 'samordningsnummer', 'reservnummer']),
  identifiers: z.array(IdentifierView),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  legalSex: z.enum(['female', 'male']).nullable(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  locality: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  synthetic: z.boolean(),
  /** Set when the postal code is not in the reference list: a warning, not a refusal. */
  warnings: z.array(z.string()),
});
export type PersonView = z.infer<typeof PersonView>;

export const PersonSearchQuery = z
  .object({
    identityNumber: z.string().trim().max(20).optional(),
    issuingRegion: z.string().regex(/^\d{2}$/).optional(),
    name: z.string().trim().min(2).max(100).optional(),
    municipalityCode: z.string().regex(/^\d{4}$/).optional(),
    purpose: Purpose,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(400).optional(),
  })
  .strict();

export const PersonPage = z.object({ people: z.array(PersonView), nextCursor: z.string().nullable() });

export const RegionView = z.object({ id: z.string(), name: z.string(), shortName: z.string(), population: z.number().int() });
