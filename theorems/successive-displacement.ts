/**
 * Block Gauss–Seidel with 4-blocks aligned to zfp blocks: the Feingold–Varga block diagonal
 * dominance check and the error bound of paper Theorem 3.16 (docs/theory.md §8).
 */
import { allFiniteNonnegative, finiteNonnegative, perStep } from './checks.ts';
import { TheoremHypothesisError } from './errors.ts';
import { checkSquare, inverse, normInf, type Dense } from './matrix.ts';

export const ZFP_BLOCK = 4;

/** What the dominance check found; `dominant` is the hypothesis of Theorem 3.16. */
export interface BlockDominance {
  readonly blocks: number;
  /** Rows added as identity to reach a multiple of 4 (the paper's ghost variables). */
  readonly padded: number;
  readonly l: Float64Array;
  readonly u: Float64Array;
  /** γ = max u_i/(1 − l_i). */
  readonly gamma: number;
  /** λ = max 1/(1 − l_i). */
  readonly lambda: number;
  readonly dominant: boolean;
  /** min_i (‖A_ii⁻¹‖⁻¹ − Σ_{j≠i}‖A_ij‖); negative where dominance fails. */
  readonly margin: number;
  readonly worstBlock: number;
}

function padded(A: Dense): number[][] {
  const n = A.length;
  const m = Math.ceil(n / ZFP_BLOCK) * ZFP_BLOCK;
  return Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i < n && j < n ? A[i]![j]! : i === j ? 1 : 0)));
}

function block(A: number[][], bi: number, bj: number): number[][] {
  return Array.from({ length: ZFP_BLOCK }, (_, r) => A[bi * ZFP_BLOCK + r]!.slice(bj * ZFP_BLOCK, (bj + 1) * ZFP_BLOCK));
}

/** Feingold–Varga: Σ_{j≠i}‖A_ij‖∞ < ‖A_ii⁻¹‖∞⁻¹ for every block row i. */
export function blockDominance(A: Dense): BlockDominance {
  const n = checkSquare('A', A);
  const P = padded(A);
  const nb = P.length / ZFP_BLOCK;
  const l = new Float64Array(nb);
  const u = new Float64Array(nb);
  let margin = Infinity;
  let worstBlock = 0;
  for (let i = 0; i < nb; i++) {
    const invNorm = normInf(inverse(block(P, i, i)));
    let lower = 0;
    let upper = 0;
    for (let j = 0; j < nb; j++) {
      if (j === i) continue;
      const nrm = normInf(block(P, i, j));
      if (j < i) lower += nrm;
      else upper += nrm;
    }
    l[i] = invNorm * lower;
    u[i] = invNorm * upper;
    const m = 1 / invNorm - (lower + upper);
    if (m < margin) {
      margin = m;
      worstBlock = i;
    }
  }
  let gamma = 0;
  let lambda = 0;
  for (let i = 0; i < nb; i++) {
    gamma = Math.max(gamma, u[i]! / (1 - l[i]!));
    lambda = Math.max(lambda, 1 / (1 - l[i]!));
  }
  return { blocks: nb, padded: P.length - n, l, u, gamma, lambda, dominant: margin > 0, margin, worstBlock };
}

function requireDominant(f: BlockDominance): void {
  if (!f.dominant) {
    throw new TheoremHypothesisError(
      'block diagonal dominance Σ_{j≠i}‖A_ij‖ < ‖A_ii⁻¹‖⁻¹',
      f.margin,
      '> 0',
      `block row ${f.worstBlock} misses it by ${(-f.margin).toPrecision(3)}`,
    );
  }
}

/**
 * bounds[k] ≥ ‖e^{(k)}‖ for k = 0..sweeps: b_k = γ b_{k−1} + λ K Y_k, b_0 = 0, where Y_k is the
 * largest pre-compression block norm of sweep k (Y[k−1] here).
 */
export function successiveDisplacementBound(f: BlockDominance, K: number | ArrayLike<number>, Y: ArrayLike<number>): Float64Array {
  requireDominant(f);
  allFiniteNonnegative('Y', Y);
  const k = perStep('K', K, Y.length);
  const b = new Float64Array(Y.length + 1);
  const next = successiveDisplacementSteps(f);
  for (let s = 1; s <= Y.length; s++) b[s] = next(k(s - 1), Y[s - 1]!);
  return b;
}

/**
 * The recurrence of successiveDisplacementBound one sweep at a time, for a run whose sweeps are still
 * arriving: each call takes sweep s's K and Y_s and returns b_s.
 */
export function successiveDisplacementSteps(f: BlockDominance): (K: number, Y: number) => number {
  requireDominant(f);
  let b = 0;
  return (K, Y) => {
    finiteNonnegative('K', K);
    finiteNonnegative('Y', Y);
    b = f.gamma * b + f.lambda * K * Y;
    return b;
  };
}

/** A-priori form: λ K_β Y/(1 − γ) with Y ≥ every Y_k. */
export function successiveDisplacementPrior(f: BlockDominance, K: number, Y: number): number {
  requireDominant(f);
  finiteNonnegative('K', K);
  finiteNonnegative('Y', Y);
  return (f.lambda * K * Y) / (1 - f.gamma);
}

/** (I + r·T) with T = tridiag(−1, 2, −1): one backward-Euler step of 1D diffusion. */
export function backwardEulerDiffusion(n: number, r: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 + 2 * r : Math.abs(i - j) === 1 ? -r : 0)),
  );
}
