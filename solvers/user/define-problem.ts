/**
 * A problem from TypeScript: any step, called as a black box. Facts the user states are used as
 * given (assumed); facts left out are estimated from the step itself, and every bound that rests
 * on an estimate says so ("estimated, not proven").
 */
import { SolverError } from '../errors.ts';
import { maxDistance, maxNorm } from '../grid.ts';
import type { BlockSweep, FactProvenance, FieldStep, Problem, UserProblemName } from '../problem.ts';

export interface ProblemDefinitionInput {
  readonly name: string;
  /** Extents, fastest-varying first (1–3 dimensions). */
  readonly shape: readonly number[];
  /** The initial state, or a function that writes it. */
  readonly initial: ArrayLike<number> | ((out: Float64Array) => void);
  /** One step: reads src, writes every entry of dst. May be nonlinear or implicit. Give this or `blocks`. */
  readonly step?: FieldStep;
  /**
   * Instead of `step`: a sweep that updates blocks of unknowns in place, in order (block Gauss–Seidel);
   * inline compression then stores each block as soon as it is updated, and the bound is Theorem 3.16's,
   * from `facts.blockSystem`.
   */
  readonly blocks?: BlockSweep;
  readonly steps: number;
  /** The exact solution after k steps (for fixed-point problems: the fixed point); omitted: unknown. */
  readonly exact?: (k: number, out: Float64Array) => void;
  /** Fixed-point iterations stop once the double run is this close to `exact`. */
  readonly tolerance?: number;
  /** Facts you know; each one given is used as is, reported as assumed, and checked against probes of the step. */
  readonly facts?: StatedFacts;
}

/** What a module may state about its step F (A: the linear part of an affine F). */
export interface StatedFacts {
  /** ‖F(x) − F(y)‖∞ ≤ L‖x − y‖∞; below 1 on a fixed-point problem, a contraction (Theorem 3.7/3.9). */
  readonly lipschitz?: number;
  /** F is affine: F(x) = A·x + b. */
  readonly linear?: boolean;
  /** Needs linear: every entry of A is ≥ 0, so ‖Aⁿ‖∞ = max(Aⁿ1), computed exactly. */
  readonly nonnegative?: boolean;
  /** Needs linear: ‖Aⁿ‖∞ (or upper bounds on them) for n = 0..s, [0] = 1; Theorem 3.12 (3.7 for a fixed point). */
  readonly powerNorms?: readonly number[];
  /** With `blocks`, required: the matrix M of the system M·x = b the sweep solves, whose block dominance gives γ and λ. */
  readonly blockSystem?: readonly (readonly number[])[];
}

/** A checked problem definition, what a problem module default-exports. */
export interface DefinedProblem extends ProblemDefinitionInput {
  readonly kind: 'zfp-workbench problem';
}

export class ProblemDefinitionError extends SolverError {
  override name = 'ProblemDefinitionError';
}

