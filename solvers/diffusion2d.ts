import { diffusionDefinition, type DiffusionParams } from './diffusion.ts';

const defaults: DiffusionParams = { n: 64, r: 0.2, alpha: 1, steps: 400, t0: 1e-3, boundary: 'periodic' };

/** Heat equation on the periodic unit square (docs/experiments.md, diffusion2d). */
export const diffusion2d = diffusionDefinition(2, defaults, { ...defaults, n: 32, steps: 100 });
