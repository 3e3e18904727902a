import type { Slot } from './testingApi.js';

export interface Station {
  id: string;
  /** 1-based, in order of first appearance: station names are not exposed to samplers. */
  n: number;
}

/** The stations that have times in a list of slots, in a stable order. */
export function stationsOf(slots: readonly Slot[]): Station[] {
  return [...new Set(slots.map((s) => s.stationId))].sort().map((id, i) => ({ id, n: i + 1 }));
}
