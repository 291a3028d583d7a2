import type { ZfpConfig } from '../../src/zfp/types.ts';

/** One configuration per mode (expert: a tight budget that binds). */
export const MODES: readonly ZfpConfig[] = [
  { mode: 'rate', rate: 11 },
  { mode: 'rate', rate: 16, align: true },
  { mode: 'precision', precision: 20 },
  { mode: 'accuracy', tolerance: 1e-3 },
  { mode: 'reversible' },
  { mode: 'expert', minbits: 40, maxbits: 300, maxprec: 30, minexp: -20 },
];

/** A smooth field with some structure, deterministic, of `count` values. */
export function smooth(count: number, seed = 1): Float64Array {
  return new Float64Array(count).map((_, i) => 50 * Math.sin(0.37 * i * seed) + 0.01 * i);
}
