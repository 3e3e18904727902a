/** Seeded randomness for synthetic data: the same seed gives the same data. Never for anything secret. */
import { createHash } from 'node:crypto';

export type Random = () => number;

/** mulberry32: tiny, fast, and good enough for synthetic data. Numbers in [0, 1). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The seed one region's demo data is drawn with: the configured demo seed and the region code hashed
 * together, so that two regions started with the same seed get different people, samples and ids, and each
 * region the same ones on every start. Every bit of the seed counts (it is hashed as text, not truncated).
 */
export function regionSeed(seed: number, regionCode: string): number {
  return createHash('sha256').update(`lagesbild-demo:${regionCode}:${seed}`).digest().readUInt32BE(0);
}
