import type { ZfpArray } from '../../src/array/zfp-array.ts';
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

/** What `f` throws; fails the test when it returns. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

/** Every element of `a`, read in bulk. */
export function contents(a: ZfpArray): Float64Array {
  const out = new Float64Array(a.length);
  a.read(out);
  return out;
}
