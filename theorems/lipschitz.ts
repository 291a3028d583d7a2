/**
 * Lipschitz advancement operators: the a-posteriori bound (paper Theorem 3.3, docs/theory.md §2)
 * and the a-priori choice of β (Lemma 3.5, §3).
 */
import { chooseBeta, type BetaChoice } from './beta-min.ts';
import { allFiniteNonnegative, finiteNonnegative, nonnegativeInteger, perStep, positive } from './checks.ts';
import type { ScalarKind } from './kbeta.ts';

export type LipschitzRegime = 'contractive' | 'nonexpansive' | 'expansive';

export type LipschitzBound =
  | {
      readonly kind: 'bound';
      readonly regime: 'contractive' | 'nonexpansive';
      readonly L: number;
      /** bounds[k] ≥ ‖e_k‖ for k = 0..steps. */
      readonly bounds: Float64Array;
    }
  | {
      /** L > 1: the bound is valid but grows like L^k, so it says nothing useful about the run. */
      readonly kind: 'geometric';
      readonly regime: 'expansive';
      readonly L: number;
      readonly bounds: Float64Array;
      /** L^steps, the factor by which an early error may have been amplified. */
      readonly amplification: number;
      readonly message: string;
    };

export interface LipschitzInput {
  /** Max-norm Lipschitz constant of the advancement operator. */
  readonly L: number;
  /** ‖x̃_j‖∞ of the compressed iterates, j = 0..steps−1. */
  readonly norms: ArrayLike<number>;
  /** K_{β_j}: one for all steps or one per step. */
  readonly K: number | ArrayLike<number>;
}

export function regimeOf(L: number): LipschitzRegime {
  return L < 1 ? 'contractive' : L === 1 ? 'nonexpansive' : 'expansive';
}

/**
 * The recurrence of lipschitzBound one step at a time, for a run whose steps are still arriving: each
 * call takes the next local error K_j‖x̃_j‖ and returns b_{j+1} (b_0 = 0).
 */
export function lipschitzSteps(L: number): (local: number) => number {
  finiteNonnegative('L', L);
  let bound = 0;
  return (local) => {
    finiteNonnegative('local error', local);
    bound = L * (bound + local);
    return bound;
  };
}

/** ‖e_k‖ ≤ Σ_{j<k} L^{k−j} K_{β_j} ‖x̃_j‖, evaluated by its recurrence b_k = L(b_{k−1} + K_{k−1}‖x̃_{k−1}‖). */
export function lipschitzBound({ L, norms, K }: LipschitzInput): LipschitzBound {
  finiteNonnegative('L', L);
  allFiniteNonnegative('norms', norms);
  const steps = norms.length;
  const k = perStep('K', K, steps);
  const bounds = new Float64Array(steps + 1);
  const next = lipschitzSteps(L);
  for (let j = 1; j <= steps; j++) bounds[j] = next(k(j - 1) * norms[j - 1]!);
  const regime = regimeOf(L);
  if (regime !== 'expansive') return { kind: 'bound', regime, L, bounds };
  const amplification = L ** steps;
  return {
    kind: 'geometric',
    regime,
    L,
    bounds,
    amplification,
    message: `L = ${L} > 1: the Lipschitz bound grows like L^k (×${amplification.toPrecision(3)} after ${steps} steps); use the power-bounded form (Theorem 3.12) if the operator is linear`,
  };
}

/** S_k(L) = Σ_{i=1}^{k} L^i, accurate for L near 1. */
export function powerSum(L: number, k: number): number {
  finiteNonnegative('L', L);
  nonnegativeInteger('k', k);
  if (L === 1) return k;
  if (L === 0 || k === 0) return 0;
  return (L * Math.expm1(k * Math.log(L))) / (L - 1);
}

export interface LipschitzPrior {
  readonly L: number;
  /** Bound on every ‖x̃_j‖. */
  readonly M: number;
  readonly steps: number;
}

/** Lemma 3.5: ‖e_k‖ ≤ K_β · M · S_k(L). */
export function lipschitzPriorBound(K: number, { L, M, steps }: LipschitzPrior): number {
  finiteNonnegative('K', K);
  finiteNonnegative('M', M);
  return K * M * powerSum(L, steps);
}

/** β_min(ε) of Lemma 3.5, or "infeasible" with the smallest error any β reaches. */
export function lipschitzBetaMin(epsilon: number, prior: LipschitzPrior, d: number, type: ScalarKind): BetaChoice {
  positive('epsilon', epsilon);
  return chooseBeta({ epsilon, d, type, predict: (K) => lipschitzPriorBound(K, prior) });
}
