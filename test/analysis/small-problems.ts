/** Every built-in solver at a CI size, small grids and a few steps: the sizes the choose and float32 suites run. */
import type { BuiltinProblemName } from '../../solvers/problem.ts';

export const SMALL: Record<BuiltinProblemName, Record<string, unknown>> = {
  diffusion2d: { n: 16, steps: 10 },
  diffusion3d: { n: 8, steps: 5 },
  advection1d: { n: 16, steps: 10 },
  advection2d: { n: 12, steps: 8 },
  'poisson-jacobi': { n: 12, maxIterations: 20 },
  'gauss-seidel': { n: 12, sweeps: 8 },
};

export const SMALL_PROBLEMS = Object.keys(SMALL) as BuiltinProblemName[];
