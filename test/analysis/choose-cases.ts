/** What the choose and float32 suites share: every built-in at a CI size, the ladder's next step down, and the test's own reading of "certified". */
import type { BuiltinProblemName } from '../../solvers/problem.ts';
import type { RepresentationSpec } from '../../src/results/representation-spec.ts';
import type { RunRecord } from '../../src/results/schema.ts';

/** Every built-in solver at a CI size: small grids, a few steps. */

export const SMALL: Record<BuiltinProblemName, Record<string, unknown>> = {
  diffusion2d: { n: 16, steps: 10 },
  diffusion3d: { n: 8, steps: 5 },
  advection1d: { n: 16, steps: 10 },
  advection2d: { n: 12, steps: 8 },
  'poisson-jacobi': { n: 12, maxIterations: 20 },
  'gauss-seidel': { n: 12, sweeps: 8 },
};

export const SMALL_PROBLEMS = Object.keys(SMALL) as BuiltinProblemName[];

/** One ladder step cheaper: a plane, a bit per value, or a factor 2 in τ, e or ε; null at the bottom. */
export function cheaper(spec: RepresentationSpec): RepresentationSpec | null {
  switch (spec.mode) {
    case 'precision':
      return spec.precision > 1 ? { mode: 'precision', precision: spec.precision - 1 } : null;
    case 'rate':
      return spec.rate > 1 ? { mode: 'rate', rate: spec.rate - 1 } : null;
    case 'accuracy':
    case 'sz-abs':
      return { mode: spec.mode, tolerance: spec.tolerance * 2 };
    case 'sz-rel':
      return spec.ratio < 0.5 ? { mode: 'sz-rel', ratio: spec.ratio * 2 } : null;
    default:
      throw new Error(`not a mode choose picks: ${spec.mode}`);
  }
}

/** The run's bound held and stayed ≤ ε at every step: the suites' own reading, kept apart from the analysis they check. */
export const certifies = (record: RunRecord, epsilon: number): boolean => record.summary.boundHeld && record.summary.maxBound !== null && record.summary.maxBound <= epsilon;
