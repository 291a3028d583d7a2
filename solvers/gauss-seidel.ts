import type { Arithmetic } from '../src/reference/arithmetic.ts';
import { numberArithmetic } from '../src/reference/arithmetic.ts';
import { UnstableParametersError } from './errors.ts';
import { coordinates, spacing } from './grid.ts';
import { requireInteger, requirePositive } from './params.ts';
import type { Problem, ProblemDefinition, Step } from './problem.ts';

export interface GaussSeidelParams {
  /** Unknowns of (I + rT)x = b before padding to whole blocks. */
  readonly n: number;
  /** r = αΔt/h² of the backward-Euler step. */
  readonly r: number;
  readonly sweeps: number;
}

const defaults: GaussSeidelParams = { n: 256, r: 0.4, sweeps: 40 };

/** ZFP's 1D block: blocks are [4i, 4i + 4). */
export const BLOCK_SIZE = 4;

/** b = u^n, two eigenvectors of T = tridiag(−1, 2, −1) so x* is known in closed form. */
const MODES = [
  { amplitude: 1, p: 1 },
  { amplitude: 0.25, p: 7 },
] as const;

/**
 * The padded tridiagonal system and each 4-block's Thomas factors, computed in T so that the
 * reference solves its own exactly-rounded system. Padding rows are identity rows, uncoupled.
 */
function system<T>(ar: Arithmetic<T>, n: number, size: number, r: number) {
  const zero = ar.fromNumber(0);
  const one = ar.fromNumber(1);
  const rT = ar.fromNumber(r);
  const offDiagonal = ar.sub(zero, rT);
  const diagonal = ar.add(one, ar.mul(ar.fromNumber(2), rT));
  const lower = Array.from({ length: size }, (_, i) => (i > 0 && i < n ? offDiagonal : zero));
  const upper = Array.from({ length: size }, (_, i) => (i < n - 1 ? offDiagonal : zero));
  const diag = Array.from({ length: size }, (_, i) => (i < n ? diagonal : one));
  // Within block: denominators d_k = diag_k − lower_k·c_{k−1}, c_k = upper_k / d_k (c of a block's last row unused).
  const denom: T[] = new Array<T>(size);
  const c: T[] = new Array<T>(size);
  for (let i = 0; i < size; i++) {
    denom[i] = i % BLOCK_SIZE === 0 ? diag[i]! : ar.sub(diag[i]!, ar.mul(lower[i]!, c[i - 1]!));
    c[i] = ar.div(upper[i]!, denom[i]!);
  }
  return { lower, upper, denom, c };
}

function paddedSize(n: number): number {
  return Math.ceil(n / BLOCK_SIZE) * BLOCK_SIZE;
}

/** Max-norm of the inverse of a 4×4 diagonal block, by solving for each unit vector. */
function blockInverseNorm(lower: number[], denom: number[], c: number[], start: number): number {
  const rowSums = new Float64Array(BLOCK_SIZE);
  for (let col = 0; col < BLOCK_SIZE; col++) {
    const y = new Float64Array(BLOCK_SIZE);
    for (let k = 0; k < BLOCK_SIZE; k++) {
      const i = start + k;
      y[k] = ((k === col ? 1 : 0) - (k > 0 ? lower[i]! * y[k - 1]! : 0)) / denom[i]!;
    }
    for (let k = BLOCK_SIZE - 2; k >= 0; k--) y[k] = y[k]! - c[start + k]! * y[k + 1]!;
    for (let k = 0; k < BLOCK_SIZE; k++) rowSums[k] = rowSums[k]! + Math.abs(y[k]!);
  }
  return Math.max(...rowSums);
}

/** Feingold–Varga block dominance and Theorem 3.16's γ and λ; throws when a block is not dominant. */
function blockDominance(n: number, r: number): { gamma: number; lambda: number } {
  const size = paddedSize(n);
  const { lower, upper, denom, c } = system(numberArithmetic, n, size, r);
  let gamma = 0;
  let lambda = 0;
  for (let start = 0; start < size; start += BLOCK_SIZE) {
    const inverseNorm = blockInverseNorm(lower, denom, c, start);
    // The only coupling entries are A[start][start−1] and A[end−1][end].
    const l = inverseNorm * Math.abs(lower[start]!);
    const u = inverseNorm * Math.abs(upper[start + BLOCK_SIZE - 1]!);
    if (!(l + u < 1)) {
      throw new UnstableParametersError(
        `block Gauss–Seidel needs block diagonal dominance Σ_{j≠i}‖A_ij‖ < 1/‖A_ii⁻¹‖ (Theorem 3.16); ` +
          `for r = ${r} block ${start / BLOCK_SIZE} has ‖A_ii⁻¹‖·Σ_{j≠i}‖A_ij‖ = ${l + u} ≥ 1`,
      );
    }
    gamma = Math.max(gamma, u / (1 - l));
    lambda = Math.max(lambda, 1 / (1 - l));
  }
  return { gamma, lambda };
}

