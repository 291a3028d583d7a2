/**
 * An implicit step: backward Euler for u_t = u_xx on the periodic unit interval, each step solving
 * (I − rΔ)u' = u by a fixed number of Jacobi sweeps from u' = u. The step is linear; that is
 * assumed here, and its Lipschitz constant is estimated.
 *
 *   npx tsx src/cli/zfpwb.ts validate --problem examples/problems/implicit-heat.ts --mode precision --param 20
 */
import { defineProblem } from '../../solvers/user/define-problem.ts';

const n = 64;
const r = 2; // Δt/h²: above the explicit limit 1/2, fine for backward Euler
const sweeps = 6;
const scratch = new Float64Array(n);

export default defineProblem({
  name: 'implicit heat',
  shape: [n],
  steps: 200,
  initial: Float64Array.from({ length: n }, (_, i) => Math.exp(-((i / n - 0.5) ** 2) / 0.01)),
  step: (src, dst) => {
    dst.set(src);
    for (let s = 0; s < sweeps; s++) {
      for (let i = 0; i < n; i++) scratch[i] = (src[i]! + r * (dst[(i + n - 1) % n]! + dst[(i + 1) % n]!)) / (1 + 2 * r);
      dst.set(scratch);
    }
  },
  facts: { linear: true },
});
