import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../api.js';

export type StaffAccount = ResponseOf<'/api/staff'>['staff'][number];
export type NewStaff = BodyOf<'/api/staff', 'post'>;
export type StaffChange = BodyOf<'/api/staff/{id}', 'patch'>;

const staffKey = ['staff'] as const;

/** The region's staff accounts (region_admin). */
export function useStaff() {
  return useQuery({ queryKey: staffKey, queryFn: ({ signal }) => ok(api.GET('/api/staff', { signal })) });
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewStaff) => ok(api.POST('/api/staff', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}

export function useChangeStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: StaffChange }) => ok(api.PATCH('/api/staff/{id}', { params: { path: { id } }, body: change })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}
