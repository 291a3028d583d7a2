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

/** Step s's entries of a PowerBoundedBound. */
export interface PowerBoundedStep {
  readonly exact: number;
  readonly constant: number;
  readonly C: number;
}

/**
 * powerBoundedBound one step at a time, for a run whose steps are still arriving: each call takes the
 * next local error K_j‖x̃_j‖ and returns step j + 1's entries. Step s sums over all s earlier local
 * errors, as the whole-run form does, so the steps cost the same in total.
 */
export function powerBoundedSteps(powerNorms: ArrayLike<number>): (local: number) => PowerBoundedStep {
  allFiniteNonnegative('powerNorms', powerNorms);
  const locals: number[] = [];
  let C = 0;
  let partial = 0;
  return (local) => {
    finiteNonnegative('local error', local);
    const s = locals.length + 1;
    if (s >= powerNorms.length) throw new TheoremDomainError(`powerNorms must cover n = 0..${s}, got ${powerNorms.length} entries`);
    locals.push(local);
    C = Math.max(C, powerNorms[s]!);
    partial += local;
    let exact = 0;
    for (let j = 0; j < s; j++) exact += powerNorms[s - j]! * locals[j]!;
    return { exact, constant: C * partial, C };
  };
}

export function powerBoundedBound({ powerNorms, norms, K }: PowerBoundedInput): PowerBoundedBound {
  allFiniteNonnegative('norms', norms);
  allFiniteNonnegative('powerNorms', powerNorms);
  const steps = norms.length;
  if (powerNorms.length < steps + 1) throw new TheoremDomainError(`powerNorms must cover n = 0..${steps}, got ${powerNorms.length} entries`);
  const k = perStep('K', K, steps);
  const exact = new Float64Array(steps + 1);
  const constant = new Float64Array(steps + 1);
  const C = new Float64Array(steps + 1);
  const next = powerBoundedSteps(powerNorms);
  for (let s = 1; s <= steps; s++) {
    const step = next(k(s - 1) * norms[s - 1]!);
    exact[s] = step.exact;
    constant[s] = step.constant;
    C[s] = step.C;
  }
  return { exact, constant, C };
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
