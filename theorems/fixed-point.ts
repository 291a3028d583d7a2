/**
 * Contractive fixed-point iterations: the bound and stall level δ (paper Theorem 3.7,
 * docs/theory.md §4) and the extra iterations compression costs (Theorem 3.9, §5).
 */
import { allFiniteNonnegative, finiteNonnegative, nonnegativeInteger, perStep } from './checks.ts';
import { TheoremHypothesisError } from './errors.ts';

function contraction(L: number): void {
  finiteNonnegative('L', L);
  if (L >= 1) throw new TheoremHypothesisError('contraction L < 1', L, '< 1', `L ≥ 1 by ${(L - 1).toPrecision(3)}`);
}

export interface FixedPointInput {
  readonly L: number;
  /** ‖x_0 − x*‖. */
  readonly initialError: number;
  /** ‖x̃_j‖ for j = 0..steps−1. */
  readonly norms: ArrayLike<number>;
  readonly K: number | ArrayLike<number>;
}

/** bounds[k] ≥ ‖x̃_k − x*‖: b_0 = ‖x_0 − x*‖, b_k = L(b_{k−1} + K_{k−1}‖x̃_{k−1}‖). */
export function fixedPointBound({ L, initialError, norms, K }: FixedPointInput): Float64Array {
  contraction(L);
  finiteNonnegative('initialError', initialError);
  allFiniteNonnegative('norms', norms);
  const k = perStep('K', K, norms.length);
  const bounds = new Float64Array(norms.length + 1);
  bounds[0] = initialError;
  for (let j = 1; j <= norms.length; j++) bounds[j] = L * (bounds[j - 1]! + k(j - 1) * norms[j - 1]!);
  return bounds;
}

/** δ = K_β·M·L/(1 − L): the inline iteration converges to within δ of x*. */
export function stallLevel(K: number, M: number, L: number): number {
  contraction(L);
  finiteNonnegative('K', K);
  finiteNonnegative('M', M);
  return (K * M * L) / (1 - L);
}

/** A-priori form: ‖x̃_k − x*‖ ≤ L^k‖x_0 − x*‖ + δ. */
export function fixedPointPriorBound(L: number, initialError: number, k: number, delta: number): number {
  contraction(L);
  nonnegativeInteger('k', k);
  return L ** k * initialError + delta;
}

export type ExtraIterations =
  | { readonly kind: 'reachable'; readonly mPred: number; readonly Ek: number; readonly delta: number }
  /** δ ≥ E_k: compression's stall level lies at or above the target, no m reaches it. */
  | { readonly kind: 'unreachable'; readonly Ek: number; readonly delta: number; readonly message: string };

/** m_pred(k) = ⌈ln(1 − δ/E_k)/ln L⌉ with E_k = L^k‖x_0 − x*‖ (Theorem 3.9). */
export function extraIterations(L: number, initialError: number, k: number, delta: number): ExtraIterations {
  contraction(L);
  finiteNonnegative('initialError', initialError);
  nonnegativeInteger('k', k);
  finiteNonnegative('delta', delta);
  const Ek = L ** k * initialError;
  if (delta >= Ek) {
    return { kind: 'unreachable', Ek, delta, message: `δ = ${delta.toPrecision(3)} ≥ E_k = ${Ek.toPrecision(3)}: no number of extra iterations reaches E_k` };
  }
  if (delta === 0) return { kind: 'reachable', mPred: 0, Ek, delta };
  return { kind: 'reachable', mPred: Math.max(0, Math.ceil(Math.log1p(-delta / Ek) / Math.log(L))), Ek, delta };
}

/** First index whose error is ≤ ε (k(ε) or k̃(ε)), or null if none. */
export function firstBelow(errors: ArrayLike<number>, epsilon: number): number | null {
  for (let k = 0; k < errors.length; k++) if (errors[k]! <= epsilon) return k;
  return null;
}

/** m_actual = k̃(ε) − k(ε); null when either run never reaches ε. */
export function measuredExtraIterations(exact: ArrayLike<number>, compressed: ArrayLike<number>, epsilon: number): number | null {
  const k = firstBelow(exact, epsilon);
  const kt = firstBelow(compressed, epsilon);
  return k === null || kt === null ? null : kt - k;
}

/**
 * Σ_{n≥1} ‖Gⁿ‖ from ‖Gⁿ‖ for n = 0..s: writing n = a·t + r (1 ≤ r ≤ t) gives ‖Gⁿ‖ ≤ ‖Gᵗ‖ᵃ‖Gʳ‖, so the
 * series is at most Σ_{r=1}^{t} ‖Gʳ‖ / (1 − ‖Gᵗ‖) for any t ≤ s with ‖Gᵗ‖ < 1; the smallest such
 * value is returned (Infinity when no known power contracts).
 */
export function powerNormSeries(powerNorms: ArrayLike<number>): number {
  allFiniteNonnegative('powerNorms', powerNorms);
  let best = Infinity;
  let partial = 0;
  for (let t = 1; t < powerNorms.length; t++) {
    partial += powerNorms[t]!;
    if (powerNorms[t]! < 1) best = Math.min(best, partial / (1 - powerNorms[t]!));
  }
  return best;
}

/**
 * Theorem 3.9 with the exact ‖Gⁿ‖ in place of Lⁿ (for a G that contracts only over several steps, as
 * Jacobi in the max norm): E_k = ‖Gᵏ‖‖x_0 − x*‖, and m_pred is the smallest m with
 * ‖G^{k+m}‖‖x_0 − x*‖ + δ ≤ E_k. Powers past the known ones are bounded by ‖G^{a·s+r}‖ ≤ ‖Gˢ‖ᵃ‖Gʳ‖
 * (s the last known). With ‖Gⁿ‖ = Lⁿ this is ⌈ln(1 − δ/E_k)/ln L⌉.
 */
export function extraIterationsFromPowers(powerNorms: ArrayLike<number>, initialError: number, k: number, delta: number): ExtraIterations {
  allFiniteNonnegative('powerNorms', powerNorms);
  finiteNonnegative('initialError', initialError);
  nonnegativeInteger('k', k);
  finiteNonnegative('delta', delta);
  const s = powerNorms.length - 1;
  if (k > s) throw new TheoremHypothesisError('‖Gᵏ‖ known', k, `≤ ${s}`, `k = ${k} lies past the ${s} known powers`);
  const Ek = powerNorms[k]! * initialError;
  if (delta >= Ek) {
    return { kind: 'unreachable', Ek, delta, message: `δ = ${delta.toPrecision(3)} ≥ E_k = ${Ek.toPrecision(3)}: no number of extra iterations reaches E_k` };
  }
  const allowed = (Ek - delta) / initialError;
  for (let n = k; n <= s; n++) if (powerNorms[n]! <= allowed) return { kind: 'reachable', mPred: n - k, Ek, delta };
  const base = powerNorms[s]!;
  if (!(base < 1)) {
    return { kind: 'unreachable', Ek, delta, message: `‖Gⁿ‖ does not fall below 1 within the ${s} known powers: no extra iterations can be certified` };
  }
  let first = Infinity;
  for (let r = 1; r <= s; r++) {
    const br = powerNorms[r]!;
    let a = br <= allowed ? 1 : Math.max(1, Math.ceil(Math.log(allowed / br) / Math.log(base)));
    while (base ** a * br > allowed) a++;
    first = Math.min(first, a * s + r);
  }
  return { kind: 'reachable', mPred: first - k, Ek, delta };
}
