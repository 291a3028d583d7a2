/**
 * Which theorem bounds which problem, and how (docs/theory.md §2–§8): the a-posteriori bound of a
 * finished track and the a-priori error behind β_min.
 */
import type { Problem } from '../../solvers/problem.ts';
import { isProblemName } from './problem-setup.ts';
import {
  backwardEulerDiffusion,
  blockDominance,
  lipschitzPriorBound,
  lipschitzSteps,
  nonnegativePowerNorms,
  periodicKreissBound,
  periodicPowerNorms,
  powerBoundedPriorBound,
  powerBoundedSteps,
  signedPowerNorms,
  submultiplicativePowerNorms,
  successiveDisplacementPrior,
  successiveDisplacementSteps,
  TheoremDomainError,
} from '../../theorems/index.ts';

/** The bounds at one step k. */
export interface PosteriorStep {
  readonly bound: number;
  readonly boundConstantC?: number;
  readonly boundLipschitz?: number;
  /** Fixed-point problems: bound on ‖x̃_k − x*‖. */
  readonly fixedPointBound?: number;
}

/**
 * A track's a-posteriori bound step by step (every theorem here is causal: step k's bound depends on
 * local[0..k−1] only), so a run can be bounded while its steps arrive.
 */
export interface PosteriorSteps {
  /** Step 0's bounds. */
  readonly first: PosteriorStep;
  /** Takes local[j] (j = 0, 1, … in order) and returns step j + 1's bounds. */
  next(local: number): PosteriorStep;
}

export interface BoundModel {
  /** The theorem behind `bound`, as reports print it. */
  readonly theorem: string;
  /** The lemma behind β_min. */
  readonly lemma: string;
  /** How the max-norm K_β met the operator's norm. */
  readonly normHandling: string;
  /** The bound per step from local[j] ≥ ‖Q(x̃_j) − x̃_j‖∞ (K_j·‖x̃_j‖, or the measured δ_j; block sweeps: that sweep's largest), j < steps. */
  posterior(): PosteriorSteps;
  /** The lemma's error for one K and a bound M on every norm, over `steps` steps. */
  prior(K: number, M: number, steps: number): number;
  /** Linear steps: the exact ‖Aⁿ‖∞, n = 0..steps at least, the bound uses. */
  readonly powerNorms?: Float64Array;
  /** Periodic stencils: the Kreiss bound on sup_n ‖Aⁿ‖∞, valid for every horizon. */
  readonly kreissPowerBound?: number;
}

/** Theorem 3.3 with the operator's max-norm Lipschitz constant (diffusion: L = 1); `why` says why no power norms were used. */
function lipschitzModel(L: number, why?: string): BoundModel {
  return {
    theorem: `Theorem 3.3 of Fox et al. 2020 (L = ${L})`,
    lemma: 'Lemma 3.5 of Fox et al. 2020',
    normHandling: why ? `max norm throughout; ${why}` : 'max norm throughout',
    posterior: () => {
      const next = lipschitzSteps(L);
      return { first: { bound: 0 }, next: (local) => ({ bound: next(local) }) };
    },
    prior: (K, M, steps) => lipschitzPriorBound(K, { L, M, steps }),
  };
}

/** Theorem 3.12 with exact powers, its C form and Theorem 3.3 with L alongside. */
function powerBoundedPosterior(powerNorms: Float64Array, L: number): PosteriorSteps {
  const next = powerBoundedSteps(powerNorms);
  const lipschitz = lipschitzSteps(L);
  return {
    first: { bound: 0, boundConstantC: 0, boundLipschitz: 0 },
    next: (local) => {
      const { exact, constant } = next(local);
      return { bound: exact, boundConstantC: constant, boundLipschitz: lipschitz(local) };
    },
  };
}

/** Steps the a-priori constant C of Lemma 3.14 must cover: a count, or every n (the Kreiss bound). */
export type Horizon = number | 'unbounded';

/**
 * Theorem 3.12 with the exact ‖Aⁿ‖∞ of a periodic stencil; the C form and Theorem 3.3 alongside.
 * Lemma 3.14's C is max ‖Aⁿ‖∞ over the horizon asked for, computed to that n (a longer horizon
 * computes more powers, never extrapolates), or the Kreiss bound for an unbounded horizon.
 */
