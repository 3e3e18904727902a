import { z } from 'zod';
import { computations, importKinds, orgLevels, periodTypes, targetDirections, units, valueSources } from './model.js';

// What the indicator routes answer: the contract the web UI is typed by (web/src/contract). The serializer
// keeps only the keys named here, so each view lists every field its service returns.

const unit = z.enum(units);
const source = z.enum(valueSources);
const basis = z.enum(orgLevels);
const share = z.number().nullable();

export const DefinitionView = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  nameSv: z.string(),
  nameEn: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  computation: z.enum(computations).nullable(),
  unit,
  source: z.string(),
  population: z.string(),
  periodType: z.enum(periodTypes),
  target: z.object({ value: z.number(), direction: z.enum(targetDirections), date: z.string().nullable() }).nullable(),
  owner: z.string(),
  active: z.boolean(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ValueView = z.object({
  id: z.string(),
  definitionId: z.string(),
  code: z.string(),
  version: z.number(),
  activeVersion: z.boolean(),
  orgLevel: basis,
  orgCode: z.string(),
  orgName: z.string(),
  period: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: share,
  unit,
  source,
  importId: z.string().nullable(),
  runId: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export const RecordedValueView = z.object({ code: z.string(), version: z.number(), period: z.string(), value: share, inserted: z.number(), updated: z.number(), unchanged: z.number() });

export const AggregatesView = z.object({
  definition: DefinitionView,
  period: z.string(),
  source,
  regions: z.array(z.object({ regionId: z.string(), regionName: z.string(), basis, numerator: z.number(), denominator: z.number(), value: share })),
  nation: z.object({ regions: z.number(), numerator: z.number(), denominator: z.number(), value: share }),
});

export const ComparisonView = z.object({
  code: z.string(),
  current: DefinitionView,
  versions: z.array(DefinitionView),
  target: z.object({ value: z.number().nullable(), direction: z.enum(targetDirections).nullable(), date: z.string().nullable() }),
  periods: z.array(z.string()),
  series: z.array(
    z.object({
      regionId: z.string(),
      regionName: z.string(),
      version: z.number(),
      otherVersion: z.boolean(),
      missedTarget: z.boolean(),
      trend: z.enum(['improving', 'worsening', 'flat']).nullable(),
      points: z.array(z.object({ period: z.string(), periodStart: z.string(), value: share, numerator: z.number(), denominator: z.number(), source, basis, target: z.enum(['met', 'missed']).nullable() })),
    }),
  ),
});

const Side = z.object({
  organisation: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: share,
  definition: z.object({ id: z.string(), code: z.string(), version: z.number(), nameSv: z.string(), numerator: z.string(), denominator: z.string(), unit }),
});
export const ConsistencyView = z.object({
  tolerance: z.number(),
  differences: z.array(
    z.object({ regionId: z.string(), regionName: z.string(), kind: z.enum(['reported-computed', 'region-rss']), code: z.string(), period: z.string(), difference: z.number(), sameDefinition: z.boolean(), first: Side, second: Side }),
  ),
});

const Rejection = z.object({ row: z.number(), column: z.string(), reason: z.string() });
export const ImportSummaryView = z.object({
  importId: z.string(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  status: z.enum(['finished', 'already-imported']),
  resumedFrom: z.number(),
  rowsTotal: z.number(),
  accepted: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejections: z.array(Rejection),
});
export const ImportsView = z.object({
  imports: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(importKinds),
      fileName: z.string(),
      format: z.enum(['csv', 'xlsx']),
      rowsTotal: z.number(),
      rowsDone: z.number(),
      accepted: z.number(),
      unchanged: z.number(),
      rejected: z.number(),
      importedBy: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
    }),
  ),
});
export const RejectionsView = z.object({ rejections: z.array(Rejection) });
export const ImportedDocumentView = z.object({ code: z.string(), version: z.number(), definitionAdded: z.boolean(), values: z.number(), written: z.number(), unchanged: z.number() });

export const ComputeRunView = z.object({
  runId: z.string(),
  period: z.string(),
  startedAt: z.string(),
  valuesWritten: z.number(),
  inputs: z.object({ imports: z.array(z.string()), contacts: z.number(), persons: z.number(), first: z.string().nullable(), last: z.string().nullable() }),
  definitions: z.array(z.object({ code: z.string(), version: z.number() })),
});
export const RunsView = z.object({
  runs: z.array(z.object({ id: z.string(), period: z.string(), startedAt: z.string(), finishedAt: z.string(), inputs: z.record(z.string(), z.unknown()), valuesWritten: z.number(), runBy: z.string() })),
});
