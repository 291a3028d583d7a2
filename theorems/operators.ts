/**
 * Max-norm facts about linear advancement operators: stencil Lipschitz constants and the exact
 * power norms ‖A^n‖∞ used by Theorem 3.12 (docs/theory.md §6 and "Norms must agree").
 */
import { nonnegativeInteger, positive } from './checks.ts';
import { TheoremDomainError, TheoremHypothesisError } from './errors.ts';

/** A constant-coefficient stencil: (A u)_i = Σ_k weights[k] · u_{i + offsets[k]}, offsets one entry per dimension. */
export interface Stencil {
  readonly offsets: readonly (readonly number[])[];
  readonly weights: readonly number[];
}

export type NormKind = 'max' | 'two';

/** What a solver states about its one-step operator. */
export interface OperatorFacts {
  /** Lipschitz constant in the norm `norm`. */
  readonly lipschitz: number;
  readonly norm: NormKind;
  readonly linear: boolean;
  readonly stencil?: Stencil;
  /** Grid extents when the stencil is periodic. */
  readonly periodicShape?: readonly number[];
}

/** A Lipschitz constant in the max norm, with how it was obtained (so reports can print it). */
export interface MaxNormLipschitz {
  readonly L: number;
  readonly method: 'native max norm' | 'norm equivalence ‖·‖∞ ≤ √N‖·‖₂ (factor √N)';
}

/**
 * K_β is a max-norm constant: a 2-norm Lipschitz constant is converted with ‖A‖∞ ≤ √N‖A‖₂
 * (N unknowns), never used as is.
 */
export function maxNormLipschitz(facts: OperatorFacts, unknowns: number): MaxNormLipschitz {
  positive('unknowns', unknowns);
  if (facts.norm === 'max') return { L: facts.lipschitz, method: 'native max norm' };
  return { L: facts.lipschitz * Math.sqrt(unknowns), method: 'norm equivalence ‖·‖∞ ≤ √N‖·‖₂ (factor √N)' };
}

function checkStencil(s: Stencil): number {
  if (s.offsets.length !== s.weights.length || s.offsets.length === 0) {
    throw new TheoremDomainError(`stencil needs as many offsets as weights (got ${s.offsets.length} and ${s.weights.length})`);
  }
  const dims = s.offsets[0]!.length;
  for (const o of s.offsets) {
    if (o.length !== dims || !o.every(Number.isInteger)) throw new TheoremDomainError(`stencil offsets must be integer tuples of one length, got [${o.join(', ')}]`);
  }
  for (const w of s.weights) if (!Number.isFinite(w)) throw new TheoremDomainError(`stencil weight ${w} is not finite`);
  return dims;
}

/** Max-norm Lipschitz constant (= ‖A‖∞) of a linear stencil on a periodic or infinite grid: Σ|w|. */
export function stencilLipschitz(s: Stencil): number {
  checkStencil(s);
  return s.weights.reduce((a, w) => a + Math.abs(w), 0);
}

/** Lax–Wendroff for u_t + a u_x = 0 at CFL number ν: u_i ← ν(1+ν)/2·u_{i−1} + (1−ν²)u_i + ν(ν−1)/2·u_{i+1}. */
export function laxWendroffStencil(nu: number): Stencil {
  if (!Number.isFinite(nu)) throw new TheoremDomainError(`CFL number must be finite, got ${nu}`);
  return { offsets: [[-1], [0], [1]], weights: [(nu * (1 + nu)) / 2, 1 - nu * nu, (nu * (nu - 1)) / 2] };
}

/**
 * ‖A^n‖∞ for n = 0..nMax of a stencil on a periodic grid of the given extents: the ℓ1 norm of the
 * n-fold circular convolution of the stencil (A is circulant, so every row holds the same numbers).
 */
