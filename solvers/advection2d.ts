import type { Arithmetic } from '../src/reference/arithmetic.ts';
import { SolverParameterError, UnstableParametersError } from './errors.ts';
import { coordinates } from './grid.ts';
import { requireInteger, requirePositive } from './params.ts';
import type { Problem, ProblemDefinition, Stencil, Step } from './problem.ts';

export interface Advection2dParams {
  /** Periodic grid points per side of the unit square. */
  readonly n: number;
  /** Courant number Δt·max|a|/h; each direction's ν = a·Δt/h follows from the velocity. */
  readonly cfl: number;
  readonly velocity: readonly [number, number];
  readonly steps: number;
}

const defaults: Advection2dParams = { n: 90, cfl: 0.4, velocity: [1, 1], steps: 225 };

function courantNumbers({ cfl, velocity: [ax, ay] }: Advection2dParams): [number, number] {
  const a = Math.max(Math.abs(ax), Math.abs(ay));
  return [(cfl * ax) / a, (cfl * ay) / a];
}

function checkStability(params: Advection2dParams): void {
  requirePositive('Courant number cfl', params.cfl);
  const [px, py] = courantNumbers(params);
  // Amplification |g|² = 1 − 4A²(1 − A² − cos²(ξ/2)cos²(η/2)): at most 1 for all ξ, η iff νx² + νy² ≤ 1.
  const s = px * px + py * py;
  if (s > 1) {
    throw new UnstableParametersError(`two-step Lax–Wendroff advection in 2D needs νx² + νy² ≤ 1 (ν = aΔt/h per direction), got ${s}`);
  }
}

/**
 * The 3×3 stencil equal to the two Richtmyer steps, from the symbol
 * 1 − (νx²/2)(1−Cx)(1+Cy) − (νy²/2)(1+Cx)(1−Cy) + νxνy·DxDy − (νx/2)Dx(1+Cy) − (νy/2)Dy(1+Cx),
 * with C = (E + E⁻¹)/2 and D = (E − E⁻¹)/2 in terms of the shift E.
 */
function composedStencil(px: number, py: number): Stencil {
  const oneMinusC = [-0.5, 1, -0.5];
  const onePlusC = [0.5, 1, 0.5];
  const d = [-0.5, 0, 0.5];
  const offsets: number[][] = [];
  const weights: number[] = [];
  for (let my = 0; my < 3; my++) {
    for (let mx = 0; mx < 3; mx++) {
      offsets.push([mx - 1, my - 1]);
      weights.push(
        (mx === 1 && my === 1 ? 1 : 0) -
          ((px * px) / 2) * oneMinusC[mx]! * onePlusC[my]! -
          ((py * py) / 2) * onePlusC[mx]! * oneMinusC[my]! +
          px * py * d[mx]! * d[my]! -
          (px / 2) * d[mx]! * onePlusC[my]! -
          (py / 2) * onePlusC[mx]! * d[my]!,
      );
    }
  }
  return { offsets, weights };
}

