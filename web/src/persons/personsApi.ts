import { useMutation } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../api.js';

/** One person as the staff search returns them (the server's PersonView, the fields this page shows). */
export interface FoundPerson {
  id: string;
  identityNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  age: number | null;
  streetAddress: string | null;
  postalCode: string | null;
  locality: string | null;
  phone: string | null;
}

/** Either the identity number, or name and birth date; `purpose` is the reason kept in the audit log. */
export interface FindPersonQuery {
  identityNumber?: string;
  name?: string;
  birthDate?: string;
  purpose: string;
}

export interface FoundPeople {
  people: FoundPerson[];
  /** More people match than are shown (ten at most): search by the identity number. */
  more: boolean;
}

/** GET /api/persons/find: every person returned is an audited read with the reason. */
export function useFindPerson() {
  return useMutation({
    mutationFn: (q: FindPersonQuery) => apiFetch<FoundPeople>(withQuery('/api/persons/find', { ...q })),
  });
}
