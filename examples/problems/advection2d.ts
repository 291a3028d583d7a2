/**
 * The built-in advection2d restated as a module: u_t + a·∇u = 0 on the periodic unit square, two-step
 * (Richtmyer) Lax–Wendroff. Its two half steps round differently from any one 3×3 stencil, so no
 * problem file reproduces it; a module runs the same arithmetic. The facts are stated: the step is
 * linear, and ‖Aⁿ‖∞ are the lattice powers of the 3×3 stencil the two half steps compose to — hence
 * Theorem 3.12, with the built-in's very numbers.
 *
 *   npx tsx src/cli/zfpwb.ts validate --problem examples/problems/advection2d.ts --mode precision --param 24
 */
import { defineProblem, type DefinedProblem } from '../../solvers/user/define-problem.ts';
import { periodicPowerNorms } from '../../theorems/index.ts';

export interface Advection2dSetup {
  /** Grid points per side. */
  readonly n: number;
  readonly steps: number;
  /** Courant number Δt·max|a|/h, and the velocity a. */
  readonly cfl: number;
  readonly velocity: readonly [number, number];
}

/** The 3×3 stencil of the two half steps, from their symbol (C = (E + E⁻¹)/2, D = (E − E⁻¹)/2 per axis). */
function composedWeights(px: number, py: number): { offsets: number[][]; weights: number[] } {
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

export function advection2d({ n, steps, cfl, velocity }: Advection2dSetup): DefinedProblem {
  const a = Math.max(Math.abs(velocity[0]), Math.abs(velocity[1]));
  const [px, py] = [(cfl * velocity[0]) / a, (cfl * velocity[1]) / a];
  const dt = cfl / n / a;
  const x = Float64Array.from({ length: n }, (_, i) => i * (1 / n));
  const up = (i: number): number => (i === n - 1 ? 0 : i + 1);
  const down = (i: number): number => (i === 0 ? n - 1 : i - 1);
  const qx = px / 4, qy = py / 4, gx = px / 2, gy = py / 2;
  // Predictor at the cell corners (i+½, j+½), stored at i + n·j; the corrector reads the four around (i, j).
  const corner = new Float64Array(n * n);
  const stencil = composedWeights(px, py);
  const exact = (k: number, out: Float64Array): void => {
    const t = k * dt;
    for (let j = 0; j < n; j++) {
      const fy = Math.sin(2 * Math.PI * (x[j]! - velocity[1] * t));
      for (let i = 0; i < n; i++) out[i + n * j] = Math.sin(2 * Math.PI * (x[i]! - velocity[0] * t)) * fy;
    }
  };
  return defineProblem({
    name: 'advection2d restated',
    shape: [n, n],
    steps,
    initial: (out) => exact(0, out),
    exact,
    step: (src, dst) => {
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
    },
    facts: {
      linear: true,
      lipschitz: stencil.weights.reduce((s, w) => s + Math.abs(w), 0),
      powerNorms: [...periodicPowerNorms(stencil, [n, n], steps)],
    },
  });
}

export default advection2d({ n: 90, steps: 225, cfl: 0.4, velocity: [1, 1] });
