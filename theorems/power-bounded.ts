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
 * next local error K_j‖x̃_j‖ and returns step j + 1's entries. exact[s] = Σ_{j<s} ‖A^{s−j}‖·ℓ_j is a
 * convolution with arbitrary powers (no exact recurrence), so the work is quadratic in the steps.
 * Steps are taken four at a time: the first of four makes one pass over ℓ_0..ℓ_{s−1} for all four
 * sums (four independent chains of additions in flight instead of one), the other three add the terms
 * that arrived since. Every sum still adds the same terms in the same order, j ascending: the bits are
 * those of the plain loop.
 */
export function powerBoundedSteps(powerNorms: ArrayLike<number>): (local: number) => PowerBoundedStep {
  allFiniteNonnegative('powerNorms', powerNorms);
  const P = powerNorms;
  let locals = new Float64Array(64);
  /** ahead[i]: step (group + i)'s sum over j < group, taken in the group's first step. */
  const ahead = new Float64Array(4);
  let steps = 0;
  let group = 1;
  let C = 0;
  let partial = 0;
  return (local) => {
    finiteNonnegative('local error', local);
    const s = steps + 1;
    if (s >= P.length) throw new TheoremDomainError(`powerNorms must cover n = 0..${s}, got ${P.length} entries`);
    if (steps === locals.length) locals = grown(locals);
    locals[steps] = local;
    steps = s;
    C = Math.max(C, P[s]!);
    partial += local;
    if ((s - 1) % 4 === 0) {
      group = s;
      groupSums(P, locals, s, ahead);
    }
    let exact = ahead[s - group]!;
    for (let j = group; j < s; j++) exact += P[s - j]! * locals[j]!;
    return { exact, constant: C * partial, C };
  };
}

function grown(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/** out[i] = Σ_{j<s} P[s+i−j]·ℓ_j, j ascending, for the steps s + i that P covers (the others are never asked for). */
function groupSums(P: ArrayLike<number>, locals: Float64Array, s: number, out: Float64Array): void {
  if (s + 3 < P.length) {
    let a = 0, b = 0, c = 0, d = 0;
    for (let j = 0; j < s; j++) {
      const l = locals[j]!;
      a += P[s - j]! * l;
      b += P[s + 1 - j]! * l;
      c += P[s + 2 - j]! * l;
      d += P[s + 3 - j]! * l;
    }
    out[0] = a;
    out[1] = b;
    out[2] = c;
    out[3] = d;
    return;
  }
  for (let i = 0; i < 4 && s + i < P.length; i++) {
    let sum = 0;
    for (let j = 0; j < s; j++) sum += P[s + i - j]! * locals[j]!;
    out[i] = sum;
  }
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
