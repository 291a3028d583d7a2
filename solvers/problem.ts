import type { Shape } from '../src/zfp/types.ts';
import type { Arithmetic, Field } from '../src/reference/arithmetic.ts';

export type BuiltinProblemName = 'diffusion2d' | 'diffusion3d' | 'advection1d' | 'advection2d' | 'poisson-jacobi' | 'gauss-seidel';

/** A problem a user brings (a problem file or `defineProblem`), registered under this name for a run. */
export type UserProblemName = `user:${string}`;

export type ProblemName = BuiltinProblemName | UserProblemName;

export type Boundary = 'periodic' | 'dirichlet';

/** The scalar type a simulation keeps its state in between steps (its plain run and its inline ZFP array). */
export type StateType = 'float64' | 'float32';

/**
 * One step over a generic number type: reads src, writes every entry of dst. A value it computes
 * lasts until its next store into a field (Field): what it needs longer goes into a field of its own.
 */
export type Step<T> = (src: Field<T>, dst: Field<T>) => void;

/** One step on doubles: reads src, writes every entry of dst, allocates nothing. */
export type FieldStep = (src: Float64Array, dst: Float64Array) => void;

/** A periodic stencil: point i of the result is Σ weights[s] · x[i + offsets[s]] (offsets per axis, fastest first). */
export interface Stencil {
  readonly offsets: readonly (readonly number[])[];
  readonly weights: readonly number[];
}

/** Where a fact comes from: read off the operator (derived), stated by the user (assumed), or measured from the step (estimated). */
export type FactSource = 'derived' | 'assumed' | 'estimated';

export interface FactProvenance {
  readonly lipschitz: FactSource;
  readonly linear: FactSource;
  /** Present when a module states A ≥ 0 or its ‖Aⁿ‖∞ (always assumed: stated, then checked against probes). */
  readonly nonnegative?: FactSource;
  readonly powerNorms?: FactSource;
  readonly blockSystem?: FactSource;
}

/** What the theorems need to know about the step F. */
export interface OperatorFacts {
  /** Absent: every fact is derived (the built-ins, problem files). */
  readonly provenance?: FactProvenance;
  /** Max-norm Lipschitz constant of F (an upper bound where marked by the problem). */
  readonly lipschitz: number;
  /** F(x) − F(y) = A(x − y) for a matrix A (affine steps count). */
  readonly linear: boolean;
  /** Every entry of A is ≥ 0, so ‖Aⁿ‖∞ = maxᵢ (Aⁿ1)ᵢ. */
  readonly nonnegative: boolean;
  /** A as a stencil, for periodic problems; null otherwise. */
  readonly stencil: Stencil | null;
  /** Applies A (the linear part of an affine F), to compute ‖Aⁿ‖∞ where there is no stencil. */
  readonly applyLinearPart: FieldStep;
  /** ‖Aⁿ‖∞ (or upper bounds on them) for n = 0..s as a module states them; past s, submultiplicativity. */
  readonly powerNorms?: readonly number[];
  /** Block sweeps of a module: the matrix of the system solved, for Theorem 3.16's γ and λ. */
  readonly blockSystem?: readonly (readonly number[])[];
  /** Jacobi only: ρ(G) = cos πh, while ‖G‖∞ = 1 (docs/theory.md, "Norms must agree"). */
  readonly jacobi?: { readonly spectralRadius: number; readonly maxNorm: 1 };
  /** Block Gauss–Seidel only: Feingold–Varga constants of Theorem 3.16 (γ < 1 checked). */
  readonly blockDominance?: { readonly blockSize: number; readonly gamma: number; readonly lambda: number };
}

/** A sweep that updates blocks of `size` unknowns in order, in place (successive displacement). */
export interface BlockSweep {
  readonly size: number;
  /** One sweep over x; `afterBlock(start)` runs right after block [start, start + size) is updated. */
  sweep(x: Float64Array, afterBlock: (start: number) => void): void;
}

/** A discretized problem with its parameters bound. */
export interface Problem {
  readonly name: ProblemName;
  /** Field extents, fastest-varying first. */
  readonly shape: Shape;
  /** Steps (time steps, iterations or sweeps) a run takes unless told otherwise. */
  readonly steps: number;
  /** Fixed-point problems: a run may stop once the double run is this close to the fixed point. */
  readonly tolerance: number | null;
  readonly facts: OperatorFacts;
  initial(out: Float64Array): void;
  /** The exact solution after k steps; for fixed-point problems the discrete fixed point, whatever k. */
  exact(k: number, out: Float64Array): void;
  readonly step: FieldStep;
  /**
   * The same step over another number type (the reference run's decimal.js or double-double);
   * coefficients computed in T. Build it with referenceStepIn, which keeps those coefficients.
   */
  referenceStep<T>(arithmetic: Arithmetic<T>): Step<T>;
  /** Present when inline compression acts block by block inside a step (block Gauss–Seidel). */
  readonly blocks?: BlockSweep;
}

/** The problem's reference step in `arithmetic`, with the constants it computed up front kept for as long as it runs. */
export function referenceStepIn<T>(problem: Pick<Problem, 'referenceStep'>, arithmetic: Arithmetic<T>): Step<T> {
  const step = problem.referenceStep(arithmetic);
  arithmetic.keep();
  return step;
}

/** A problem family: defaults, a small size for tests, and a constructor that checks stability. */
export interface ProblemDefinition<P> {
  readonly name: BuiltinProblemName;
  readonly defaults: P;
  readonly quick: P;
  /** Throws UnstableParametersError naming the limit when the parameters are unstable. */
  checkStability(params: P): void;
  create(params: P): Problem;
}
