import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type QueryOf, type ResponseOf } from '../../api.js';

// Referrals as the contract describes them (src/testing/referrals/schemas.ts).
export type Referral = ResponseOf<'/api/testing/referrals'>['referrals'][number];
export type ReferralInput = BodyOf<'/api/testing/referrals'>;
export type ReferralFilter = NonNullable<QueryOf<'/api/testing/referrals'>['state']>;
export type ReferralState = Referral['state'];

export const REFERRAL_FILTERS = ['all', 'open', 'overdue', 'answered'] as const satisfies readonly ReferralFilter[];

const keys = {
  unit: (state: ReferralFilter) => ['testing', 'referrals', state] as const,
  lab: ['testing', 'lab-referrals'] as const,
};

export const labelUrl = (id: string) => `/api/testing/referrals/${id}/label.pdf`;

export function useUnitReferrals(state: ReferralFilter) {
  return useQuery({ queryKey: keys.unit(state), queryFn: ({ signal }) => ok(api.GET('/api/testing/referrals', { params: { query: { state } }, signal })) });
}

export function useExpectedReferrals() {
  return useQuery({ queryKey: keys.lab, queryFn: ({ signal }) => ok(api.GET('/api/testing/lab/referrals', { signal })) });
}

export function useWriteReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralInput) => ok(api.POST('/api/testing/referrals', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['testing', 'referrals'] }),
  });
}
