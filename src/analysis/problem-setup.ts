/** Solver parameters by problem name: defaults, the quick size, overrides, and the stability check. */
import { problems } from '../../solvers/index.ts';
import type { BuiltinProblemName, Problem, ProblemDefinition, ProblemName, UserProblemName } from '../../solvers/problem.ts';
import { SolverParameterError } from '../../solvers/errors.ts';

export type SolverParams = Record<string, unknown>;

/** The smallest grid a run takes: one whole 4-point ZFP block per side, which also holds every solver's 3-point stencil. */
export const MIN_GRID = 4;

/** Each built-in problem counts its steps by one of these: time steps, sweeps or iterations. */
const STEP_KEYS = ['steps', 'sweeps', 'maxIterations'] as const;

/** The parameter `name` counts its steps by (what --steps sets). */
export function stepKeyOf(name: string): string {
  return STEP_KEYS.find((key) => Object.hasOwn(definitionOf(name).defaults, key))!;
}

export function isProblemName(name: string): name is BuiltinProblemName {
  return Object.hasOwn(problems, name);
}

export function definitionOf(name: string): ProblemDefinition<SolverParams> {
  if (!isProblemName(name)) {
    throw new SolverParameterError(`unknown solver "${name}": expected one of ${Object.keys(problems).join(', ')}`);
  }
  return problems[name] as unknown as ProblemDefinition<SolverParams>;
}

/** The problem's default or quick parameters with `overrides` on top (only keys the problem has). */
export function solverParams(name: ProblemName, quick: boolean, overrides: SolverParams = {}): SolverParams {
  const definition = definitionOf(name);
  const base = quick ? definition.quick : definition.defaults;
  for (const key of Object.keys(overrides)) {
    if (!Object.hasOwn(base, key)) {
      throw new SolverParameterError(`${name} has no parameter "${key}": expected one of ${Object.keys(base).join(', ')}`);
    }
  }
  return { ...base, ...overrides };
}

/** User problems of this thread, by the name runs and records carry; their parameters are bound already. */
const userProblems = new Map<UserProblemName, Problem>();

/** Makes a user problem runnable by name (validate, choose, experiments run on this thread). */
export function registerProblem(problem: Problem & { readonly name: UserProblemName }): UserProblemName {
  userProblems.set(problem.name, problem);
  return problem.name;
}

export function isRegisteredProblem(name: ProblemName): boolean {
  return userProblems.has(name as UserProblemName);
}

/** Checks stability (throws UnstableParametersError naming the limit) and builds the problem. */
export function createProblem(name: ProblemName, params: SolverParams): Problem {
  const user = userProblems.get(name as UserProblemName);
  if (user) return user;
  const definition = definitionOf(name);
  definition.checkStability(params);
  return definition.create(params);
}
