/**
 * Dense small-matrix tools: norms, spectral radius, condition number, power norms and a Kreiss
 * resolvent-constant estimate (docs/theory.md §6, §8, §9). The factorizations (LU, eigenvalues of
 * general matrices, SVD) are ml-matrix's; meant for N up to a few hundred.
 */
import { EigenvalueDecomposition, LuDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { nonnegativeInteger } from './checks.ts';
import { TheoremDomainError, TheoremHypothesisError } from './errors.ts';

/** Row-major dense matrix. */
export type Dense = readonly (readonly number[])[];

export function checkSquare(name: string, A: Dense): number {
  const n = A.length;
  if (n === 0 || A.some((r) => r.length !== n)) throw new TheoremDomainError(`${name} must be a nonempty square matrix`);
  for (const r of A) for (const v of r) if (!Number.isFinite(v)) throw new TheoremDomainError(`${name} has a non-finite entry ${v}`);
  return n;
}

export function mul(A: Dense, B: Dense): number[][] {
  const inner = B.length;
  const cols = B[0]?.length ?? 0;
  if (A.some((r) => r.length !== inner)) throw new TheoremDomainError(`cannot multiply: A has rows of ${A[0]?.length} entries, B has ${inner} rows`);
  return A.map((row) => {
    const out = new Array<number>(cols).fill(0);
    for (let k = 0; k < inner; k++) {
      const a = row[k]!;
      if (a === 0) continue;
      const b = B[k]!;
      for (let j = 0; j < cols; j++) out[j]! += a * b[j]!;
    }
    return out;
  });
}

function transpose(A: Dense): number[][] {
  return (A[0] ?? []).map((_, j) => A.map((row) => row[j]!));
}

/** A⁻¹ from an LU factorization with partial pivoting; a singular A fails the hypothesis it needs. */
export function inverse(A: Dense): number[][] {
  const n = checkSquare('A', A);
  const lu = new LuDecomposition(new Matrix(A.map((r) => [...r])));
  if (lu.isSingular()) throw new TheoremHypothesisError('A nonsingular', 0, 'invertible', 'a zero pivot in its LU factorization: A is singular');
  return lu.solve(Matrix.eye(n)).to2DArray();
}

export function eye(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** ‖A‖∞: largest row sum of |a_ij|. */
export function normInf(A: Dense): number {
  return Math.max(...A.map((r) => r.reduce((s, v) => s + Math.abs(v), 0)));
}

/** ‖A‖₁: largest column sum. */
export function norm1(A: Dense): number {
  return normInf(transpose(A));
}

/** ‖A‖₂: the largest singular value. */
export function norm2(A: Dense): number {
  return new SingularValueDecomposition(new Matrix(A.map((r) => [...r])), { computeLeftSingularVectors: false, computeRightSingularVectors: false }).norm2;
}

/** The eigenvalues of a square A as [re, im] pairs (complex ones in conjugate pairs). */
export function eigenvalues(A: Dense): [number, number][] {
  checkSquare('A', A);
  const evd = new EigenvalueDecomposition(new Matrix(A.map((r) => [...r])));
  const im = evd.imaginaryEigenvalues;
  return evd.realEigenvalues.map((re, i) => [re, im[i]!]);
}

/** ρ(A) = max |λ|. */
export function spectralRadius(A: Dense): number {
  return Math.max(...eigenvalues(A).map(([re, im]) => Math.hypot(re, im)));
}

/** κ∞(A) = ‖A‖∞‖A⁻¹‖∞. */
export function conditionInf(A: Dense): number {
  return normInf(A) * normInf(inverse(A));
}

/** ‖A^n‖∞ for n = 0..nMax by repeated multiplication. */
export function densePowerNorms(A: Dense, nMax: number): Float64Array {
  const n = checkSquare('A', A);
  nonnegativeInteger('nMax', nMax);
  const out = new Float64Array(nMax + 1);
  let P = eye(n);
  out[0] = 1;
  for (let k = 1; k <= nMax; k++) {
    P = mul(P, A);
    out[k] = normInf(P);
  }
  return out;
}

export interface KreissEstimate {
  /** max over the samples of (|z| − 1)·‖(zI − A)⁻¹‖₂: a lower estimate of the Kreiss constant. */
  readonly K: number;
  readonly at: { readonly re: number; readonly im: number };
  /** e·N·K: Spijker's bound on sup_n ‖A^n‖₂ if K were the exact constant. */
  readonly powerBound: number;
  readonly samples: number;
}

/**
 * Samples z = (1 + r)e^{iθ}. The complex resolvent's 2-norm equals that of its real 2N×2N
 * embedding [[Re, −Im], [Im, Re]], which keeps the work in real arithmetic.
 */
export function kreissEstimate(A: Dense, options: { radii?: readonly number[]; angles?: number } = {}): KreissEstimate {
  const n = checkSquare('A', A);
  const rho = spectralRadius(A);
  // ρ = 1 is the usual case (a conserved mode): allow the eigenvalue solver's own round-off above it.
  if (rho > 1 + 8 * n * Number.EPSILON * Math.max(1, normInf(A))) throw new TheoremHypothesisError('ρ(A) ≤ 1 (power-boundedness)', rho, '≤ 1', `ρ(A) exceeds 1 by ${(rho - 1).toPrecision(3)}; the powers grow without bound`);
  const radii = options.radii ?? [1e-3, 1e-2, 0.03, 0.1, 0.3, 1, 3];
  const angles = options.angles ?? 64;
  let best: KreissEstimate = { K: 0, at: { re: 0, im: 0 }, powerBound: 0, samples: 0 };
  let samples = 0;
  for (const r of radii) {
    for (let a = 0; a < angles; a++) {
      const theta = (2 * Math.PI * a) / angles;
      const re = (1 + r) * Math.cos(theta);
      const im = (1 + r) * Math.sin(theta);
      const E: number[][] = Array.from({ length: 2 * n }, () => new Array<number>(2 * n).fill(0));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const v = (i === j ? re : 0) - A[i]![j]!;
          E[i]![j] = v;
          E[i + n]![j + n] = v;
        }
        E[i]![i + n] = -im;
        E[i + n]![i] = im;
      }
      samples++;
      const K = r * norm2(inverse(E));
      if (K > best.K) best = { K, at: { re, im }, powerBound: Math.E * n * K, samples: 0 };
    }
  }
  return { ...best, samples };
}
