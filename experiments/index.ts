/** Every experiment by the name `zfpwb experiment` takes. */
import { experiment as advection1d } from './advection1d.ts';
import { experiment as advection2d } from './advection2d.ts';
import { experiment as diffusion2d } from './diffusion2d.ts';
import { experiment as diffusion3d } from './diffusion3d.ts';
import { experiment as gaussSeidel } from './gauss-seidel.ts';
import { experiment as poissonJacobi } from './poisson-jacobi.ts';
import { experiment as precisionContours } from './precision-contours.ts';
import { experiment as representations } from './representations.ts';
import { EXPERIMENT_NAMES, type ExperimentName } from '../src/results/schema.ts';
import type { Experiment } from './simulation.ts';

export const experiments: Readonly<Record<ExperimentName, Experiment>> = {
  diffusion2d,
  diffusion3d,
  advection1d,
  advection2d,
  'poisson-jacobi': poissonJacobi,
  'gauss-seidel': gaussSeidel,
  'precision-contours': precisionContours,
  representations,
};

export const experimentNames: ExperimentName[] = [...EXPERIMENT_NAMES];
export { isExperimentName } from '../src/results/schema.ts';

export type { Experiment, ExperimentOptions } from './simulation.ts';
export type * from '../src/results/schema.ts';
