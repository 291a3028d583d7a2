/**
 * Which theorem bounds which problem, and how (docs/theory.md §2–§8): the a-posteriori bound of a
 * finished track and the a-priori error behind β_min.
 */
import type { Problem } from '../../solvers/problem.ts';
import {
  backwardEulerDiffusion,
  blockDominance,
  lipschitzBound,
  lipschitzPriorBound,
  nonnegativePowerNorms,
  periodicKreissBound,
  periodicPowerNorms,
  powerBoundedBound,
  powerBoundedPriorBound,
  successiveDisplacementBound,
  successiveDisplacementPrior,
  TheoremDomainError,
} from '../../theorems/index.ts';

/** Bound arrays indexed by step k = 0..steps. */
export interface Posterior {
  readonly bound: Float64Array;
  readonly boundConstantC?: Float64Array;
  readonly boundLipschitz?: Float64Array;
  /** Fixed-point problems: bound on ‖x̃_k − x*‖. */
  readonly fixedPointBound?: Float64Array;
}

export interface BoundModel {
  /** The theorem behind `bound`, as reports print it. */
  readonly theorem: string;
  /** The lemma behind β_min. */
  readonly lemma: string;
  /** How the max-norm K_β met the operator's norm. */
  readonly normHandling: string;
  /** local[j] ≥ ‖Q(x̃_j) − x̃_j‖∞ (K_j·‖x̃_j‖, or the measured δ_j; block sweeps: that sweep's largest), j < steps. */
  posterior(local: Float64Array): Posterior;
  /** The lemma's error for one K and a bound M on every norm, over `steps` steps. */
  prior(K: number, M: number, steps: number): number;
  /** Linear steps: the exact ‖Aⁿ‖∞, n = 0..steps at least, the bound uses. */
  readonly powerNorms?: Float64Array;
  /** Periodic stencils: the Kreiss bound on sup_n ‖Aⁿ‖∞, valid for every horizon. */
  readonly kreissPowerBound?: number;
}

/** Theorem 3.3 with the operator's max-norm Lipschitz constant (diffusion: L = 1). */
function lipschitzModel(L: number): BoundModel {
  return {
    theorem: `Theorem 3.3 of Fox et al. 2020 (L = ${L})`,
    lemma: 'Lemma 3.5 of Fox et al. 2020',
    normHandling: 'max norm throughout',
    posterior: (local) => ({ bound: lipschitzBound({ L, norms: local, K: 1 }).bounds }),
    prior: (K, M, steps) => lipschitzPriorBound(K, { L, M, steps }),
  };
}

/** Steps the a-priori constant C of Lemma 3.14 must cover: a count, or every n (the Kreiss bound). */
export type Horizon = number | 'unbounded';

/**
 * Theorem 3.12 with the exact ‖Aⁿ‖∞ of a periodic stencil; the C form and Theorem 3.3 alongside.
 * Lemma 3.14's C is max ‖Aⁿ‖∞ over the horizon asked for, computed to that n (a longer horizon
 * computes more powers, never extrapolates), or the Kreiss bound for an unbounded horizon.
 */
function powerBoundedModel(problem: Problem, steps: number, horizon: Horizon): BoundModel {
  const { stencil, lipschitz } = problem.facts;
  if (typeof horizon === 'number' && !(Number.isInteger(horizon) && horizon >= 0)) throw new TheoremDomainError(`horizon must be an integer number of steps ≥ 0 or 'unbounded', got ${horizon}`);
  let powerNorms = periodicPowerNorms(stencil!, problem.shape, Math.max(steps, typeof horizon === 'number' ? horizon : 0));
  const kreiss = periodicKreissBound(stencil!, problem.shape);
  const maxPower = (n: number): number => {
    if (n >= powerNorms.length) powerNorms = periodicPowerNorms(stencil!, problem.shape, n);
    return Math.max(0, ...powerNorms.subarray(1, n + 1));
  };
  const unbounded = horizon === 'unbounded';
  const span = unbounded ? 'any n' : `n ≤ ${horizon}`;
  const C = unbounded ? kreiss.maxNorm : maxPower(horizon);
  return {
    theorem: 'Theorem 3.12 of Fox et al. 2020, exact ‖Aⁿ‖∞',
    lemma: unbounded ? 'Lemma 3.14 of Fox et al. 2020 (C from the Kreiss matrix theorem, any horizon)' : 'Lemma 3.14 of Fox et al. 2020',
    normHandling:
      `max norm; exact ‖Aⁿ‖∞ of the stencil (max ${C.toPrecision(4)} over ${span}), Theorem 3.3 uses L = ${lipschitz.toPrecision(4)}; ` +
      `horizon-free: sup‖Aⁿ‖∞ ≤ √N·e·N·K(A) = ${kreiss.maxNorm.toPrecision(4)} (Kreiss, K(A) = ${kreiss.K} from the symbol, N = ${kreiss.size})`,
    posterior: (local) => {
      const { exact, constant } = powerBoundedBound({ powerNorms, norms: local, K: 1 });
      return { bound: exact, boundConstantC: constant, boundLipschitz: lipschitzBound({ L: lipschitz, norms: local, K: 1 }).bounds };
    },
    prior: (K, M, n) => powerBoundedPriorBound(K, { C: unbounded ? kreiss.maxNorm : maxPower(n), M, steps: n }),
    powerNorms,
    kreissPowerBound: kreiss.maxNorm,
  };
}