function powerBoundedModel(problem: Problem, params: Record<string, unknown>, steps: number, horizon: Horizon): BoundModel {
  const { stencil, lipschitz } = problem.facts;
  if (typeof horizon === 'number' && !(Number.isInteger(horizon) && horizon >= 0)) throw new TheoremDomainError(`horizon must be an integer number of steps ≥ 0 or 'unbounded', got ${horizon}`);
  const count = Math.max(steps, typeof horizon === 'number' ? horizon : 0);
  let powerNorms = shared(problem, params, ['periodic powers', count], () => periodicPowerNorms(stencil!, problem.shape, count));
  const kreiss = shared(problem, params, ['Kreiss bound'], () => periodicKreissBound(stencil!, problem.shape));
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
    posterior: () => powerBoundedPosterior(powerNorms, lipschitz),
    prior: (K, M, n) => powerBoundedPriorBound(K, { C: unbounded ? kreiss.maxNorm : maxPower(n), M, steps: n }),
    powerNorms,
    kreissPowerBound: kreiss.maxNorm,
  };
}

/** The largest of norms[1..n]. */
function largestPower(norms: Float64Array, n: number): number {
  let C = 0;
  for (let k = 1; k <= n; k++) C = Math.max(C, norms[k]!);
  return C;
}

/** ‖Aⁿ‖∞ of a linear step without a periodic stencil, n = 0..any: the known ones and how they were had. */
interface LinearPowers {
  /** The theorem line's words for them, e.g. "exact ‖Aⁿ‖∞". */
  readonly label: string;
  readonly how: string;
  /** ‖Aⁿ‖∞ (or upper bounds) for n = 0..nMax. */
  upTo(nMax: number): Float64Array;
}

/** Point updates (N² · n) the exact signed powers may take: about a second's work on one core. */
export const SIGNED_POWER_WORK = 5e7;

/** Known powers extended past their end by submultiplicativity (itself sound for exact or upper-bound norms). */
function extended(known: Float64Array, label: string, how: string): LinearPowers {
  return { label, how, upTo: (nMax) => (nMax < known.length ? known.subarray(0, nMax + 1) : submultiplicativePowerNorms(known, nMax)) };
}

/** Operator facts of built-in problems computed on this thread (read only), the latest last, by problem, parameters and what they are. */
const sharedFacts = new Map<string, unknown>();

/** Facts kept at most: a worker's tasks run a few problems at a time (longest first), each in many configurations. */
const SHARED_FACTS = 4;

/**
 * A sweep runs one problem in many configurations, each to the same step count: on a worker, the
 * runs after the first reuse the facts of its operator the first computed (power norms take an
 * operator application or a stencil convolution per step: Jacobi's as many as the run takes
 * iterations). A user problem's parameters are bound in it, so it is not keyed, only computed.
 */
function shared<T>(problem: Problem, params: Record<string, unknown>, what: readonly unknown[], compute: () => T): T {
  if (!isProblemName(problem.name)) return compute();
  const key = JSON.stringify([problem.name, params, ...what]);
  const known = sharedFacts.get(key) as T | undefined;
  if (known !== undefined) return known;
  const fact = compute();
  sharedFacts.set(key, fact);
  if (sharedFacts.size > SHARED_FACTS) sharedFacts.delete(sharedFacts.keys().next().value!);
  return fact;
}

/**
 * Where the power norms come from: stated by a module; exact from Aⁿ1 for A ≥ 0; exact from the
 * columns Aⁿeⱼ for a derived linear part of either sign (as many n as SIGNED_POWER_WORK allows,
 * submultiplicativity beyond); null when none apply (then Theorem 3.3 with L, and `why` says so).
 */
