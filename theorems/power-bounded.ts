/**
 * Power-bounded linear operators: the error bound with exact ‖A^n‖ and its constant-C form
 * (paper Theorem 3.12, docs/theory.md §6), and β_min for them (Lemma 3.14, §7).
 */
import { chooseBeta, type BetaChoice } from './beta-min.ts';
import { allFiniteNonnegative, finiteNonnegative, nonnegativeInteger, perStep, positive } from './checks.ts';
import { TheoremDomainError } from './errors.ts';
import type { ScalarKind } from './kbeta.ts';

export interface PowerBoundedInput {
  /** ‖A^n‖∞ for n = 0..N with N ≥ steps (from operators.ts). */
  readonly powerNorms: ArrayLike<number>;
  /** ‖x̃_j‖ for j = 0..steps−1. */
  readonly norms: ArrayLike<number>;
  readonly K: number | ArrayLike<number>;
}

export interface PowerBoundedBound {
  /** exact[k] = Σ_{j<k} ‖A^{k−j}‖ K_j ‖x̃_j‖, the tightest a-posteriori bound. */
  readonly exact: Float64Array;
  /** constant[k] = C_k Σ_{j<k} K_j ‖x̃_j‖ with C_k = max_{1≤n≤k} ‖A^n‖ (the paper's form). */
  readonly constant: Float64Array;
  /** C_k for k = 0..steps (C_0 = 0). */
  readonly C: Float64Array;
}

export function powerBoundedBound({ powerNorms, norms, K }: PowerBoundedInput): PowerBoundedBound {
  allFiniteNonnegative('norms', norms);
  allFiniteNonnegative('powerNorms', powerNorms);
  const steps = norms.length;
  if (powerNorms.length < steps + 1) throw new TheoremDomainError(`powerNorms must cover n = 0..${steps}, got ${powerNorms.length} entries`);
  const k = perStep('K', K, steps);
  const local = Float64Array.from({ length: steps }, (_, j) => k(j) * norms[j]!);
  const exact = new Float64Array(steps + 1);
  const constant = new Float64Array(steps + 1);
  const C = new Float64Array(steps + 1);
  let partial = 0;
  for (let s = 1; s <= steps; s++) {
    C[s] = Math.max(C[s - 1]!, powerNorms[s]!);
    partial += local[s - 1]!;
    constant[s] = C[s]! * partial;
  }
  convolve(powerNorms instanceof Float64Array ? powerNorms : Float64Array.from(powerNorms), local, exact);
  return { exact, constant, C };
}

/**
 * exact[s] = Σ_{j<s} P[s−j]·ℓ[j] for s = 1..ℓ.length, each sum taken over j ascending. The work is
 * quadratic in the steps (a convolution with arbitrary powers has no exact recurrence); four
 * consecutive s share one pass over ℓ, so four independent sums are in flight instead of one chain of
 * dependent additions. Each sum still adds the same terms in the same order: the bits do not change.
 */
function convolve(P: Float64Array, local: Float64Array, exact: Float64Array): void {
  const steps = local.length;
  let s = 1;
  for (; s + 3 <= steps; s += 4) {
    let a = 0, b = 0, c = 0, d = 0;
    for (let j = 0; j < s; j++) {
      const l = local[j]!;
      a += P[s - j]! * l;
      b += P[s + 1 - j]! * l;
      c += P[s + 2 - j]! * l;
      d += P[s + 3 - j]! * l;
    }
    const l0 = local[s]!, l1 = local[s + 1]!, l2 = local[s + 2]!;
    b += P[1]! * l0;
    c += P[2]! * l0;
    c += P[1]! * l1;
    d += P[3]! * l0;
    d += P[2]! * l1;
    d += P[1]! * l2;
    exact[s] = a;
    exact[s + 1] = b;
    exact[s + 2] = c;
    exact[s + 3] = d;
  }
  for (; s <= steps; s++) {
    let sum = 0;
    for (let j = 0; j < s; j++) sum += P[s - j]! * local[j]!;
    exact[s] = sum;
  }
}

export interface PowerBoundedPrior {
  /** C_k = max_{1≤n≤k} ‖A^n‖ (or a Kreiss-type bound on it). */
  readonly C: number;
  readonly M: number;
  readonly steps: number;
}

/** Lemma 3.14: ‖e_k‖ ≤ C_k · K_β · M · k. */
export function powerBoundedPriorBound(K: number, { C, M, steps }: PowerBoundedPrior): number {
  finiteNonnegative('K', K);
  finiteNonnegative('C', C);
  finiteNonnegative('M', M);
  nonnegativeInteger('steps', steps);
  return C * K * M * steps;
}

export function powerBoundedBetaMin(epsilon: number, prior: PowerBoundedPrior, d: number, type: ScalarKind): BetaChoice {
  positive('epsilon', epsilon);
  return chooseBeta({ epsilon, d, type, predict: (K) => powerBoundedPriorBound(K, prior) });
}
