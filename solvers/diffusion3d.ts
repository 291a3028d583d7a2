import { diffusionDefinition, type DiffusionParams } from './diffusion.ts';

const defaults: DiffusionParams = { n: 32, r: 1 / 8, alpha: 1, steps: 200, t0: 1e-3, boundary: 'periodic' };

/** Heat equation on the periodic unit cube (docs/experiments.md, diffusion3d). */
export const diffusion3d = diffusionDefinition(3, defaults, { ...defaults, n: 16, steps: 50 });