export function periodicPowerNorms(s: Stencil, shape: readonly number[], nMax: number): Float64Array {
  const dims = checkStencil(s);
  nonnegativeInteger('nMax', nMax);
  if (shape.length !== dims || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new TheoremDomainError(`periodic shape must have ${dims} positive integer extents, got [${shape.join(', ')}]`);
  }
  const cells = shape.reduce((a, n) => a * n, 1);
  const strides = shape.map((_, k) => shape.slice(0, k).reduce((a, n) => a * n, 1));
  const mod = (v: number, n: number) => ((v % n) + n) % n;
  // a cell's coordinates are needed per tap; precompute the shifted index of every (cell, tap)
  const taps = s.weights.length;
  const target = new Int32Array(cells * taps);
  for (let c = 0; c < cells; c++) {
    for (let t = 0; t < taps; t++) {
      let idx = 0;
      for (let k = 0; k < dims; k++) idx += mod(Math.floor(c / strides[k]!) % shape[k]! + s.offsets[t]![k]!, shape[k]!) * strides[k]!;
      target[c * taps + t] = idx;
    }
  }
  const w = Float64Array.from(s.weights);
  let kernel = new Float64Array(cells);
  let next = new Float64Array(cells);
  kernel[0] = 1;
  const norms = new Float64Array(nMax + 1);
  norms[0] = 1;
  for (let n = 1; n <= nMax; n++) {
    next.fill(0);
    for (let c = 0; c < cells; c++) {
      const v = kernel[c]!;
      if (v === 0) continue;
      for (let t = 0; t < taps; t++) next[target[c * taps + t]!]! += w[t]! * v;
    }
    [kernel, next] = [next, kernel];
    let sum = 0;
    for (let c = 0; c < cells; c++) sum += Math.abs(kernel[c]!);
    norms[n] = sum;
  }
  return norms;
}

/** ‖A^n‖∞ on the infinite lattice: a periodic grid wide enough that the convolution never wraps. */
export function latticePowerNorms(s: Stencil, nMax: number): Float64Array {
  const dims = checkStencil(s);
  nonnegativeInteger('nMax', nMax);
  const reach = Math.max(1, ...s.offsets.flatMap((o) => o.map(Math.abs)));
  return periodicPowerNorms(s, Array.from({ length: dims }, () => 2 * reach * nMax + 1), nMax);
}

/** A matrix-free linear operator on Float64Array vectors. */
export interface LinearOperator {
  readonly size: number;
  apply(x: Float64Array, out: Float64Array): void;
  /** Declared entrywise nonnegativity of the matrix (checked as far as A^n·1 reveals it). */
  readonly nonnegative?: boolean;
}

/** ‖A^n‖∞ = max_i (A^n 1)_i for n = 0..nMax when A ≥ 0 entrywise. */
export function nonnegativePowerNorms(op: LinearOperator, nMax: number): Float64Array {
  nonnegativeInteger('nMax', nMax);
  if (op.nonnegative !== true) {
    throw new TheoremHypothesisError('A ≥ 0 entrywise', NaN, 'declared nonnegative: true', 'max(A^n 1) is ‖A^n‖∞ only for nonnegative A');
  }
  let v = new Float64Array(op.size).fill(1);
  let w = new Float64Array(op.size);
  const norms = new Float64Array(nMax + 1);
  norms[0] = op.size > 0 ? 1 : 0;
  for (let n = 1; n <= nMax; n++) {
    op.apply(v, w);
    [v, w] = [w, v];
    let m = 0;
    for (let i = 0; i < op.size; i++) {
      const x = v[i]!;
      if (x < 0) throw new TheoremHypothesisError('A ≥ 0 entrywise', x, '≥ 0', `(A^${n} 1)_${i} is negative`);
      if (x > m) m = x;
    }
    norms[n] = m;
  }
  return norms;
}

/**
 * ‖Aⁿ‖∞ for n = 0..exactTo of a linear operator with entries of either sign (where max(Aⁿ1) is not
 * the norm): the columns Aⁿeⱼ by repeated application, each |(Aⁿeⱼ)ᵢ| added to row i's sum, so
 * ‖Aⁿ‖∞ = maxᵢ Σⱼ |(Aⁿ)ᵢⱼ| exactly (up to the double rounding of the sums). O(size² · exactTo) work:
 * the caller picks exactTo for its budget and extends with `submultiplicativePowerNorms`.
 */
export function signedPowerNorms(op: LinearOperator, exactTo: number): Float64Array {
  nonnegativeInteger('exactTo', exactTo);
  const { size } = op;
  const rowSums = new Float64Array((exactTo + 1) * size);
  let v = new Float64Array(size);
  let w = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    v.fill(0);
    v[j] = 1;
    for (let n = 1; n <= exactTo; n++) {
      op.apply(v, w);
      [v, w] = [w, v];
      const row = n * size;
      for (let i = 0; i < size; i++) rowSums[row + i]! += Math.abs(v[i]!);
    }
  }
  const norms = new Float64Array(exactTo + 1);
  norms[0] = size > 0 ? 1 : 0;
  for (let n = 1; n <= exactTo; n++) {
    let m = 0;
    for (let i = n * size; i < (n + 1) * size; i++) m = Math.max(m, rowSums[i]!);
    norms[n] = m;
  }
  return norms;
}

