import type { Arithmetic, Field } from '../src/reference/arithmetic.ts';
import { coordinates, neighbours, spacing } from './grid.ts';
import { requireInteger, requirePositive } from './params.ts';
import type { FieldStep, Problem, ProblemDefinition, Step } from './problem.ts';

export interface PoissonJacobiParams {
  /** Interior points per side of the unit square. */
  readonly n: number;
  /** The run stops once ‖u_k − u*‖∞ falls below this... */
  readonly tolerance: number;
  /** ...or after this many iterations (a stalled run). */
  readonly maxIterations: number;
}

const defaults: PoissonJacobiParams = { n: 64, tolerance: 1e-13, maxIterations: 40000 };

/** The exact solution's two modes: amplitude · sin(pπx) sin(qπy). */
const MODES = [
  { amplitude: 1, p: 1, q: 1 },
  { amplitude: 0.2, p: 3, q: 5 },
] as const;

function create(params: PoissonJacobiParams): Problem {
  const { n, tolerance, maxIterations } = params;
  requireInteger('interior points per side n', n, 2);
  requireInteger('maxIterations', maxIterations, 0);
  requirePositive('tolerance', tolerance);
  const h = spacing(n, 'dirichlet');
  const x = coordinates(n, 'dirichlet');
  const { prev, next } = neighbours(n, 'dirichlet');

  // Each mode is an eigenvector of the 5-point Laplacian: −Δ_h v = λ v with
  // λ = (4/h²)(sin²(pπh/2) + sin²(qπh/2)), so f = −Δu gives u* = Σ (π²(p² + q²)/λ) · amplitude · v.
  const field = (scale: (p: number, q: number) => number, out: Float64Array): void => {
    out.fill(0);
    for (const { amplitude, p, q } of MODES) {
      const c = amplitude * scale(p, q);
      for (let j = 0; j < n; j++) {
        const sy = Math.sin(q * Math.PI * x[j]!);
        for (let i = 0; i < n; i++) out[i + n * j]! += c * Math.sin(p * Math.PI * x[i]!) * sy;
      }
    }
  };
  const continuousEigenvalue = (p: number, q: number): number => Math.PI * Math.PI * (p * p + q * q);
  const discreteEigenvalue = (p: number, q: number): number =>
    (4 / (h * h)) * (Math.sin((p * Math.PI * h) / 2) ** 2 + Math.sin((q * Math.PI * h) / 2) ** 2);

  const f = new Float64Array(n * n);
  field(continuousEigenvalue, f);
  const quarterH2 = h * h * 0.25;
  const source = f.map((fi) => quarterH2 * fi);
  const noSource = new Float64Array(n * n);
  const fixedPoint = new Float64Array(n * n);
  field((p, q) => continuousEigenvalue(p, q) / discreteEigenvalue(p, q), fixedPoint);

  // u' = ¼(west + east + south + north) + h²f/4, zero past the boundary. A neighbour past the
  // boundary adds a literal 0 (a row of zeros for south and north), as the reference step does.
  const zeros = new Float64Array(n);
  const jacobi = (g: Float64Array): FieldStep => (src, dst) => {
    jacobiRow(src, zeros, 0, src, n, g, dst, 0, n);
    interiorJacobiRows(src, g, dst, n);
    jacobiRow(src, src, n * (n - 2), zeros, 0, g, dst, n * (n - 1), n);
  };

  const referenceStep = <T>(ar: Arithmetic<T>): Step<T> => {
    const zero = ar.fromNumber(0);
    const quarter = ar.fromNumber(0.25);
    // h²f/4 in T from the same double samples of f.
    const hh = ar.mul(ar.mul(ar.fromNumber(h), ar.fromNumber(h)), quarter);
    const g = Array.from(f, (fi) => ar.mul(hh, ar.fromNumber(fi)));
    const at = (u: Field<T>, i: number, j: number): T => (i < 0 || j < 0 ? zero : u.get(i + n * j));
    return (src, dst) => {
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const sum = ar.add(ar.add(at(src, prev[i]!, j), at(src, next[i]!, j)), ar.add(at(src, i, prev[j]!), at(src, i, next[j]!)));
          dst.set(i + n * j, ar.add(ar.mul(quarter, sum), g[i + n * j]!));
        }
      }
    };
  };

  return {
    name: 'poisson-jacobi',
    shape: [n, n],
    steps: maxIterations,
    tolerance,
    facts: {
      // Interior rows of G sum to 1: no max-norm contraction in one step, though ρ(G) < 1.
      lipschitz: 1,
      linear: true,
      nonnegative: true,
      stencil: null,
      applyLinearPart: jacobi(noSource),
      jacobi: { spectralRadius: Math.cos(Math.PI * h), maxNorm: 1 },
    },
    initial: (out) => out.fill(0),
    exact: (_k, out) => out.set(fixedPoint),
    step: jacobi(source),
    referenceStep,
  };
}

/**
 * One row of a Jacobi sweep: dst[row + i] from src's row (zero past its ends) and the rows `south`
 * and `north` (from s0, n0). The end points are written apart so the loop between has no branch;
 * every point still sums ((west + east) + (south + north)).
 */
function jacobiRow(src: Float64Array, south: Float64Array, s0: number, north: Float64Array, n0: number, g: Float64Array, dst: Float64Array, row: number, n: number): void {
  const last = n - 1;
  dst[row] = 0.25 * ((0 + src[row + 1]!) + (south[s0]! + north[n0]!)) + g[row]!;
  for (let i = 1; i < last; i++) {
    dst[row + i] = 0.25 * ((src[row + i - 1]! + src[row + i + 1]!) + (south[s0 + i]! + north[n0 + i]!)) + g[row + i]!;
  }
  dst[row + last] = 0.25 * ((src[row + last - 1]! + 0) + (south[s0 + last]! + north[n0 + last]!)) + g[row + last]!;
}

/**
 * jacobiRow for the rows 1..n−2, whose south and north rows are src's own: one array at fixed
 * offsets lets the compiled loop keep fewer bases and checks than a row's call with four arrays.
 */
function interiorJacobiRows(src: Float64Array, g: Float64Array, dst: Float64Array, n: number): void {
  const last = n - 1;
  for (let row = n; row < n * last; row += n) {
    dst[row] = 0.25 * ((0 + src[row + 1]!) + (src[row - n]! + src[row + n]!)) + g[row]!;
    for (let k = row + 1, end = row + last; k < end; k++) {
      dst[k] = 0.25 * ((src[k - 1]! + src[k + 1]!) + (src[k - n]! + src[k + n]!)) + g[k]!;
    }
    dst[row + last] = 0.25 * ((src[row + last - 1]! + 0) + (src[row + last - n]! + src[row + last + n]!)) + g[row + last]!;
  }
}

/** −Δu = f, zero Dirichlet boundary, 5-point Laplacian, Jacobi from u0 = 0 (docs/experiments.md, poisson-jacobi). */
export const poissonJacobi: ProblemDefinition<PoissonJacobiParams> = {
  name: 'poisson-jacobi',
  defaults,
  quick: { n: 32, tolerance: 1e-13, maxIterations: 10000 },
  // Jacobi converges for every n (ρ = cos πh < 1): nothing to refuse.
  checkStability: () => {},
  create,
};
