import { z } from 'zod';
import { cursorParam, day, municipalityCode, phone, postalCode, regionCode, text } from '../platform/input/index.js';
import { FIND_LIMIT } from './search-rules.js';

const name = text({ max: 100 });

export const RegisterPersonBody = z
  .object({
    identityNumber: text({ max: 20 }).describe('Personnummer, samordningsnummer or reservnummer'),
    issuingRegion: regionCode.optional().describe('For a reservnummer: the region that issued it'),
    givenName: name,
    familyName: name,
    phone: phone.optional(),
    email: z.email().max(254).optional(),
    streetAddress: text({ max: 200, min: 0 }).optional(),
    postalCode: postalCode.optional(),
  })
  .strict();
export type RegisterPersonBody = z.infer<typeof RegisterPersonBody>;

export const LinkIdentityNumberBody = z
  .object({
    identityNumber: text({ max: 20 }),
    issuingRegion: regionCode.optional(),
    reason: text({ max: 500, min: 3, multiline: true }).describe('Why the numbers are linked, for the audit log'),
  })
  .strict();
export type LinkIdentityNumberBody = z.infer<typeof LinkIdentityNumberBody>;

export const Purpose = text({ max: 200, min: 3 }).describe('Why you read this record; written to the audit log');

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
    identityNumber: text({ max: 20, min: 0 }).optional(),
    issuingRegion: regionCode.optional(),
    name: text({ max: 100, min: 2 }).optional(),
    municipalityCode: municipalityCode.optional(),
    purpose: Purpose,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: cursorParam.optional(),
  })
  .strict();

/** A staff search for one person: the identity number, or name and birth date (search-rules.ts says what is narrow enough). */
export const PersonFindQuery = z
  .object({
    identityNumber: text({ max: 20, min: 0 }).optional(),
    issuingRegion: regionCode.optional(),
    name: text({ max: 100, min: 0 }).optional(),
    birthDate: day.optional(),
    purpose: Purpose,
  })
  .strict();

export const PersonMatches = z.object({ people: z.array(PersonView).max(FIND_LIMIT), more: z.boolean().describe('More people match than are shown: search by the identity number') });

export const PersonPage = z.object({ people: z.array(PersonView), nextCursor: z.string().nullable() });

export const RegionView = z.object({ id: z.string(), name: z.string(), shortName: z.string(), population: z.number().int() });
