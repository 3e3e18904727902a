import { useMutation } from '@tanstack/react-query';
import { api, nonEmpty, ok, type QueryOf, type ResponseOf } from '../api.js';

// The staff person search, as the contract describes it (src/identity/routes.ts); blank fields are left out.

/** Either the identity number, or name and birth date; `purpose` is the reason kept in the audit log. */
export type FindPersonQuery = QueryOf<'/api/persons/find'>;
/** At most ten people; `more` says more match than are shown (search by the identity number). */
export type FoundPeople = ResponseOf<'/api/persons/find'>;
export type FoundPerson = FoundPeople['people'][number];

/** GET /api/persons/find: every person returned is an audited read with the reason. */
export function useFindPerson() {
  return useMutation({
    mutationFn: (q: FindPersonQuery) => ok(api.GET('/api/persons/find', { params: { query: { ...nonEmpty(q), purpose: q.purpose } } })),
  });
}
