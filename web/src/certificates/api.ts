import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../api.js';

// ---------------------------------------------------------------------------
// Contract types (src/certificates/views.ts, service.ts, statistics.ts, verification.ts)
// ---------------------------------------------------------------------------

export const CERTIFICATE_KINDS = ['vaccination', 'test', 'recovery'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const MISSING_REASONS = ['dose-abroad', 'other-region', 'name-mismatch'] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];
export type CertificateStatus = 'valid' | 'expired' | 'revoked';
export type RequestStatus = 'issued' | 'refused' | 'queued' | 'rejected';

export interface Text {
  sv: string;
  en: string;
}

export interface Certificate {
  id: string;
  personId: string;
  kind: CertificateKind;
  paper: boolean;
  uci: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: CertificateStatus;
}

export interface CertificateRequest {
  id: string;
  personId: string;
  kind: CertificateKind;
  paper: boolean;
  status: RequestStatus;
  /** The refusal rule's code when refused. */
  rule: string | null;
  /** What is missing (Swedish) when queued. */
  missing: string | null;
  note: string | null;
  onBehalf: boolean;
  requestedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface MyCertificates {
  people: { personId: string; name: string; self: boolean }[];
  certificates: Certificate[];
  requests: CertificateRequest[];
}

export type RequestOutcome =
  | { status: 'issued'; requestId: string; certificateId: string; uci: string }
  | { status: 'refused'; requestId: string; rule: string; reason: Text }
  | { status: 'queued'; requestId: string; missing: string };

export interface CertificateDetail extends Certificate {
  hc1: string;
}

export interface QueuedRequest extends CertificateRequest {
  name: string;
  identityNumber: string | null;
}

export interface PersonCertificates {
  personId: string;
  name: string;
  identityNumber: string | null;
  digitalPossible: boolean;
  certificates: Certificate[];
  requests: CertificateRequest[];
}

export interface Signer {
  regionId: string;
  role: 'csca' | 'dsc';
  kid: string | null;
  name: string;
  validFrom: string;
  validTo: string;
  createdAt: string;
  retiredAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface MonthRow {
  regionId: string;
  regionName: string;
  month: string;
  requests: number;
  issued: Record<CertificateKind, number>;
  paper: number;
  refused: number;
  queued: number;
  rejected: number;
  refusedByRule: Record<string, number>;
  recovery: { requests: number; issued: number };
}

export interface CertificateStatistics {
  from: string;
  to: string;
  national: boolean;
  rules: string[];
  rows: MonthRow[];
}

export interface VerifiedContent {
  name: string | null;
  dateOfBirth: string | null;
  disease: string | null;
  vaccine: string | null;
  manufacturer: string | null;
  dose: string | null;
  vaccinationDate: string | null;
  testType: string | null;
  testResult: string | null;
  sampledAt: string | null;
  testCentre: string | null;
  firstPositive: string | null;
  validFrom: string | null;
  validUntil: string | null;
  country: string | null;
  issuer: string | null;
  uci: string | null;
}

interface VerificationTimes {
  issuedAt?: string;
  expiresAt?: string;
  issuerCountry?: string;
}

export type Verification =
  | ({ valid: true; kind: CertificateKind; signer: { kid: string }; content: VerifiedContent | null } & VerificationTimes)
  | ({ valid: false; code: string; reason: Text; detail: string; kind: CertificateKind | null; content: VerifiedContent | null } & VerificationTimes);

// ---------------------------------------------------------------------------
// Paths of files the browser downloads or shows directly
// ---------------------------------------------------------------------------

export const certificatePaths = {
  qrSvg: (id: string) => `/api/certificates/${id}/qr.svg`,
  qrPng: (id: string) => `/api/certificates/${id}/qr.png`,
  pdf: (id: string) => `/api/certificates/${id}/certificate.pdf`,
  statistics: (from: string, to: string, ext: '' | '.csv' | '.xlsx' = '') => withQuery(`/api/certificates/statistics${ext}`, { from, to }),
};

// ---------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------

const KEY = ['certificates'] as const;

export function useMyCertificates() {
  return useQuery({ queryKey: [...KEY, 'mine'], queryFn: ({ signal }) => apiFetch<MyCertificates>('/api/certificates/mine', { signal }) });
}

export function useRequestCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: CertificateKind; personId?: string; missing?: MissingReason; note?: string }) => apiFetch<RequestOutcome>('/api/certificates/requests', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCertificate(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => apiFetch<CertificateDetail>(`/api/certificates/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useReviewQueue() {
  return useQuery({ queryKey: [...KEY, 'queue'], queryFn: ({ signal }) => apiFetch<QueuedRequest[]>('/api/certificates/queue', { signal }) });
}

export function useDecideRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approve' | 'reject'; reason: string }) =>
      apiFetch<{ status: 'issued' | 'rejected'; requestId: string; certificateId?: string }>(`/api/certificates/requests/${id}/decision`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePersonCertificates(personId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'person', personId],
    queryFn: ({ signal }) => apiFetch<PersonCertificates>(`/api/certificates/persons/${personId}`, { signal }),
    enabled: personId !== null,
  });
}

export function useIssuePaper() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { personId: string; kind: CertificateKind }) => apiFetch<RequestOutcome>('/api/certificates/paper', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => apiFetch<{ id: string; revokedAt: string }>(`/api/certificates/${id}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useSigners() {
  return useQuery({ queryKey: [...KEY, 'signers'], queryFn: ({ signal }) => apiFetch<Signer[]>('/api/certificates/signers', { signal }) });
}

export function useRotateSigner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ kid: string; name: string }>('/api/certificates/signers/rotate', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'signers'] }),
  });
}

export function useRevokeSigner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kid: string; reason: string }) => apiFetch<{ kid: string; revokedAt: string }>('/api/certificates/signers/revoke', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'signers'] }),
  });
}

export function useCertificateStatistics(from: string, to: string) {
  return useQuery({
    queryKey: [...KEY, 'statistics', from, to],
    queryFn: ({ signal }) => apiFetch<CertificateStatistics>(certificatePaths.statistics(from, to), { signal }),
    enabled: from !== '' && to !== '' && from <= to,
  });
}

export function useVerifyCertificate() {
  return useMutation({
    mutationFn: (body: { hc1: string } | { image: string }) => apiFetch<Verification>('/api/certificates/verify', { method: 'POST', body }),
  });
}
