import { UnstableParametersError } from './errors.ts';
import { ftcs } from './ftcs.ts';
import { coordinates, spacing } from './grid.ts';
import { heatKernelAxis } from './heat-kernel.ts';
import { requireInteger, requirePositive } from './params.ts';
import type { Boundary, Problem, ProblemDefinition } from './problem.ts';

export interface DiffusionParams {
  /** Grid points per side (interior points for a Dirichlet boundary). */
  readonly n: number;
  /** Diffusion number r = αΔt/h². */
  readonly r: number;
  readonly alpha: number;
  readonly steps: number;
  /** Age of the heat kernel that is the initial data: small t0 makes a near point source. */
  readonly t0: number;
  readonly boundary: Boundary;
}

/** u_t = αΔu on the unit square or cube, FTCS, heat-kernel initial data centred in the box. */
export function diffusionDefinition(
  dims: 2 | 3,
  defaults: DiffusionParams,
  quick: DiffusionParams,
): ProblemDefinition<DiffusionParams> {
  const name = dims === 2 ? 'diffusion2d' : 'diffusion3d';
  const limit = 1 / (2 * dims);

  const checkStability = ({ r }: DiffusionParams): void => {
    requirePositive('diffusion number r', r);
    // Beyond 1/(2d) the centre weight 1 − 2d·r turns negative and the max norm grows.
    if (r > limit) throw new UnstableParametersError(`FTCS diffusion in ${dims}D needs r = αΔt/h² ≤ 1/${2 * dims}, got ${r}`);
  };

  const create = (params: DiffusionParams): Problem => {
    const { n, r, alpha, steps, t0, boundary } = params;
    requireInteger('grid points per side n', n, 3);
    requireInteger('steps', steps, 0);
    requirePositive('diffusivity alpha', alpha);
    requirePositive('initial kernel age t0', t0);
    checkStability(params);
    const h = spacing(n, boundary);
    const dt = (r * h * h) / alpha;
    const x = coordinates(n, boundary);
    const axis = new Float64Array(n);
    const scheme = ftcs(n, dims, r, boundary);

    // The kernel is a product over axes: one axis profile, then an outer product.
    const kernel = (t: number, out: Float64Array): void => {
      heatKernelAxis(x, 0.5, alpha, t0, t0 + t, boundary, axis);
      const nz = dims === 3 ? n : 1;
      for (let k = 0; k < nz; k++) {
        const fz = dims === 3 ? axis[k]! : 1;
        for (let j = 0; j < n; j++) {
          const fyz = fz * axis[j]!;
          for (let i = 0; i < n; i++) out[i + n * (j + n * k)] = axis[i]! * fyz;
        }
      }
    };

    return {
      name,
      shape: new Array<number>(dims).fill(n),
      steps,
      tolerance: null,
      facts: {
        // Weights are nonnegative and sum to 1 (less at a Dirichlet boundary).
        lipschitz: 1,
        linear: true,
        nonnegative: true,
        stencil: boundary === 'periodic' ? scheme.stencil : null,
        applyLinearPart: scheme.step,
      },
      initial: (out) => kernel(0, out),
      exact: (k, out) => kernel(k * dt, out),
      step: scheme.step,
      referenceStep: scheme.referenceStep,
    };
  };

  return { name, defaults, quick, checkStability, create };
}
