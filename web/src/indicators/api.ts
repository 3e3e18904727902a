import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, nonEmpty, ok, withQuery, type BodyOf, type ResponseOf } from '../api.js';

// Indicators as the contract describes them (src/indicators/views.ts and routes.ts).

export type Definition = ResponseOf<'/api/indicators/definitions'>['definitions'][number];
export type Unit = Definition['unit'];
export type PeriodType = Definition['periodType'];
export type Target = NonNullable<Definition['target']>;
export type TargetDirection = Target['direction'];
export type DefinitionChange = BodyOf<'/api/indicators/definitions/{code}/versions'>;
export type IndicatorDocument = BodyOf<'/api/indicators/documents'>;
export type IndicatorValue = ResponseOf<'/api/indicators/values'>['values'][number];
export type OrgLevel = IndicatorValue['orgLevel'];
export type NewValue = BodyOf<'/api/indicators/values'>;
export type ImportSummary = ResponseOf<'/api/indicators/imports/values', 'post'>;
export type ComputeRun = ResponseOf<'/api/indicators/compute/runs'>['runs'][number];
export type Comparison = ResponseOf<'/api/indicators/comparison'>;
export type ComparisonSeries = Comparison['series'][number];
export type ComparisonPoint = ComparisonSeries['points'][number];
export type Difference = ResponseOf<'/api/indicators/consistency'>['differences'][number];

// Display orders of the contract's enums; the type checker holds each list to the contract.
export const UNITS = ['percent', 'index', 'hours', 'days', 'count', 'sek'] as const satisfies readonly Unit[];
export const PERIOD_TYPES = ['month', 'quarter', 'year', 'point'] as const satisfies readonly PeriodType[];
export const TARGET_DIRECTIONS = ['at_least', 'at_most'] as const satisfies readonly TargetDirection[];

const keys = {
  definitions: ['indicators', 'definitions'] as const,
  values: (code: string) => ['indicators', 'values', code] as const,
  runs: ['indicators', 'runs'] as const,
  comparison: (code: string, regions: string) => ['indicators', 'comparison', code, regions] as const,
  consistency: (tolerance: number) => ['indicators', 'consistency', tolerance] as const,
};

/** Every change to indicators refreshes everything the area shows. */
function useIndicatorsWrite<I, O>(request: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: ['indicators'] }) });
}

export function useDefinitions() {
  return useQuery({ queryKey: keys.definitions, queryFn: ({ signal }) => ok(api.GET('/api/indicators/definitions', { signal })).then((r) => r.definitions) });
}

export function useValues(code: string | null) {
  return useQuery({ queryKey: keys.values(code ?? ''), enabled: !!code, queryFn: ({ signal }) => ok(api.GET('/api/indicators/values', { params: { query: { code: code ?? '' } }, signal })).then((r) => r.values) });
}

export const useRecordValue = () => useIndicatorsWrite((body: NewValue) => ok(api.POST('/api/indicators/values', { body })));

/** Reads a chosen file for the import: CSV as text, XLSX as base64. */
export async function fileBody(file: File) {
  if (!file.name.toLowerCase().endsWith('.xlsx')) return { fileName: file.name, content: await file.text(), encoding: 'text' as const };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, content: btoa(binary), encoding: 'base64' as const };
}

export const useImport = (kind: 'values' | 'contacts') =>
  useIndicatorsWrite(async (file: File) => ok(api.POST(kind === 'values' ? '/api/indicators/imports/values' : '/api/indicators/imports/contacts', { body: await fileBody(file) })));

export function useRuns() {
  return useQuery({ queryKey: keys.runs, queryFn: ({ signal }) => ok(api.GET('/api/indicators/compute/runs', { signal })).then((r) => r.runs) });
}

export const useCompute = () => useIndicatorsWrite((period: string) => ok(api.POST('/api/indicators/compute', { body: { period } })));

export function useComparison(code: string | null, regions: string[]) {
  const joined = [...regions].sort().join(',');
  return useQuery({
    queryKey: keys.comparison(code ?? '', joined),
    enabled: !!code,
    queryFn: ({ signal }) => ok(api.GET('/api/indicators/comparison', { params: { query: { code: code ?? '', ...nonEmpty({ regions: joined }) } }, signal })),
  });
}

export function useConsistency(tolerance: number) {
  return useQuery({ queryKey: keys.consistency(tolerance), queryFn: ({ signal }) => ok(api.GET('/api/indicators/consistency', { params: { query: { tolerance } }, signal })).then((r) => r.differences) });
}

export const exportPath = (ext: '.csv' | '.xlsx', code?: string) => withQuery(`/api/indicators/export${ext}`, { code: code ?? null });

/** Publishes a changed definition as the next version of an indicator (the server retires the current one). */
export const usePublishVersion = (code: string) =>
  useIndicatorsWrite((body: DefinitionChange) => ok(api.POST('/api/indicators/definitions/{code}/versions', { params: { path: { code } }, body })));

/** Takes in another instance's JSON document as it came: the server checks its shape. */
export const useImportDocument = () => useIndicatorsWrite(async (file: File) => ok(api.POST('/api/indicators/documents', { body: JSON.parse(await file.text()) as IndicatorDocument })));
