/** The built-in problems as the lab's and choose's forms offer them: default grid and step count, the key each names its steps by. */
import { definitionOf, MIN_GRID, solverParams, stepKeyOf, type SolverParams } from '../../../src/analysis/problem-setup.ts';
import { problems } from '../../../solvers/index.ts';
import type { BuiltinProblemName } from '../../../solvers/problem.ts';

export const BUILTIN_PROBLEMS = Object.keys(problems) as BuiltinProblemName[];

export interface ProblemSize {
  readonly grid: number;
  readonly steps: number;
}

/** The sizes `zfpwb validate --solver P` runs when given no --grid and no --steps. */
export function defaultSize(problem: BuiltinProblemName): ProblemSize {
  const defaults = definitionOf(problem).defaults;
  return { grid: defaults['n'] as number, steps: defaults[stepKeyOf(problem)] as number };
}

/** The problem's default parameters with `--grid` and `--steps` on top. */
export function sizedParams(problem: BuiltinProblemName, size: ProblemSize): SolverParams {
  if (!(Number.isInteger(size.grid) && size.grid >= MIN_GRID)) throw new RangeError(`the grid needs a whole number of at least ${MIN_GRID} points per side, got ${size.grid}`);
  if (!(Number.isInteger(size.steps) && size.steps >= 1)) throw new RangeError(`steps must be a positive whole number, got ${size.steps}`);
  return solverParams(problem, false, { n: size.grid, [stepKeyOf(problem)]: size.steps });
}
