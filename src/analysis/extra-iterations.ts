/**
 * Theorem 3.9 for Jacobi against the measurement (paper Figure 9d). Jacobi contracts in the 2-norm
 * (‖G‖₂ = ρ, G symmetric) but not in the max norm, so the prediction runs in the 2-norm with the
 * max-norm K_β converted by ‖δ‖₂ ≤ √N‖δ‖∞.
 */
import { extraIterations, firstBelow } from '../../theorems/index.ts';
import type { ExtraIterationsRow } from '../results/schema.ts';

export const EXTRA_ITERATION_TARGETS = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];

export const EXTRA_ITERATIONS_NORMS = '2-norm with ρ(G) = ‖G‖₂ and ‖δ‖₂ ≤ √N·K_β·‖x̃‖∞';

export interface ExtraIterationsInput {
  readonly rho: number;
  readonly unknowns: number;
  /** ‖x_0 − x*‖₂. */
  readonly initialError2: number;
  /** max_j K_j and max_j ‖x̃_j‖∞. */
  readonly K: number;
  readonly M: number;
  /** Max-norm errors against x* of the double and the compressed run, per iteration. */
  readonly doubleErrors: ArrayLike<number>;
  readonly compressedErrors: ArrayLike<number>;
}

export function extraIterationRows(input: ExtraIterationsInput): ExtraIterationsRow[] {
  const { rho, unknowns, initialError2, K, M } = input;
  const delta = (Math.sqrt(unknowns) * K * M * rho) / (1 - rho);
  return EXTRA_ITERATION_TARGETS.map((epsilon) => {
    const kDouble = firstBelow(input.doubleErrors, epsilon);
    const kCompressed = firstBelow(input.compressedErrors, epsilon);
    const predicted = kDouble === null ? null : extraIterations(rho, initialError2, kDouble, delta);
    return {
      epsilon,
      kDouble,
      kCompressed,
      mActual: kDouble === null || kCompressed === null ? null : kCompressed - kDouble,
      mPred: predicted?.kind === 'reachable' ? predicted.mPred : null,
    };
  });
}