/**
 * Upper bounds on ‖Aⁿ‖ for n = 0..nMax from the known ‖Aⁿ‖, n ≤ s (exact, or themselves upper
 * bounds): past s, ‖Aⁿ‖ ≤ min over 1 ≤ a ≤ s of ‖Aᵃ‖·‖Aⁿ⁻ᵃ‖ (submultiplicativity), at most ‖A‖ⁿ.
 */
export function submultiplicativePowerNorms(known: ArrayLike<number>, nMax: number): Float64Array {
  nonnegativeInteger('nMax', nMax);
  const s = known.length - 1;
  if (s < 1) throw new TheoremDomainError(`submultiplicative extension needs ‖A⁰‖ and ‖A¹‖ at least, got ${known.length} norms`);
  const norms = new Float64Array(Math.max(nMax, s) + 1);
  for (let n = 0; n <= s; n++) norms[n] = known[n]!;
  for (let n = s + 1; n <= nMax; n++) {
    let best = Infinity;
    for (let a = 1; a <= s; a++) best = Math.min(best, norms[a]! * norms[n - a]!);
    norms[n] = best;
  }
  return norms.subarray(0, nMax + 1);
}

/** The Kreiss matrix theorem's horizon-free bound on sup_n ‖Aⁿ‖ (docs/theory.md §6). */
export interface KreissPowerBound {
  /** K(A) = sup_{|z|>1} (|z| − 1)‖(zI − A)⁻¹‖₂. */
  readonly K: number;
  readonly spectralRadius: number;
  /** N, the order of A. */
  readonly size: number;
  /** e·N·K ≥ sup_n ‖Aⁿ‖₂. */
  readonly twoNorm: number;
  /** √N·e·N·K ≥ sup_n ‖Aⁿ‖∞, by ‖B‖∞ ≤ √N‖B‖₂. */
  readonly maxNorm: number;
}

/** Largest |a(θ)| over the grid frequencies: the eigenvalues of a periodic stencil's circulant A. */
function symbolRadius(s: Stencil, shape: readonly number[]): number {
  const cells = shape.reduce((a, n) => a * n, 1);
  let rho = 0;
  for (let c = 0; c < cells; c++) {
    let re = 0;
    let im = 0;
    for (let t = 0; t < s.weights.length; t++) {
      let phase = 0;
      for (let k = 0, rest = c; k < shape.length; rest = Math.floor(rest / shape[k]!), k++) phase += (2 * Math.PI * (rest % shape[k]!) * s.offsets[t]![k]!) / shape[k]!;
      re += s.weights[t]! * Math.cos(phase);
      im += s.weights[t]! * Math.sin(phase);
    }
    rho = Math.max(rho, Math.hypot(re, im));
  }
  return rho;
}

/**
 * K(A) from the symbol of a periodic stencil: A is circulant, hence normal, so
 * ‖(zI − A)⁻¹‖₂ = 1/min_j |z − a(θ_j)|. With every |a(θ_j)| ≤ 1 the distance is at least |z| − 1, and
 * (|z| − 1)/min_j |z − a(θ_j)| → 1 as |z| → ∞: K(A) = 1 exactly. O(N·taps) work for any N, where the
 * dense `kreissEstimate` (mathjs) only samples z and is feasible for N up to a few hundred.
 */
export function periodicKreissBound(s: Stencil, shape: readonly number[]): KreissPowerBound {
  const dims = checkStencil(s);
  if (shape.length !== dims || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new TheoremDomainError(`periodic shape must have ${dims} positive integer extents, got [${shape.join(', ')}]`);
  }
  const size = shape.reduce((a, n) => a * n, 1);
  const spectralRadius = symbolRadius(s, shape);
  // The symbol is summed in double: a radius within a few ulps of 1 is 1.
  if (spectralRadius > 1 + 1e-12) {
    throw new TheoremHypothesisError('ρ(A) ≤ 1 (power-boundedness)', spectralRadius, '≤ 1', `the symbol exceeds 1 by ${(spectralRadius - 1).toPrecision(3)}; the powers grow without bound`);
  }
  const K = 1;
  const twoNorm = Math.E * size * K;
  return { K, spectralRadius, size, twoNorm, maxNorm: Math.sqrt(size) * twoNorm };
}
