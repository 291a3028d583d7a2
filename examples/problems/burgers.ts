/**
 * A nonlinear step: viscous Burgers u_t + (u²/2)_x = ν u_xx on the periodic unit interval, explicit
 * conservative differences. No facts given: linearity and the Lipschitz constant are estimated.
 *
 *   npx tsx src/cli/zfpwb.ts validate --problem examples/problems/burgers.ts --mode precision --param 24
 */
import { defineProblem } from '../../solvers/user/define-problem.ts';

const n = 128;
const h = 1 / n;
const nu = 0.01;
const dt = 0.2 * h; // |u| ≤ 1.5: CFL 0.3; ν dt / h² = 0.26 ≤ 1/2
const flux = (u: number): number => 0.5 * u * u;

export default defineProblem({
  name: 'viscous Burgers',
  shape: [n],
  steps: 300,
  initial: (out) => {
    for (let i = 0; i < n; i++) out[i] = 1 + 0.5 * Math.sin(2 * Math.PI * i * h);
  },
  step: (src, dst) => {
    for (let i = 0; i < n; i++) {
      const l = src[(i + n - 1) % n]!, c = src[i]!, r = src[(i + 1) % n]!;
      // Lax–Friedrichs-type numerical flux: upwinded enough to stay monotone at this CFL.
      const right = 0.5 * (flux(c) + flux(r)) - 0.75 * (r - c);
      const left = 0.5 * (flux(l) + flux(c)) - 0.75 * (c - l);
      dst[i] = c - (dt / h) * (right - left) + ((nu * dt) / (h * h)) * (l - 2 * c + r);
    }
  },
});
