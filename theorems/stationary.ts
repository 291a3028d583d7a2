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

export interface ClosedFormBeta {
  /** log2(c_d / K_target): the continuous β in the regime K_β = c_d 2^(−β). */
  readonly continuous: number;
  /** The smallest integer β whose full K_β meets the target (or infeasible). */
  readonly full: BetaChoice;
  /** Largest K_β the target allows. */
  readonly target: number;
}

function closedForm(target: number, d: number, type: ScalarKind): ClosedFormBeta {
  return { continuous: Math.log2(planeConstant(d) / target), full: chooseBeta({ epsilon: target, d, type, predict: (K) => K }), target };
}

function spectral(rho: number): void {
  if (!(rho > 0 && rho < 1)) throw new TheoremHypothesisError('0 < ρ(G) < 1', rho, 'in (0, 1)');
}

/**
 * Forward closed form (k → ∞, ‖G^i‖ ≈ ρ^i, Σ‖G^i M⁻¹‖ ≈ ‖A⁻¹‖): K_β ρ/(1 − ρ) ≤ c_n u κ(A),
 * with the ratio (‖M‖+‖N‖+‖A‖)/‖A‖ absorbed in c_n.
 */
export function forwardBetaClosedForm(cnKappa: number, rho: number, d: number, type: ScalarKind, u = DOUBLE_UNIT_ROUNDOFF): ClosedFormBeta {
  positive('cnKappa', cnKappa);
  spectral(rho);
  finiteNonnegative('u', u);
  return closedForm((cnKappa * u * (1 - rho)) / rho, d, type);
}

/**
 * Backward closed form: Σ(I − H)H^i telescopes to I, so Σ‖(I − H)H^i‖ ≈ 1, and Σ‖A G^i‖ ≈ ‖A‖ρ/(1 − ρ):
 * K_β ρ/(1 − ρ) ≤ c_n u. κ(A) drops out; β depends on ρ and c_n only.
 */
export function backwardBetaClosedForm(cn: number, rho: number, d: number, type: ScalarKind, u = DOUBLE_UNIT_ROUNDOFF): ClosedFormBeta {
  positive('cn', cn);
  spectral(rho);
  finiteNonnegative('u', u);
  return closedForm((cn * u * (1 - rho)) / rho, d, type);
}