/** Checks a definition's fields up front, so a bad module is refused before any run. */
export function defineProblem(input: ProblemDefinitionInput): DefinedProblem {
  const fail = (message: string): never => {
    throw new ProblemDefinitionError(`defineProblem(${JSON.stringify(input?.name)}): ${message}`);
  };
  if (typeof input?.name !== 'string' || input.name === '') fail('name must be a nonempty string');
  const { shape } = input;
  if (!Array.isArray(shape) || shape.length < 1 || shape.length > 3 || !shape.every((n) => Number.isInteger(n) && n >= 1)) fail(`shape must list 1 to 3 positive integer extents, got ${JSON.stringify(shape)}`);
  const size = shape.reduce((a, b) => a * b, 1);
  if (typeof input.initial !== 'function' && input.initial?.length !== size) fail(`initial has ${input.initial?.length} values, the shape ${size}`);
  if ((input.step === undefined) === (input.blocks === undefined)) fail('give exactly one of step (src, dst) => void and blocks { size, sweep }');
  if (input.step !== undefined && typeof input.step !== 'function') fail('step must be a function (src, dst) => void');
  if (input.facts?.blockSystem !== undefined && input.blocks === undefined) fail('facts.blockSystem is the system a block sweep solves: it goes with blocks');
  if (input.blocks !== undefined) {
    const { blocks } = input;
    if (!Number.isInteger(blocks.size) || blocks.size < 1 || size % blocks.size !== 0 || typeof blocks.sweep !== 'function') fail(`blocks must have an integer size dividing the field's ${size} values and a sweep function`);
    const system = input.facts?.blockSystem;
    if (!Array.isArray(system) || system.length < 1 || system.length > size || !system.every((row) => Array.isArray(row) && row.length === system.length && row.every(Number.isFinite))) {
      fail('blocks need facts.blockSystem: the square matrix (at most the field\'s size, finite entries) of the system the sweep solves');
    }
  }
  if (!Number.isInteger(input.steps) || input.steps < 1) fail(`steps must be a positive integer, got ${input.steps}`);
  if (input.tolerance !== undefined && !(input.tolerance > 0)) fail(`tolerance must be positive, got ${input.tolerance}`);
  if (input.tolerance !== undefined && !input.exact) fail('a fixed-point problem (tolerance) needs exact: the fixed point');
  const L = input.facts?.lipschitz;
  if (L !== undefined && !(L >= 0 && Number.isFinite(L))) fail(`facts.lipschitz must be a finite number ≥ 0, got ${L}`);
  const { nonnegative, powerNorms } = input.facts ?? {};
  if ((nonnegative !== undefined || powerNorms !== undefined) && input.facts?.linear !== true) fail('facts.nonnegative and facts.powerNorms are facts of a linear step: state linear: true with them');
  if (powerNorms !== undefined) {
    if (!Array.isArray(powerNorms) || powerNorms.length < 2 || !powerNorms.every((p) => Number.isFinite(p) && p >= 0)) fail(`facts.powerNorms must list ‖Aⁿ‖∞ for n = 0..s (s ≥ 1), finite and ≥ 0, got ${JSON.stringify(powerNorms)}`);
    if (powerNorms[0] !== 1) fail(`facts.powerNorms[0] is ‖A⁰‖∞ = 1, got ${powerNorms[0]}`);
    if (L !== undefined && powerNorms[1]! > L * (1 + 1e-12)) fail(`facts.powerNorms[1] = ‖A‖∞ = ${powerNorms[1]} exceeds facts.lipschitz = ${L}`);
  }
  return { ...input, kind: 'zfp-workbench problem' };
}

export function isDefinedProblem(value: unknown): value is DefinedProblem {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'zfp-workbench problem';
}

/** A reproducible pseudo-random state (xorshift), scaled like `scale`. */
export function probe(size: number, seed: number, scale: number): Float64Array {
  let s = seed >>> 0 || 1;
  return Float64Array.from({ length: size }, () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 2 ** 32 - 0.5) * 2 * scale;
  });
}

/** Probes and iterations of the estimates: enough to settle on the smooth test problems, bounded work for any step. */
const LINEARITY_PROBES = 3;
const POWER_ITERATIONS = 30;
const LINEARITY_TOLERANCE = 1e-9;

/** Affine iff F(αx + (1−α)y) = αF(x) + (1−α)F(y) on a few random pairs, to LINEARITY_TOLERANCE relative. */
export function estimateLinearity(step: FieldStep, size: number, scale: number): boolean {
  const fx = new Float64Array(size), fy = new Float64Array(size), fz = new Float64Array(size);
  for (let p = 0; p < LINEARITY_PROBES; p++) {
    const x = probe(size, 2 * p + 1, scale), y = probe(size, 2 * p + 2, scale);
    const alpha = 0.3 + 0.2 * p;
    const z = x.map((xi, i) => alpha * xi + (1 - alpha) * y[i]!);
    step(x, fx);
    step(y, fy);
    step(z, fz);
    const combined = fx.map((v, i) => alpha * v + (1 - alpha) * fy[i]!);
    if (maxDistance(fz, combined) > LINEARITY_TOLERANCE * Math.max(maxNorm(fz), scale)) return false;
  }
  return true;
}

