/**
 * ZFP error against floating-point error in a stationary method A = M − N, G = M⁻¹N
 * (paper Lemmas 3.18 forward and 3.20 backward, docs/theory.md §9): exact sums for small dense
 * operators and the closed forms behind the β_min contour plots.
 */
import { chooseBeta, type BetaChoice } from './beta-min.ts';
import { finiteNonnegative, nonnegativeInteger, positive } from './checks.ts';
import { TheoremDomainError, TheoremHypothesisError } from './errors.ts';
import type { ScalarKind } from './kbeta.ts';
import { checkSquare, eye, inverse, mul, normInf, spectralRadius, type Dense } from './matrix.ts';

export const DOUBLE_UNIT_ROUNDOFF = 2 ** -53;

/** c_d in K_β ≈ c_d·2^(−β) where bit-plane truncation dominates: (16/3)(15/4)^d (README, §1). */
export function planeConstant(d: number): number {
  if (![1, 2, 3, 4].includes(d)) throw new TheoremDomainError(`d must be 1..4, got ${d}`);
  return (16 / 3) * (15 / 4) ** d;
}

export interface StationaryInput {
  readonly M: Dense;
  readonly N: Dense;
  /** Iterations k. */
  readonly steps: number;
  /** c_n of Higham's model. */
  readonly cn: number;
  /** Unit round-off of the arithmetic (default IEEE double). */
  readonly u?: number;
}

/** The four sums of §9, each over the k terms the error expansion carries. */
export interface StationarySums {
  readonly rho: number;
  /** c_n u (‖M‖ + ‖N‖ + ‖A‖), the floating-point prefactor. */
  readonly fpScale: number;
  /** Σ_{i=0}^{k−1} ‖G^i M⁻¹‖ (forward, floating point). */
  readonly forwardFp: number;
  /** Σ_{i=1}^{k} ‖G^i‖ (forward, zfp). */
  readonly forwardZfp: number;
  /** Σ_{i=0}^{k−1} ‖(I − H)H^i‖, H = NM⁻¹ (backward, floating point; = A G^i M⁻¹). */
  readonly backwardFp: number;
  /** Σ_{i=1}^{k} ‖A G^i‖ (backward, zfp). */
  readonly backwardZfp: number;
  readonly normA: number;
  readonly kappa: number;
}

export function stationarySums({ M, N, steps, cn, u = DOUBLE_UNIT_ROUNDOFF }: StationaryInput): StationarySums {
  const n = checkSquare('M', M);
  if (checkSquare('N', N) !== n) throw new TheoremDomainError('M and N must have the same size');
  nonnegativeInteger('steps', steps);
  positive('cn', cn);
  positive('u', u);
  const A = M.map((r, i) => r.map((v, j) => v - N[i]![j]!));
  const Minv = inverse(M);
  const G = mul(Minv, N);
  const H = mul(N, Minv);
  const rho = spectralRadius(G);
  if (rho >= 1) throw new TheoremHypothesisError('ρ(G) < 1', rho, '< 1', `the splitting diverges; ρ(G) − 1 = ${(rho - 1).toPrecision(3)}`);
  const I = eye(n);
  const IminusH = I.map((r, i) => r.map((v, j) => v - H[i]![j]!));
  let Gi = I;
  let Hi = I;
  let forwardFp = 0;
  let forwardZfp = 0;
  let backwardFp = 0;
  let backwardZfp = 0;
  for (let i = 0; i < steps; i++) {
    forwardFp += normInf(mul(Gi, Minv));
    backwardFp += normInf(mul(IminusH, Hi));
    Gi = mul(Gi, G);
    Hi = mul(Hi, H);
    forwardZfp += normInf(Gi);
    backwardZfp += normInf(mul(A, Gi));
  }
  const normA = normInf(A);
  return {
    rho,
    fpScale: cn * u * (normInf(M) + normInf(N) + normA),
    forwardFp,
    forwardZfp,
    backwardFp,
    backwardZfp,
    normA,
    kappa: normA * normInf(inverse(A)),
  };
}

/** β_min of Lemmas 3.18 and 3.20 from the exact sums: smallest β with F_zfp ≤ F_fp (X cancels). */
export function stationaryBetaMin(s: StationarySums, d: number, type: ScalarKind): { forward: BetaChoice; backward: BetaChoice } {
  return {
    forward: chooseBeta({ epsilon: s.fpScale * s.forwardFp, d, type, predict: (K) => K * s.forwardZfp }),
    backward: chooseBeta({ epsilon: s.fpScale * s.backwardFp, d, type, predict: (K) => K * s.backwardZfp }),
  };
}

/** ‖Gⁱ‖ ≤ C·qⁱ for every i ≥ 0 (C ≥ 1, 0 < q < 1): the hypothesis of the closed forms. */
export interface PowerDecay {
  readonly C: number;
  readonly q: number;
}

/**
 * A proven (C, q) from the powers 0..maxPower of G: for the m with the smallest q = ‖Gᵐ‖^{1/m} < 1
 * and C = max_{i<m} ‖Gⁱ‖/qⁱ, any n = a·m + b (b < m) has ‖Gⁿ‖ ≤ ‖Gᵐ‖ᵃ‖Gᵇ‖ ≤ C·qⁿ.
 */