/**
 * Jacobi: ‖G‖∞ = 1, so no max-norm contraction; the exact ‖Gⁿ‖∞ (G ≥ 0, from Gⁿ1) gives the §6
 * form of Theorem 3.7 for the affine map: ‖x̃_k − x*‖ ≤ ‖Gᵏ‖‖x_0 − x*‖ + Σ ‖G^{k−j}‖ K_j ‖x̃_j‖.
 */
function jacobiModel(problem: Problem, steps: number, initialError: number): BoundModel {
  const size = problem.shape.reduce((a, b) => a * b, 1);
  const powerNorms = nonnegativePowerNorms({ size, apply: problem.facts.applyLinearPart, nonnegative: true }, steps);
  const C = Math.max(...powerNorms.subarray(1));
  return {
    theorem: 'Theorem 3.7 of Fox et al. 2020, exact ‖Gⁿ‖∞',
    lemma: 'Lemma 3.14 of Fox et al. 2020 (C = max ‖Gⁿ‖∞)',
    normHandling: problem.facts.jacobi
      ? `max norm with exact ‖Gⁿ‖∞ (‖G‖∞ = 1 although ρ(G) = ${problem.facts.jacobi.spectralRadius.toPrecision(6)})`
      : `max norm with exact ‖Gⁿ‖∞ of the nonnegative linear part, from Gⁿ1 (‖G‖∞ = ${problem.facts.lipschitz.toPrecision(6)})`,
    posterior: (local) => {
      const { exact } = powerBoundedBound({ powerNorms, norms: local, K: 1 });
      return { bound: exact, fixedPointBound: exact.map((b, k) => b + powerNorms[k]! * initialError) };
    },
    prior: (K, M, n) => powerBoundedPriorBound(K, { C, M, steps: n }),
    powerNorms,
  };
}

/** Theorem 3.16 with γ, λ from the Feingold–Varga check of the dense system (not the solver's own figures). */
function successiveDisplacementModel(n: number, r: number): BoundModel {
  const facts = blockDominance(backwardEulerDiffusion(n, r));
  return {
    theorem: `Theorem 3.16 of Fox et al. 2020 (γ = ${facts.gamma.toPrecision(4)}, λ = ${facts.lambda.toPrecision(4)})`,
    lemma: 'Theorem 3.16 of Fox et al. 2020, a-priori form',
    normHandling: 'max norm on 4-blocks',
    posterior: (local) => ({ bound: successiveDisplacementBound(facts, 1, local) }),
    prior: (K, M) => successiveDisplacementPrior(facts, K, M),
  };
}

export interface ModelInput {
  readonly problem: Problem;
  /** Solver parameters (gauss-seidel needs its n and r). */
  readonly params: Record<string, unknown>;
  readonly steps: number;
  /** ‖x_0 − x*‖∞ for fixed-point problems. */
  readonly initialError: number;
  /** Steps the a-priori constant covers (power-bounded steps); default: the run's `steps`. */
  readonly horizon?: Horizon;
}

/** The theorem line says when the bound rests on a fact the workbench did not derive. */
function withProvenance(model: BoundModel, problem: Problem): BoundModel {
  const p = problem.facts.provenance;
  if (!p) return model;
  const estimated = (['lipschitz', 'linear'] as const).filter((fact) => p[fact] === 'estimated');
  const assumed = (['lipschitz', 'linear'] as const).filter((fact) => p[fact] === 'assumed');
  const notes = [
    ...(estimated.length > 0 ? [`estimated, not proven: ${estimated.join(' and ')} estimated from the step`] : []),
    ...(assumed.length > 0 ? [`${assumed.join(' and ')} assumed as given`] : []),
  ];
  return { ...model, theorem: `${model.theorem} — ${notes.join('; ')}` };
}

export function boundModel(input: ModelInput): BoundModel {
  return withProvenance(chooseModel(input), input.problem);
}

function chooseModel({ problem, params, steps, initialError, horizon = steps }: ModelInput): BoundModel {
  const facts = problem.facts;
  if (problem.blocks) return successiveDisplacementModel(params['n'] as number, params['r'] as number);
  // A fixed-point iteration whose derived linear part is nonnegative (Jacobi-like problem files) gets Jacobi's exact ‖Gⁿ‖∞ too.
  if (facts.jacobi || (problem.tolerance !== null && facts.linear && facts.nonnegative && !facts.provenance)) return jacobiModel(problem, steps, initialError);
  if (facts.stencil && !facts.nonnegative) return powerBoundedModel(problem, steps, horizon);
  return lipschitzModel(facts.lipschitz);
}
