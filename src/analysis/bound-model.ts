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
  periodicPowerNorms,
  powerBoundedBound,
  powerBoundedPriorBound,
  successiveDisplacementBound,
  successiveDisplacementPrior,
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
  /** norms[j] = ‖x̃_j‖ (or Y_{j+1} for block sweeps), K[j] = K_j, j < steps. */
  posterior(norms: Float64Array, K: Float64Array): Posterior;
  /** The lemma's error for one K and a bound M on every norm, over `steps` steps. */
  prior(K: number, M: number, steps: number): number;
  /** Linear steps: the exact ‖Aⁿ‖∞, n = 0..steps, the bound uses. */
  readonly powerNorms?: Float64Array;
}

/** Theorem 3.3 with the operator's max-norm Lipschitz constant (diffusion: L = 1). */
function lipschitzModel(L: number): BoundModel {
  return {
    theorem: `Theorem 3.3 of Fox et al. 2020 (L = ${L})`,
    lemma: 'Lemma 3.5 of Fox et al. 2020',
    normHandling: 'max norm throughout',
    posterior: (norms, K) => ({ bound: lipschitzBound({ L, norms, K }).bounds }),
    prior: (K, M, steps) => lipschitzPriorBound(K, { L, M, steps }),
  };
}

/** Theorem 3.12 with the exact ‖Aⁿ‖∞ of a periodic stencil; the C form and Theorem 3.3 alongside. */
function powerBoundedModel(problem: Problem, steps: number): BoundModel {
  const { stencil, lipschitz } = problem.facts;
  const powerNorms = periodicPowerNorms(stencil!, problem.shape, steps);
  const C = Math.max(...powerNorms.subarray(1));
  return {
    theorem: 'Theorem 3.12 of Fox et al. 2020, exact ‖Aⁿ‖∞',
    lemma: 'Lemma 3.14 of Fox et al. 2020',
    normHandling: `max norm; exact ‖Aⁿ‖∞ of the stencil (max ${C.toPrecision(4)}), Theorem 3.3 uses L = ${lipschitz.toPrecision(4)}`,
    posterior: (norms, K) => {
      const { exact, constant } = powerBoundedBound({ powerNorms, norms, K });
      return { bound: exact, boundConstantC: constant, boundLipschitz: lipschitzBound({ L: lipschitz, norms, K }).bounds };
    },
    prior: (K, M, n) => powerBoundedPriorBound(K, { C, M, steps: n }),
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
    normHandling: `max norm with exact ‖Gⁿ‖∞ (‖G‖∞ = 1 although ρ(G) = ${problem.facts.jacobi!.spectralRadius.toPrecision(6)})`,
    posterior: (norms, K) => {
      const { exact } = powerBoundedBound({ powerNorms, norms, K });
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
    posterior: (norms, K) => ({ bound: successiveDisplacementBound(facts, K, norms) }),
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
}

export function boundModel({ problem, params, steps, initialError }: ModelInput): BoundModel {
  const facts = problem.facts;
  if (problem.blocks) return successiveDisplacementModel(params['n'] as number, params['r'] as number);
  if (facts.jacobi) return jacobiModel(problem, steps, initialError);
  if (facts.stencil && !facts.nonnegative) return powerBoundedModel(problem, steps);
  return lipschitzModel(facts.lipschitz);
}
