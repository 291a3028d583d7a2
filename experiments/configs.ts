/** The configurations an experiment sweeps: the default and quick sweeps and the specs they expand to. */
import type { RepresentationSpec } from '../src/results/representation-spec.ts';

/** Which configurations a sweep runs: ZFP's three lossy modes and the SZ-style codec's two bounds. */
export interface Sweep {
  readonly precisions: readonly number[];
  readonly rates: readonly number[];
  readonly tolerances: readonly number[];
  /** SZ-style absolute bounds e. */
  readonly szTolerances: readonly number[];
  /** SZ-style value-range-relative bounds ε. */
  readonly szRatios: readonly number[];
}

/**
 * docs/experiments.md: β 12…56, rates 8…32, tolerances 1e-4…1e-12; the SZ-style absolute bound at
 * the same tolerances and at 1e-2, so that its curve reaches the low rates too.
 */
export const DEFAULT_SWEEP: Sweep = {
  precisions: [12, 16, 20, 24, 28, 32, 40, 48, 56],
  rates: [8, 12, 16, 24, 32],
  tolerances: [1e-4, 1e-6, 1e-8, 1e-10, 1e-12],
  szTolerances: [1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12],
  szRatios: [],
};

/** Enough of each mode to draw every curve family, small enough for tests: SZ's e at fixed accuracy's τ. */
export const QUICK_SWEEP: Sweep = { precisions: [16, 32, 48], rates: [12, 24], tolerances: [1e-5, 1e-10], szTolerances: [1e-5, 1e-10], szRatios: [] };

export function sweepSpecs(sweep: Sweep): RepresentationSpec[] {
  return [
    ...sweep.precisions.map((precision) => ({ mode: 'precision', precision }) as const),
    ...sweep.rates.map((rate) => ({ mode: 'rate', rate }) as const),
    ...sweep.tolerances.map((tolerance) => ({ mode: 'accuracy', tolerance }) as const),
    ...sweep.szTolerances.map((tolerance) => ({ mode: 'sz-abs', tolerance }) as const),
    ...sweep.szRatios.map((ratio) => ({ mode: 'sz-rel', ratio }) as const),
  ];
}
