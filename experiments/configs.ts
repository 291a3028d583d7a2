/** The configurations an experiment sweeps: the default and quick sweeps and the specs they expand to. */
import type { RepresentationSpec } from '../src/results/representation-spec.ts';

/** Which configurations a sweep runs. */
export interface Sweep {
  readonly precisions: readonly number[];
  readonly rates: readonly number[];
  readonly tolerances: readonly number[];
}

/** docs/experiments.md: β 12…56, rates 8…32, tolerances 1e-4…1e-12. */
export const DEFAULT_SWEEP: Sweep = {
  precisions: [12, 16, 20, 24, 28, 32, 40, 48, 56],
  rates: [8, 12, 16, 24, 32],
  tolerances: [1e-4, 1e-6, 1e-8, 1e-10, 1e-12],
};

/** Enough of each mode to draw every curve family, small enough for tests. */
export const QUICK_SWEEP: Sweep = { precisions: [16, 32, 48], rates: [12, 24], tolerances: [1e-5, 1e-10] };

export function sweepSpecs(sweep: Sweep): RepresentationSpec[] {
  return [
    ...sweep.precisions.map((precision) => ({ mode: 'precision', precision }) as const),
    ...sweep.rates.map((rate) => ({ mode: 'rate', rate }) as const),
    ...sweep.tolerances.map((tolerance) => ({ mode: 'accuracy', tolerance }) as const),
  ];
}
