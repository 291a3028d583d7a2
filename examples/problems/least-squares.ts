/**
 * Gradient descent on a least-squares problem min ‖Ax − b‖² as a fixed-point iteration
 * x ← x − η Aᵀ(Ax − b), with b = Ax* so the fixed point x* is known. Compressing the iterate inline
 * is the setting of lossy-compressed model updates: the error stalls at a level δ the theorem's
 * bound predicts, and reaching a tolerance takes extra iterations. Linearity is assumed; the
 * Lipschitz constant (a contraction) is estimated.
 *
 *   npx tsx src/cli/zfpwb.ts validate --problem examples/problems/least-squares.ts --mode precision --param 24
 */
import { defineProblem } from '../../solvers/user/define-problem.ts';

const n = 64;
const m = 80;
/** A: a strong diagonal band on the first n rows, a few weak extra observations below. */
const A = Array.from({ length: m }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i < n ? (i === j ? 2 : Math.abs(i - j) === 1 ? 0.3 : 0) : 0.05 * Math.cos(i * j))));
const xStar = Float64Array.from({ length: n }, (_, j) => Math.sin((2 * Math.PI * j) / n) + 0.5);
const b = A.map((row) => row.reduce((s, a, j) => s + a * xStar[j]!, 0));
const eta = 0.15;
const residual = new Float64Array(m);

export default defineProblem({
  name: 'least squares by gradient descent',
  shape: [n],
  steps: 400,
  tolerance: 1e-12,
  initial: new Float64Array(n),
  exact: (_k, out) => out.set(xStar),
  step: (x, next) => {
    for (let i = 0; i < m; i++) residual[i] = A[i]!.reduce((s, a, j) => s + a * x[j]!, 0) - b[i]!;
    for (let j = 0; j < n; j++) {
      let g = 0;
      for (let i = 0; i < m; i++) g += A[i]![j]! * residual[i]!;
      next[j] = x[j]! - eta * g;
    }
  },
  facts: { linear: true },
});