export function powerDecay(G: Dense, maxPower: number): PowerDecay {
  const n = checkSquare('G', G);
  positive('maxPower', maxPower);
  nonnegativeInteger('maxPower', maxPower);
  const norms = [1];
  let P = eye(n);
  for (let m = 1; m <= maxPower; m++) {
    P = mul(P, G);
    norms.push(normInf(P));
  }
  let best = { m: 0, q: Infinity };
  for (let m = 1; m <= maxPower; m++) {
    const q = norms[m]! ** (1 / m);
    if (norms[m]! < 1 && q < best.q) best = { m, q };
  }
  if (best.m === 0) {
    throw new TheoremHypothesisError('‖Gᵐ‖∞ < 1 for some m', Math.min(...norms.slice(1)), '< 1', `no power up to ${maxPower} contracts in the max norm`);
  }
  // Gᵐ = 0: any q in (0, 1) keeps ‖Gᵐ‖ ≤ qᵐ, and q = 0 would make C infinite.
  const q = best.q > 0 ? best.q : 0.5;
  const C = Math.max(...norms.slice(0, best.m).map((v, i) => v / q ** i));
  return { C, q };
}

/** What the closed forms of Lemmas 3.18 and 3.20 are stated in. */
export interface ClosedFormInput {
  readonly decay: PowerDecay;
  /** κ∞(A) = ‖A‖∞‖A⁻¹‖∞. */
  readonly kappa: number;
  readonly cn: number;
  /** Iterations k the sums run over, ≥ 1. */
  readonly steps: number;
  readonly u?: number;
}

function checkClosedForm({ decay: { C, q }, kappa, cn, steps, u = DOUBLE_UNIT_ROUNDOFF }: ClosedFormInput): number {
  if (!(q > 0 && q < 1)) throw new TheoremHypothesisError('0 < q < 1 with ‖Gⁱ‖∞ ≤ C·qⁱ', q, 'in (0, 1)');
  if (!(C >= 1 && Number.isFinite(C))) throw new TheoremHypothesisError('C ≥ 1 (‖G⁰‖ = 1)', C, '≥ 1');
  if (!(kappa >= 1 && Number.isFinite(kappa))) throw new TheoremHypothesisError('κ(A) ≥ 1', kappa, '≥ 1');
  positive('cn', cn);
  positive('steps', steps);
  nonnegativeInteger('steps', steps);
  positive('u', u);
  return u;
}

/** Σ_{i=1}^{k} C qⁱ: the upper bound of Σ‖Gⁱ‖ both ZFP sums share. */
function zfpSumBound({ decay: { C, q }, steps }: ClosedFormInput): number {
  return (C * q * -Math.expm1(steps * Math.log(q))) / (1 - q);
}

/**
 * Lemma 3.18's largest K_β, proven ≤ the exact F_fp/F_zfp ratio (docs/theory.md §9): with
 * ‖M‖ + ‖N‖ ≥ ‖A‖, Σ‖GⁱM⁻¹‖ ≥ max(‖M⁻¹‖, ‖(I − Gᵏ)A⁻¹‖) ≥ ‖A⁻¹‖·max((1 − q)/C, 1 − C·qᵏ) and
 * Σ‖Gⁱ‖ ≤ C·q(1 − qᵏ)/(1 − q). For C = 1 it is 2cₙuκ(1 − q)/q, whatever k.
 */
export function forwardClosedFormTarget(input: ClosedFormInput): number {
  const u = checkClosedForm(input);
  const { decay: { C, q }, kappa, cn, steps } = input;
  const fp = 2 * cn * u * kappa * Math.max((1 - q) / C, 1 - C * q ** steps);
  return fp / zfpSumBound(input);
}

/**
 * Lemma 3.20's largest K_β, proven ≤ the exact ratio: Σ(I − H)Hⁱ = I − AGᵏA⁻¹ gives
 * Σ‖(I − H)Hⁱ‖ ≥ 1 − κ·C·qᵏ, its first term ‖AM⁻¹‖ ≥ ρ(I − H) ≥ 1 − q, and Σ‖AGⁱ‖ ≤ ‖A‖·C·q(1 − qᵏ)/(1 − q).
 * κ enters only through κ·C·qᵏ: when the sums stop before Gᵏ has damped κ, the backward error of
 * the iterate is not yet down to the arithmetic's.
 */
export function backwardClosedFormTarget(input: ClosedFormInput): number {
  const u = checkClosedForm(input);
  const { decay: { C, q }, kappa, cn, steps } = input;
  const fp = 2 * cn * u * Math.max(1 - q, 1 - kappa * C * q ** steps);
  return fp / zfpSumBound(input);
}

/** β from a closed-form target: the smallest β ≤ full precision whose K_β meets it, or infeasible. */
export function closedFormBeta(target: number, d: number, type: ScalarKind): BetaChoice {
  finiteNonnegative('target', target);
  return chooseBeta({ epsilon: target, d, type, predict: (K) => K });
}
