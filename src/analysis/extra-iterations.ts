/**
 * Theorem 3.9 for Jacobi against the measurement (paper Figure 9d), in the max norm of K_β and of
 * the Theorem 3.7 bound beside it: ‖G‖∞ = 1, so the exact ‖Gⁿ‖∞ stand in for Lⁿ. The stall level is
 * δ = K·M·Σ_{n≥1}‖Gⁿ‖∞, the limit of that bound's compression term.
 */
import { extraIterationsFromPowers, firstBelow, powerNormSeries } from '../../theorems/index.ts';
import type { ExtraIterationsRow } from '../results/schema.ts';

export const EXTRA_ITERATION_TARGETS = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];

export interface ExtraIterationsInput {
  /** ‖Gⁿ‖∞ for n = 0..steps, as the Theorem 3.7 bound uses them. */
  readonly powerNorms: ArrayLike<number>;
  /** ‖x_0 − x*‖∞. */
  readonly initialError: number;
  /** max_j K_j and max_j ‖x̃_j‖∞. */
  readonly K: number;
  readonly M: number;
  /** Max-norm errors against x* of the double and the compressed run, per iteration. */
  readonly doubleErrors: ArrayLike<number>;
  readonly compressedErrors: ArrayLike<number>;
}

export function extraIterationRows(input: ExtraIterationsInput): ExtraIterationsRow[] {
  const { powerNorms, initialError, K, M } = input;
  const delta = K * M * powerNormSeries(powerNorms);
  return EXTRA_ITERATION_TARGETS.map((epsilon) => {
    const kDouble = firstBelow(input.doubleErrors, epsilon);
    const kCompressed = firstBelow(input.compressedErrors, epsilon);
    const predicted = kDouble === null ? null : extraIterationsFromPowers(powerNorms, initialError, kDouble, delta);
    return {
      epsilon,
      kDouble,
      kCompressed,
      mActual: kDouble === null || kCompressed === null ? null : kCompressed - kDouble,
      mPred: predicted?.kind === 'reachable' ? predicted.mPred : null,
      delta,
    };
  });
}