function linearPowers(problem: Problem, params: Record<string, unknown>, steps: number): LinearPowers | { readonly why: string } | null {
  const { facts } = problem;
  if (!facts.linear || facts.stencil) return null;
  const size = problem.shape.reduce((a, b) => a * b, 1);
  if (facts.powerNorms) return extended(Float64Array.from(facts.powerNorms), 'stated ‖Aⁿ‖∞', `‖Aⁿ‖∞ as stated for n ≤ ${facts.powerNorms.length - 1}, submultiplicative beyond`);
  const derived = facts.provenance === undefined;
  if (facts.nonnegative && (derived || facts.provenance?.nonnegative === 'assumed')) {
    return extended(shared(problem, params, ['nonnegative powers', steps], () => nonnegativePowerNorms({ size, apply: facts.applyLinearPart, nonnegative: true }, Math.max(steps, 1))), 'exact ‖Gⁿ‖∞', 'exact ‖Aⁿ‖∞ of the nonnegative linear part, from Aⁿ1');
  }
  if (!derived || facts.nonnegative) return null;
  const exactTo = Math.min(Math.max(steps, 1), Math.floor(SIGNED_POWER_WORK / (size * size)));
  if (exactTo < 1) return { why: `‖Aⁿ‖∞ ≤ Lⁿ: exact powers of this ${size}-point operator would take N² = ${size * size} point updates per power, past the budget of ${SIGNED_POWER_WORK.toExponential(0)}` };
  const known = signedPowerNorms({ size, apply: facts.applyLinearPart }, exactTo);
  return exactTo >= steps
    ? extended(known, 'exact ‖Aⁿ‖∞', 'exact ‖Aⁿ‖∞ from the columns Aⁿeⱼ of the linear part')
    : extended(known, `‖Aⁿ‖∞ exact for n ≤ ${exactTo}, bounded beyond`, `exact ‖Aⁿ‖∞ from the columns Aⁿeⱼ for n ≤ ${exactTo} (the budget of ${SIGNED_POWER_WORK.toExponential(0)} point updates), beyond ‖Aⁿ‖∞ ≤ min ‖Aᵃ‖∞‖Aⁿ⁻ᵃ‖∞ (submultiplicativity)`);
}

/** Theorem 3.12 for a linear step without a periodic stencil (Dirichlet files, modules stating their powers). */
function linearPowersModel(problem: Problem, steps: number, horizon: Horizon, powers: LinearPowers): BoundModel {
  if (horizon === 'unbounded') throw new TheoremDomainError(`an unbounded horizon needs the Kreiss bound of a periodic stencil, which ${problem.name} has not: give the horizon in steps`);
  if (!(Number.isInteger(horizon) && horizon >= 0)) throw new TheoremDomainError(`horizon must be an integer number of steps ≥ 0 or 'unbounded', got ${horizon}`);
  const powerNorms = powers.upTo(Math.max(steps, horizon, 1));
  const maxPower = (n: number): number => largestPower(n < powerNorms.length ? powerNorms : powers.upTo(n), n);
  const L = problem.facts.lipschitz;
  return {
    theorem: `Theorem 3.12 of Fox et al. 2020, ${powers.label}`,
    lemma: 'Lemma 3.14 of Fox et al. 2020',
    normHandling: `max norm; ${powers.how} (max ${maxPower(horizon).toPrecision(4)} over n ≤ ${horizon}), Theorem 3.3 uses L = ${L.toPrecision(4)}`,
    posterior: () => powerBoundedPosterior(powerNorms, L),
    prior: (K, M, n) => powerBoundedPriorBound(K, { C: maxPower(n), M, steps: n }),
    powerNorms,
  };
}

/**
 * Fixed points (docs/theory.md §4–§6): Theorem 3.7 with ‖Gⁿ‖∞ in place of Lⁿ,
 * ‖x̃_k − x*‖ ≤ ‖Gᵏ‖‖x_0 − x*‖ + Σ ‖G^{k−j}‖ K_j ‖x̃_j‖ — Jacobi's exact ‖Gⁿ‖∞ (‖G‖∞ = 1, no one-step
 * contraction), other known powers, or Lⁿ for a contraction L < 1; Theorem 3.9's extra iterations follow from the same powers.
 */