function create(params: Advection2dParams): Problem {
  const { n, steps, velocity } = params;
  requireInteger('grid points per side n', n, 3);
  requireInteger('steps', steps, 0);
  if (!velocity.every(Number.isFinite) || velocity.every((a) => a === 0)) {
    throw new SolverParameterError(`velocity must be finite and not zero, got (${velocity.join(', ')})`);
  }
  checkStability(params);
  const [px, py] = courantNumbers(params);
  const dt = params.cfl / n / Math.max(Math.abs(velocity[0]), Math.abs(velocity[1]));
  const x = coordinates(n, 'periodic');
  const stencil = composedStencil(px, py);
  const up = (i: number): number => (i === n - 1 ? 0 : i + 1);
  const down = (i: number): number => (i === 0 ? n - 1 : i - 1);

  // Predictor at corners (i+½, j+½), stored at index i + n·j; the corrector reads the four around (i, j).
  const corner = new Float64Array(n * n);
  const qx = px / 4, qy = py / 4, gx = px / 2, gy = py / 2;
  const step = (src: Float64Array, dst: Float64Array): void => {
    for (let j = 0; j < n; j++) {
      const row = n * j, rowUp = n * up(j);
      for (let i = 0; i < n; i++) {
        const ip = up(i);
        const u00 = src[row + i]!, u10 = src[row + ip]!, u01 = src[rowUp + i]!, u11 = src[rowUp + ip]!;
        corner[row + i] = 0.25 * (u00 + u10 + (u01 + u11)) - qx * (u10 - u00 + (u11 - u01)) - qy * (u01 - u00 + (u11 - u10));
      }
    }
    for (let j = 0; j < n; j++) {
      const row = n * j, rowDown = n * down(j);
      for (let i = 0; i < n; i++) {
        const im = down(i);
        const vpp = corner[row + i]!, vmp = corner[row + im]!, vpm = corner[rowDown + i]!, vmm = corner[rowDown + im]!;
        dst[row + i] = src[row + i]! - gx * (vpp + vpm - (vmp + vmm)) - gy * (vpp + vmp - (vpm + vmm));
      }
    }
  };

  const referenceStep = <T>(ar: Arithmetic<T>): Step<T> => {
    const quarter = ar.fromNumber(0.25);
    const half = ar.fromNumber(0.5);
    const [vx, vy] = [ar.fromNumber(px), ar.fromNumber(py)];
    const [rqx, rqy] = [ar.mul(vx, ar.mul(half, half)), ar.mul(vy, ar.mul(half, half))];
    const [rgx, rgy] = [ar.mul(vx, half), ar.mul(vy, half)];
    const v = ar.field(n * n);
    // Bound, not destructured: double-double's operations are methods of its scratch.
    const add = (a: T, b: T): T => ar.add(a, b);
    const sub = (a: T, b: T): T => ar.sub(a, b);
    const mul = (a: T, b: T): T => ar.mul(a, b);
    return (src, dst) => {
      for (let j = 0; j < n; j++) {
        const row = n * j, rowUp = n * up(j);
        for (let i = 0; i < n; i++) {
          const ip = up(i);
          const u00 = src.get(row + i), u10 = src.get(row + ip), u01 = src.get(rowUp + i), u11 = src.get(rowUp + ip);
          const mean = mul(quarter, add(add(u00, u10), add(u01, u11)));
          const dx = add(sub(u10, u00), sub(u11, u01));
          const dy = add(sub(u01, u00), sub(u11, u10));
          v.set(row + i, sub(sub(mean, mul(rqx, dx)), mul(rqy, dy)));
        }
      }
      for (let j = 0; j < n; j++) {
        const row = n * j, rowDown = n * down(j);
        for (let i = 0; i < n; i++) {
          const im = down(i);
          const vpp = v.get(row + i), vmp = v.get(row + im), vpm = v.get(rowDown + i), vmm = v.get(rowDown + im);
          const fx = sub(add(vpp, vpm), add(vmp, vmm));
          const fy = sub(add(vpp, vmp), add(vpm, vmm));
          dst.set(row + i, sub(sub(src.get(row + i), mul(rgx, fx)), mul(rgy, fy)));
        }
      }
    };
  };

  // The x factor of every row, taken once per step: n sines instead of n².
  const fx = new Float64Array(n);
  const exact = (k: number, out: Float64Array): void => {
    const t = k * dt;
    for (let i = 0; i < n; i++) fx[i] = Math.sin(2 * Math.PI * (x[i]! - velocity[0] * t));
    for (let j = 0; j < n; j++) {
      const fy = Math.sin(2 * Math.PI * (x[j]! - velocity[1] * t));
      for (let i = 0; i < n; i++) out[i + n * j] = fx[i]! * fy;
    }
  };

  return {
    name: 'advection2d',
    shape: [n, n],
    steps,
    tolerance: null,
    facts: {
      lipschitz: stencil.weights.reduce((s, w) => s + Math.abs(w), 0),
      linear: true,
      nonnegative: stencil.weights.every((w) => w >= 0),
      stencil,
      applyLinearPart: step,
    },
    initial: (out) => exact(0, out),
    exact,
    step,
    referenceStep,
  };
}

/** u_t + a·∇u = 0 on the periodic unit square, two-step (Richtmyer) Lax–Wendroff (docs/experiments.md, advection2d). */
export const advection2d: ProblemDefinition<Advection2dParams> = {
  name: 'advection2d',
  defaults,
  quick: { ...defaults, n: 30, steps: 75 },
  checkStability,
  create,
};
