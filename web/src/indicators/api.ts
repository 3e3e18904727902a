import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../api.js';

// --- Contract types (src/indicators) ----------------------------------------------------------------

export type Unit = 'percent' | 'index' | 'hours' | 'days' | 'count' | 'sek';
export type OrgLevel = 'region' | 'municipality' | 'unit' | 'rss';
export interface Target {
  value: number;
  direction: 'at_least' | 'at_most';
  date: string | null;
}
export interface Definition {
  id: string;
  code: string;
  version: number;
  nameSv: string;
  nameEn: string;
  numerator: string;
  denominator: string;
  computation: string | null;
  unit: Unit;
  source: string;
  population: string;
  periodType: 'month' | 'quarter' | 'year' | 'point';
  target: Target | null;
  owner: string;
  active: boolean;
  note: string | null;
}
export interface IndicatorValue {
  id: string;
  code: string;
  version: number;
  activeVersion: boolean;
  orgLevel: OrgLevel;
  orgCode: string;
  orgName: string;
  period: string;
  numerator: number;
  denominator: number;
  value: number | null;
  unit: Unit;
  source: 'reported' | 'computed';
}
export interface ImportSummary {
  importId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  status: 'finished' | 'already-imported';
  rowsTotal: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; column: string; reason: string }[];
}
export interface ComputeRun {
  runId?: string;
  id?: string;
  period: string;
  valuesWritten: number;
  inputs: { contacts?: number; persons?: number; first?: string | null; last?: string | null };
  startedAt: string;
}
export interface ComparisonPoint {
  period: string;
  value: number | null;
  numerator: number;
  denominator: number;
  source: 'reported' | 'computed';
  target: 'met' | 'missed' | null;
}
export interface ComparisonSeries {
  regionId: string;
  regionName: string;
  version: number;
  otherVersion: boolean;
  missedTarget: boolean;
  trend: 'improving' | 'worsening' | 'flat' | null;
  points: ComparisonPoint[];
}
export interface Comparison {
  code: string;
  current: Definition;
  versions: Definition[];
  target: { value: number | null; direction: string | null; date: string | null };
  periods: string[];
  series: ComparisonSeries[];
}
export interface Difference {
  regionId: string;
  regionName: string;
  kind: 'reported-computed' | 'region-rss';
  code: string;
  period: string;
  difference: number;
  sameDefinition: boolean;
  first: { organisation: string; value: number | null; numerator: number; denominator: number; definition: { code: string; version: number; nameSv: string; numerator: string; denominator: string } };
  second: { organisation: string; value: number | null; numerator: number; denominator: number; definition: { code: string; version: number; nameSv: string; numerator: string; denominator: string } };
}

const keys = {
  definitions: ['indicators', 'definitions'] as const,
  values: (code: string) => ['indicators', 'values', code] as const,
  runs: ['indicators', 'runs'] as const,
  comparison: (code: string, regions: string) => ['indicators', 'comparison', code, regions] as const,
  consistency: (tolerance: number) => ['indicators', 'consistency', tolerance] as const,
};

export function useDefinitions() {
  return useQuery({ queryKey: keys.definitions, queryFn: () => apiFetch<{ definitions: Definition[] }>('/api/indicators/definitions').then((r) => r.definitions) });
}

export function useValues(code: string | null) {
  return useQuery({ queryKey: keys.values(code ?? ''), enabled: !!code, queryFn: () => apiFetch<{ values: IndicatorValue[] }>(withQuery('/api/indicators/values', { code })).then((r) => r.values) });
}

export function useRecordValue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { definitionId: string; orgLevel: OrgLevel; orgCode: string; period: string; numerator: number; denominator: number }) => apiFetch<{ value: number | null; version: number }>('/api/indicators/values', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

/** Reads a chosen file for the import: CSV as text, XLSX as base64. */
export async function fileBody(file: File) {
  if (!file.name.toLowerCase().endsWith('.xlsx')) return { fileName: file.name, content: await file.text(), encoding: 'text' as const };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, content: btoa(binary), encoding: 'base64' as const };
}

export function useImport(kind: 'values' | 'contacts') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => apiFetch<ImportSummary>(`/api/indicators/imports/${kind}`, { method: 'POST', body: await fileBody(file) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export function useRuns() {
  return useQuery({ queryKey: keys.runs, queryFn: () => apiFetch<{ runs: ComputeRun[] }>('/api/indicators/compute/runs').then((r) => r.runs) });
}

export function useCompute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => apiFetch<ComputeRun>('/api/indicators/compute', { method: 'POST', body: { period } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export function useComparison(code: string | null, regions: string[]) {
  const joined = [...regions].sort().join(',');
  return useQuery({
    queryKey: keys.comparison(code ?? '', joined),
    enabled: !!code,
    queryFn: () => apiFetch<Comparison>(withQuery('/api/indicators/comparison', { code, regions: joined || null })),
  });
}

export function useConsistency(tolerance: number) {
  return useQuery({ queryKey: keys.consistency(tolerance), queryFn: () => apiFetch<{ differences: Difference[] }>(withQuery('/api/indicators/consistency', { tolerance: String(tolerance) })).then((r) => r.differences) });
}

export const exportPath = (ext: '.csv' | '.xlsx', code?: string) => withQuery(`/api/indicators/export${ext}`, { code: code ?? null });
