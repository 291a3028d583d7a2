import type { Arithmetic } from '../src/reference/arithmetic.ts';
import { numberArithmetic } from '../src/reference/arithmetic.ts';
import { SolverParameterError, UnstableParametersError } from './errors.ts';
import { coordinates } from './grid.ts';
import { requireInteger, requirePositive } from './params.ts';
import type { Problem, ProblemDefinition, Step } from './problem.ts';

export interface Advection1dParams {
  /** Periodic grid points on [0, 1). */
  readonly n: number;
  /** Courant number |a|Δt/h. */
  readonly cfl: number;
  /** Advection speed a (nonzero, either sign). */
  readonly velocity: number;
  readonly steps: number;
}

const defaults: Advection1dParams = { n: 90, cfl: 0.8, velocity: 1, steps: 225 };

/** Lax–Wendroff weights of u_{i−1}, u_i, u_{i+1} for signed Courant number ν = aΔt/h. */
function weights<T>(ar: Arithmetic<T>, nu: number): [T, T, T] {
  const v = ar.fromNumber(nu);
  const one = ar.fromNumber(1);
  const half = ar.fromNumber(0.5);
  return [ar.mul(ar.mul(v, ar.add(one, v)), half), ar.sub(one, ar.mul(v, v)), ar.mul(ar.mul(v, ar.sub(v, one)), half)];
}

function checkStability({ cfl }: Advection1dParams): void {
  requirePositive('Courant number cfl', cfl);
  if (cfl > 1) throw new UnstableParametersError(`Lax–Wendroff advection in 1D needs CFL number ν = |a|Δt/h ≤ 1, got ${cfl}`);
}

function create(params: Advection1dParams): Problem {
  const { n, cfl, velocity, steps } = params;
  requireInteger('grid points n', n, 3);
  requireInteger('steps', steps, 0);
  if (!(velocity !== 0 && Number.isFinite(velocity))) throw new SolverParameterError(`advection speed must be finite and nonzero, got ${velocity}`);
  checkStability(params);
  const nu = Math.sign(velocity) * cfl;
  const dt = cfl / n / Math.abs(velocity);
  const [wm, w0, wp] = weights(numberArithmetic, nu);
  const x = coordinates(n, 'periodic');

  const step = (src: Float64Array, dst: Float64Array): void => {
    dst[0] = wm * src[n - 1]! + w0 * src[0]! + wp * src[1]!;
    for (let i = 1; i < n - 1; i++) dst[i] = wm * src[i - 1]! + w0 * src[i]! + wp * src[i + 1]!;
    dst[n - 1] = wm * src[n - 2]! + w0 * src[n - 1]! + wp * src[0]!;
  };

  const referenceStep = <T>(ar: Arithmetic<T>): Step<T> => {
    const [m, c, p] = weights(ar, nu);
    return (src, dst) => {
      for (let i = 0; i < n; i++) {
        const left = src.get(i === 0 ? n - 1 : i - 1);
        const right = src.get(i === n - 1 ? 0 : i + 1);
        dst.set(i, ar.add(ar.add(ar.mul(m, left), ar.mul(c, src.get(i))), ar.mul(p, right)));
      }
    };
  };

  const exact = (k: number, out: Float64Array): void => {
    const shift = velocity * k * dt;
    for (let i = 0; i < n; i++) out[i] = Math.sin(2 * Math.PI * (x[i]! - shift));
  };

  return {
    name: 'advection1d',
    shape: [n],
    steps,
    tolerance: null,
    facts: {
      // 1 + ν − ν² for 0 ≤ ν ≤ 1: above 1, so Theorem 3.3 grows geometrically.
      lipschitz: Math.abs(wm) + Math.abs(w0) + Math.abs(wp),
      linear: true,
      nonnegative: false,
      stencil: { offsets: [[-1], [0], [1]], weights: [wm, w0, wp] },
      applyLinearPart: step,
    },
    initial: (out) => exact(0, out),
    exact,
    step,
    referenceStep,
  };
}

/** u_t + a u_x = 0 on the periodic unit interval, Lax–Wendroff (docs/experiments.md, advection1d). */
export const advection1d: ProblemDefinition<Advection1dParams> = {
  name: 'advection1d',
  defaults,
  quick: { ...defaults, n: 30, steps: 75 },
  checkStability,
  create,
};
