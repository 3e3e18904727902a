import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../api.js';

// Certificates as the contract describes them (src/certificates/views.ts and routes.ts).

export type MyCertificates = ResponseOf<'/api/certificates/mine'>;
export type Certificate = MyCertificates['certificates'][number];
export type CertificateKind = Certificate['kind'];
export type CertificateStatus = Certificate['status'];
export type CertificateRequest = MyCertificates['requests'][number];
export type RequestStatus = CertificateRequest['status'];
export type NewRequest = BodyOf<'/api/certificates/requests'>;
export type MissingReason = NonNullable<NewRequest['missing']>;
export type RequestOutcome = ResponseOf<'/api/certificates/requests', 'post'>;
export type Text = Extract<RequestOutcome, { status: 'refused' }>['reason'];
export type CertificateDetail = ResponseOf<'/api/certificates/{id}'>;
export type QueuedRequest = ResponseOf<'/api/certificates/queue'>[number];
export type PersonCertificates = ResponseOf<'/api/certificates/persons/{id}'>;
export type Signer = ResponseOf<'/api/certificates/signers'>[number];
export type CertificateStatistics = ResponseOf<'/api/certificates/statistics'>;
export type MonthRow = CertificateStatistics['rows'][number];
export type Verification = ResponseOf<'/api/certificates/verify', 'post'>;
export type VerifiedContent = NonNullable<Verification['content']>;

// Display orders of the contract's enums; the type checker holds each list to the contract.
export const CERTIFICATE_KINDS = ['vaccination', 'test', 'recovery'] as const satisfies readonly CertificateKind[];
export const MISSING_REASONS = ['dose-abroad', 'other-region', 'name-mismatch'] as const satisfies readonly MissingReason[];

// ---------------------------------------------------------------------------
// Paths of files the browser downloads or shows directly
// ---------------------------------------------------------------------------

export const certificatePaths = {
  qrSvg: (id: string) => `/api/certificates/${id}/qr.svg`,
  qrPng: (id: string) => `/api/certificates/${id}/qr.png`,
  pdf: (id: string) => `/api/certificates/${id}/certificate.pdf`,
};

// ---------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------

const KEY = ['certificates'] as const;

export function useMyCertificates() {
  return useQuery({ queryKey: [...KEY, 'mine'], queryFn: ({ signal }) => ok(api.GET('/api/certificates/mine', { signal })) });
}

export function useRequestCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRequest) => ok(api.POST('/api/certificates/requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCertificate(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => ok(api.GET('/api/certificates/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}

export function useReviewQueue() {
  return useQuery({ queryKey: [...KEY, 'queue'], queryFn: ({ signal }) => ok(api.GET('/api/certificates/queue', { signal })) });
}

export function useDecideRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approve' | 'reject'; reason: string }) =>
      ok(api.POST('/api/certificates/requests/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePersonCertificates(personId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'person', personId],
    queryFn: ({ signal }) => ok(api.GET('/api/certificates/persons/{id}', { params: { path: { id: personId ?? '' } }, signal })),
    enabled: personId !== null,
  });
}

export function useIssuePaper() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/certificates/paper'>) => ok(api.POST('/api/certificates/paper', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => ok(api.POST('/api/certificates/{id}/revoke', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useSigners() {
  return useQuery({ queryKey: [...KEY, 'signers'], queryFn: ({ signal }) => ok(api.GET('/api/certificates/signers', { signal })) });
}

export function useRotateSigner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/certificates/signers/rotate')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'signers'] }),
  });
}

export function useRevokeSigner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/certificates/signers/revoke'>) => ok(api.POST('/api/certificates/signers/revoke', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'signers'] }),
  });
}

export function useCertificateStatistics(from: string, to: string) {
  return useQuery({
    queryKey: [...KEY, 'statistics', from, to],
    queryFn: ({ signal }) => ok(api.GET('/api/certificates/statistics', { params: { query: { from, to } }, signal })),
    enabled: from !== '' && to !== '' && from <= to,
  });
}

export function useVerifyCertificate() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/certificates/verify'>) => ok(api.POST('/api/certificates/verify', { body })),
  });
}