/**
 * Max-norm Lipschitz constant by power iteration on differences: d ← F(x + d) − F(x), rescaled to a
 * small size each time, keeping the largest ratio ‖F(x + d) − F(x)‖∞ / ‖d‖∞ seen. A lower estimate
 * of the true constant in general, hence reported as estimated.
 */
export function estimateLipschitz(step: FieldStep, base: Float64Array): number {
  const size = base.length;
  const scale = Math.max(maxNorm(base), 1);
  const fx = new Float64Array(size), fxd = new Float64Array(size);
  step(base, fx);
  let d = probe(size, 99, 1e-6 * scale);
  let ratio = 0;
  for (let k = 0; k < POWER_ITERATIONS; k++) {
    const shifted = base.map((b, i) => b + d[i]!);
    step(shifted, fxd);
    const diff = fxd.map((v, i) => v - fx[i]!);
    const norm = maxNorm(diff);
    ratio = Math.max(ratio, norm / maxNorm(d));
    if (norm === 0) break;
    d = diff.map((v) => (v / norm) * 1e-6 * scale);
  }
  return ratio;
}

function applied(step: FieldStep, x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  step(x, out);
  return out;
}

/** The Problem a definition describes, with each fact's provenance. */
export function problemFromDefinition(definition: DefinedProblem): Problem & { readonly name: UserProblemName } {
  const size = definition.shape.reduce((a, b) => a * b, 1);
  const initial = new Float64Array(size);
  if (typeof definition.initial === 'function') definition.initial(initial);
  else initial.set(Array.from(definition.initial));
  const { blocks } = definition;
  const step: FieldStep = definition.step ?? ((src, dst) => {
    dst.set(src);
    blocks!.sweep(dst, () => {});
  });
  const scale = Math.max(maxNorm(initial), 1);
  const given = definition.facts ?? {};
  const linear = given.linear ?? estimateLinearity(step, size, scale);
  const zero = new Float64Array(size);
  const offset = new Float64Array(size);
  step(zero, offset);
  const applyLinearPart: FieldStep = (src, dst) => {
    step(src, dst);
    for (let i = 0; i < size; i++) dst[i]! -= offset[i]!;
  };
  // A stated ‖A‖∞ is a stated Lipschitz constant of the affine step; for a stated A ≥ 0 it is max(A1), read off A.
  const statedLipschitz = given.lipschitz ?? given.powerNorms?.[1];
  const fromNonnegative = statedLipschitz === undefined && given.nonnegative === true ? maxNorm(applied(applyLinearPart, new Float64Array(size).fill(1))) : undefined;
  const lipschitz = statedLipschitz ?? fromNonnegative ?? estimateLipschitz(step, initial);
  const provenance: FactProvenance = {
    lipschitz: statedLipschitz !== undefined ? 'assumed' : fromNonnegative !== undefined ? 'derived' : 'estimated',
    linear: given.linear !== undefined ? 'assumed' : 'estimated',
    ...(given.nonnegative !== undefined && { nonnegative: 'assumed' }),
    ...(given.powerNorms !== undefined && { powerNorms: 'assumed' }),
    ...(given.blockSystem !== undefined && { blockSystem: 'assumed' }),
  };
  return {
    name: `user:${definition.name}`,
    shape: [...definition.shape],
    steps: definition.steps,
    tolerance: definition.tolerance ?? null,
    facts: {
      lipschitz,
      linear,
      nonnegative: given.nonnegative ?? false,
      stencil: null,
      applyLinearPart,
      provenance,
      ...(given.powerNorms && { powerNorms: [...given.powerNorms] }),
      ...(given.blockSystem && { blockSystem: given.blockSystem.map((row) => [...row]) }),
    },
    initial: (out) => out.set(initial),
    exact: definition.exact ?? ((_k, out) => out.fill(Number.NaN)),
    step,
    ...(blocks && { blocks }),
    referenceStep: () => {
      throw new ProblemDefinitionError(`${definition.name}: a TypeScript step runs in double only; there is no decimal.js reference run for it`);
    },
  };
}
