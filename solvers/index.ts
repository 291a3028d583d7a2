import { advection1d } from './advection1d.ts';
import { advection2d } from './advection2d.ts';
import { diffusion2d } from './diffusion2d.ts';
import { diffusion3d } from './diffusion3d.ts';
import { gaussSeidel } from './gauss-seidel.ts';
import { poissonJacobi } from './poisson-jacobi.ts';

export { advection1d, advection2d, diffusion2d, diffusion3d, gaussSeidel, poissonJacobi };
export * from '../src/reference/index.ts';
export * from './errors.ts';
export type * from './problem.ts';
import type { ProblemName } from './problem.ts';
export * from './runner.ts';

/** Every problem family by its name in results and on the command line. */
export const problems = {
  diffusion2d,
  diffusion3d,
  advection1d,
  advection2d,
  'poisson-jacobi': poissonJacobi,
  'gauss-seidel': gaussSeidel,
} as const satisfies Record<ProblemName, unknown>;
