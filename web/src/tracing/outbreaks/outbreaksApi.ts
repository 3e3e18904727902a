import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api.js';
import type { SettingKind } from '../questionnaire/answers.js';

// ---------------------------------------------------------------------------
// Contract types: clusters, outbreaks (Smittskydd manages, the coordinator reads)
// ---------------------------------------------------------------------------

/** Cases that share a setting within the window: a cluster Smittskydd may confirm as an outbreak. */
export interface ClusterProposal {
  kind: SettingKind;
  key: string;
  label: string;
  unitId: string | null;
  schoolClass: string | null;
  firstDate: string;
  lastDate: string;
  cases: number;
  caseIds: string[];
}

export interface OutbreakSummary {
  id: string;
  kind: SettingKind;
  label: string;
  status: 'open' | 'closed';
  confirmedAt: string;
  cases: number;
  lastCaseDate: string | null;
}

export interface Outbreak extends Omit<OutbreakSummary, 'lastCaseDate'> {
  unitId: string | null;
  schoolClass: string | null;
  note: string | null;
}

/** A signal as the outbreak lists it; the full message is in the mailbox. */
export interface OutbreakSignal {
  id: string;
  receivedAt: string;
  senderName: string;
  organisation: string | null;
  subject: string;
}

export interface TimelineEvent {
  at: string;
  kind: 'case' | 'contact' | 'signal';
  caseId?: string;
  label: string;
}

export interface GraphNode {
  id: string;
  label: string;
  kind: 'case' | 'contact';
}

export interface GraphEdge {
  from: string;
  to: string;
  /** False while the link is only suspected (same setting, no named contact). */
  confirmed: boolean;
}

export interface TransmissionGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface OutbreakFile {
  outbreak: Outbreak;
  timeline: TimelineEvent[];
  graph: TransmissionGraph;
  signals: OutbreakSignal[];
}

export interface ConfirmOutbreak {
  kind: SettingKind;
  key: string;
  label: string;
  caseIds: string[];
  note?: string;
}

// ---------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------

export const outbreakKeys = {
  all: ['tracing', 'outbreaks'] as const,
  clusters: ['tracing', 'outbreaks', 'clusters'] as const,
  list: ['tracing', 'outbreaks', 'list'] as const,
  one: (id: string) => ['tracing', 'outbreaks', 'one', id] as const,
};

export function useClusterProposals() {
  return useQuery({
    queryKey: outbreakKeys.clusters,
    queryFn: ({ signal }) => apiFetch<{ proposals: ClusterProposal[] }>('/api/tracing/clusters', { signal }),
  });
}

export function useOutbreaks(enabled = true) {
  return useQuery({
    queryKey: outbreakKeys.list,
    queryFn: ({ signal }) => apiFetch<{ outbreaks: OutbreakSummary[] }>('/api/tracing/outbreaks', { signal }),
    enabled,
  });
}

export function useOutbreak(id: string) {
  return useQuery({
    queryKey: outbreakKeys.one(id),
    queryFn: ({ signal }) => apiFetch<OutbreakFile>(`/api/tracing/outbreaks/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useConfirmOutbreak() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmOutbreak) => apiFetch<Omit<OutbreakSummary, 'lastCaseDate'>>('/api/tracing/outbreaks', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outbreakKeys.all }),
  });
}

export function useOrderClassKits(outbreakId: string) {
  return useMutation({
    mutationFn: (distributionPointId: string) =>
      apiFetch<{ ordered: number }>(`/api/tracing/outbreaks/${encodeURIComponent(outbreakId)}/order-kits`, { method: 'POST', body: { distributionPointId } }),
  });
}