function checkStability({ n, r }: GaussSeidelParams): void {
  requirePositive('r', r);
  blockDominance(n, r);
}

function create(params: GaussSeidelParams): Problem {
  const { n, r, sweeps } = params;
  requireInteger('unknowns n', n, 1);
  requireInteger('sweeps', sweeps, 0);
  requirePositive('r', r);
  const { gamma, lambda } = blockDominance(n, r);
  const size = paddedSize(n);
  const x = coordinates(n, 'dirichlet');
  const h = spacing(n, 'dirichlet');
  const b = new Float64Array(size);
  for (const { amplitude, p } of MODES) for (let i = 0; i < n; i++) b[i] = b[i]! + amplitude * Math.sin(p * Math.PI * x[i]!);
  // T v_p = 4 sin²(pπh/2) v_p, so x* = Σ amplitude · v_p / (1 + 4r sin²(pπh/2)).
  const fixedPoint = new Float64Array(size);
  for (const { amplitude, p } of MODES) {
    const scale = amplitude / (1 + 4 * r * Math.sin((p * Math.PI * h) / 2) ** 2);
    for (let i = 0; i < n; i++) fixedPoint[i] = fixedPoint[i]! + scale * Math.sin(p * Math.PI * x[i]!);
  }
  const s = system(numberArithmetic, n, size, r);
  const [lower, upper, denom, c] = [s.lower, s.upper, s.denom, s.c].map((a) => Float64Array.from(a)) as [Float64Array, Float64Array, Float64Array, Float64Array];

  // Block i solves A_ii x_i = rhs − A_i,i−1 x_{i−1}(new) − A_i,i+1 x_{i+1}(old) in place.
  const sweepWith = (rhs: Float64Array) => (v: Float64Array, afterBlock: (start: number) => void): void => {
    for (let start = 0; start < size; start += BLOCK_SIZE) {
      const end = start + BLOCK_SIZE;
      for (let i = start; i < end; i++) {
        let d = rhs[i]!;
        if (i === start && i > 0) d -= lower[i]! * v[i - 1]!;
        if (i === end - 1 && end < size) d -= upper[i]! * v[end]!;
        if (i > start) d -= lower[i]! * v[i - 1]!;
        v[i] = d / denom[i]!;
      }
      for (let i = end - 2; i >= start; i--) v[i] = v[i]! - c[i]! * v[i + 1]!;
      afterBlock(start);
    }
  };
  const noop = (): void => {};
  const asStep = (sweep: ReturnType<typeof sweepWith>) => (src: Float64Array, dst: Float64Array): void => {
    dst.set(src);
    sweep(dst, noop);
  };
  const sweep = sweepWith(b);

  const referenceStep = <T>(ar: Arithmetic<T>): Step<T> => {
    const t = system(ar, n, size, r);
    const rhs = Array.from(b, (bi) => ar.fromNumber(bi));
    return (src, dst) => {
      for (let i = 0; i < size; i++) dst.set(i, src.get(i));
      for (let start = 0; start < size; start += BLOCK_SIZE) {
        const end = start + BLOCK_SIZE;
        for (let i = start; i < end; i++) {
          let d: T = rhs[i]!;
          if (i === start && i > 0) d = ar.sub(d, ar.mul(t.lower[i]!, dst.get(i - 1)));
          if (i === end - 1 && end < size) d = ar.sub(d, ar.mul(t.upper[i]!, dst.get(end)));
          if (i > start) d = ar.sub(d, ar.mul(t.lower[i]!, dst.get(i - 1)));
          dst.set(i, ar.div(d, t.denom[i]!));
        }
        for (let i = end - 2; i >= start; i--) dst.set(i, ar.sub(dst.get(i), ar.mul(t.c[i]!, dst.get(i + 1))));
      }
    };
  };

  return {
    name: 'gauss-seidel',
    shape: [size],
    steps: sweeps,
    tolerance: null,
    facts: {
      // Theorem 3.16 without compression: ‖e_k‖ ≤ γ‖e_{k−1}‖, so γ bounds the sweep's Lipschitz constant.
      lipschitz: gamma,
      linear: true,
      // A is an M-matrix: its block-lower part has a nonnegative inverse, so G ≥ 0.
      nonnegative: true,
      stencil: null,
      applyLinearPart: asStep(sweepWith(new Float64Array(size))),
      blockDominance: { blockSize: BLOCK_SIZE, gamma, lambda },
    },
    initial: (out) => out.fill(0),
    exact: (_k, out) => out.set(fixedPoint),
    step: asStep(sweep),
    referenceStep,
    blocks: { size: BLOCK_SIZE, sweep },
  };
}

/** One backward-Euler step of 1D diffusion, (I + rT)x = b, by block Gauss–Seidel on ZFP-aligned 4-blocks. */
export const gaussSeidel: ProblemDefinition<GaussSeidelParams> = {
  name: 'gauss-seidel',
  defaults,
  quick: { n: 30, r: 0.4, sweeps: 30 },
  checkStability,
  create,
};
