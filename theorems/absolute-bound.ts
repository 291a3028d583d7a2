/**
 * Error-bounded (SZ-style) storage, docs/theory.md §10: the single-use error is absolute,
 * ‖Q(x) − x‖∞ ≤ e whatever ‖x‖, so every ZFP bound of §2–§6 holds with K_j‖x̃_j‖ replaced by e.
 * These functions give that replacement for the a-posteriori bounds, the closed a-priori forms,
 * the stall level and the largest e that meets a target.
 */
import { finiteNonnegative, nonnegativeInteger, positive } from './checks.ts';
import { TheoremHypothesisError } from './errors.ts';
import { powerSum } from './lipschitz.ts';

/** One ulp of headroom: K·‖x‖ computed in floating point must not land below e. */
const ROUND_UP = 1 + 2 ** -50;

/**
 * K_j for a step stored with absolute bound e: the K with K·‖x̃_j‖ ≥ e, so the relative-form
 * bounds (Theorems 3.3, 3.7, 3.12, 3.16) carry over unchanged. A zero state needs K = 0: its
 * every prediction residual is 0, stored exactly (the codec's hypothesis, tested against it).
 */
export function absoluteBoundK(e: number, norm: number): number {
  finiteNonnegative('e', e);
  finiteNonnegative('norm', norm);
  return norm === 0 ? 0 : (e / norm) * ROUND_UP;
}

/** K for the value-range-relative bound e = ε·(max − min): the range is at most 2‖x‖∞, so K = 2ε. */
export function rangeRelativeK(epsilon: number): number {
  finiteNonnegative('epsilon', epsilon);
  return 2 * epsilon * ROUND_UP;
}

/** Theorem 3.3 with absolute storage error: ‖e_k‖ ≤ e·Σ_{i=1}^{k} L^i = e·S_k(L). */
export function absoluteLipschitzPrior(e: number, L: number, steps: number): number {
  finiteNonnegative('e', e);
  return e * powerSum(L, steps);
}

/** Theorem 3.12 with absolute storage error: ‖e_k‖ ≤ e·Σ_{n=1}^{k} ‖Aⁿ‖∞ (powerNorms[n] = ‖Aⁿ‖∞). */
export function absolutePowerBoundedPrior(e: number, powerNorms: ArrayLike<number>, steps: number): number {
  finiteNonnegative('e', e);
  nonnegativeInteger('steps', steps);
  if (steps >= powerNorms.length) throw new TheoremHypothesisError('‖Aⁿ‖∞ known for every n ≤ k', powerNorms.length - 1, `≥ ${steps}`, `powers known only to n = ${powerNorms.length - 1}`);
  let sum = 0;
  for (let n = 1; n <= steps; n++) sum += powerNorms[n]!;
  return e * sum;
}

/**
 * Contraction L < 1: the iterate stalls within δ = e·L/(1 − L) of x* (Theorem 3.7's limit), and
 * the stored state within e/(1 − L); the error no longer depends on the size of x*, unlike ZFP's K·M.
 */
export function absoluteStallLevel(e: number, L: number): number {
  finiteNonnegative('e', e);
  finiteNonnegative('L', L);
  if (L >= 1) throw new TheoremHypothesisError('contraction L < 1', L, '< 1', `L ≥ 1 by ${(L - 1).toPrecision(3)}`);
  return (e * L) / (1 - L);
}

/**
 * The largest absolute bound e whose a-priori error after `steps` steps is at most `target`: the
 * priors are linear in e, so e = target / (prior at e = 1) — for Theorem 3.3, target / S_k(L).
 */
export function largestAbsoluteBound(target: number, priorAtUnitBound: number): number {
  positive('target', target);
  finiteNonnegative('priorAtUnitBound', priorAtUnitBound);
  return priorAtUnitBound === 0 ? Infinity : target / (priorAtUnitBound * ROUND_UP);
}