function fixedPointModel(problem: Problem, steps: number, initialError: number, powers: LinearPowers): BoundModel {
  const powerNorms = powers.upTo(Math.max(steps, 1));
  const C = largestPower(powerNorms, powerNorms.length - 1);
  const { jacobi, lipschitz } = problem.facts;
  return {
    theorem: `Theorem 3.7 of Fox et al. 2020, ${powers.label}`,
    lemma: 'Lemma 3.14 of Fox et al. 2020 (C = max ‖Gⁿ‖∞)',
    normHandling: jacobi
      ? `max norm with exact ‖Gⁿ‖∞ (‖G‖∞ = 1 although ρ(G) = ${jacobi.spectralRadius.toPrecision(6)})`
      : `max norm with ${powers.how} (‖G‖∞ ≤ ${lipschitz.toPrecision(6)})`,
    posterior: () => {
      const next = powerBoundedSteps(powerNorms);
      let k = 0;
      return {
        first: { bound: 0, fixedPointBound: powerNorms[0]! * initialError },
        next: (local) => {
          const { exact } = next(local);
          k++;
          return { bound: exact, fixedPointBound: exact + powerNorms[k]! * initialError };
        },
      };
    },
    prior: (K, M, n) => powerBoundedPriorBound(K, { C, M, steps: n }),
    powerNorms,
  };
}

/** A contraction's powers: ‖Gⁿ‖ ≤ Lⁿ, for any step with L < 1, linear or not. */
function contractionPowers(L: number): LinearPowers {
  return extended(Float64Array.of(1, L), `L = ${L}`, `‖Gⁿ‖∞ ≤ Lⁿ, L = ${L} < 1 (a contraction)`);
}

/** Theorem 3.16 with γ, λ from the Feingold–Varga check of the dense system (not the solver's own figures). */
function successiveDisplacementModel(system: readonly (readonly number[])[]): BoundModel {
  const facts = blockDominance(system);
  return {
    theorem: `Theorem 3.16 of Fox et al. 2020 (γ = ${facts.gamma.toPrecision(4)}, λ = ${facts.lambda.toPrecision(4)})`,
    lemma: 'Theorem 3.16 of Fox et al. 2020, a-priori form',
    normHandling: 'max norm on 4-blocks',
    posterior: () => {
      const next = successiveDisplacementSteps(facts);
      return { first: { bound: 0 }, next: (local) => ({ bound: next(1, local) }) };
    },
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
  const facts = ['lipschitz', 'linear', 'nonnegative', 'powerNorms', 'blockSystem'] as const;
  const spelling: Partial<Record<(typeof facts)[number], string>> = { powerNorms: 'power norms', blockSystem: 'block system' };
  const words = (names: readonly (typeof facts)[number][]): string => {
    const spelled = names.map((fact) => spelling[fact] ?? fact);
    return spelled.length > 1 ? `${spelled.slice(0, -1).join(', ')} and ${spelled.at(-1)}` : (spelled[0] ?? '');
  };
  const estimated = words(facts.filter((fact) => p[fact] === 'estimated'));
  const assumed = words(facts.filter((fact) => p[fact] === 'assumed'));
  const notes = [
    ...(estimated.length > 0 ? [`estimated, not proven: ${estimated} estimated from the step`] : []),
    ...(assumed.length > 0 ? [`${assumed} assumed as given`] : []),
  ];
  return { ...model, theorem: `${model.theorem} — ${notes.join('; ')}` };
}

export function boundModel(input: ModelInput): BoundModel {
  return withProvenance(chooseModel(input), input.problem);
}

function chooseModel({ problem, params, steps, initialError, horizon = steps }: ModelInput): BoundModel {
  const facts = problem.facts;
  if (problem.blocks) return successiveDisplacementModel(facts.blockSystem ?? backwardEulerDiffusion(params['n'] as number, params['r'] as number));
  if (facts.stencil && !facts.nonnegative) return powerBoundedModel(problem, params, steps, horizon);
  const isFixedPoint = problem.tolerance !== null;
  // Time stepping with A ≥ 0: ‖Aⁿ‖∞ ≤ ‖A‖∞ⁿ = Lⁿ is tight enough for diffusion-like steps, Theorem 3.3 as the built-ins.
  if (!isFixedPoint && facts.nonnegative && !facts.powerNorms) return lipschitzModel(facts.lipschitz);
  const powers = linearPowers(problem, params, steps);
  if (powers !== null && 'upTo' in powers) return isFixedPoint ? fixedPointModel(problem, steps, initialError, powers) : linearPowersModel(problem, steps, horizon, powers);
  if (isFixedPoint && facts.lipschitz < 1) return fixedPointModel(problem, steps, initialError, contractionPowers(facts.lipschitz));
  return lipschitzModel(facts.lipschitz, powers?.why);
}
