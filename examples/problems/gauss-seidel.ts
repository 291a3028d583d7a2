/**
 * The built-in gauss-seidel restated as a module: one backward-Euler step of 1D diffusion,
 * (I + rT)x = b with T = tridiag(−1, 2, −1), solved by block Gauss–Seidel on 4-blocks (zfp's 1D
 * block). It gives `blocks` instead of `step`, so inline compression stores each block as soon as the
 * sweep has updated it, and states the system it solves, from which Theorem 3.16's γ and λ follow.
 *
 *   npx tsx src/cli/zfpwb.ts validate --problem examples/problems/gauss-seidel.ts --mode precision --param 24
 */
import { defineProblem, type DefinedProblem } from '../../solvers/user/define-problem.ts';
import { backwardEulerDiffusion, blockDominance } from '../../theorems/index.ts';

const BLOCK = 4;

export interface GaussSeidelSetup {
  /** Unknowns before padding to whole blocks (padding rows are uncoupled identity rows). */
  readonly n: number;
  /** r = αΔt/h². */
  readonly r: number;
  readonly sweeps: number;
}

export function gaussSeidel({ n, r, sweeps }: GaussSeidelSetup): DefinedProblem {
  const size = Math.ceil(n / BLOCK) * BLOCK;
  const h = 1 / (n + 1);
  const x = Float64Array.from({ length: n }, (_, i) => (i + 1) * h);
  // b and the solution x* from two eigenvectors of T: T v_p = 4 sin²(pπh/2) v_p.
  const modes = [{ amplitude: 1, p: 1 }, { amplitude: 0.25, p: 7 }];
  const b = new Float64Array(size);
  const solution = new Float64Array(size);
  for (const { amplitude, p } of modes) for (let i = 0; i < n; i++) b[i] = b[i]! + amplitude * Math.sin(p * Math.PI * x[i]!);
  for (const { amplitude, p } of modes) {
    const scale = amplitude / (1 + 4 * r * Math.sin((p * Math.PI * h) / 2) ** 2);
    for (let i = 0; i < n; i++) solution[i] = solution[i]! + scale * Math.sin(p * Math.PI * x[i]!);
  }
  // Each 4-block's Thomas factors: d_k = diag_k − lower_k·c_{k−1}, c_k = upper_k / d_k.
  const lower = Float64Array.from({ length: size }, (_, i) => (i > 0 && i < n ? 0 - r : 0));
  const upper = Float64Array.from({ length: size }, (_, i) => (i < n - 1 ? 0 - r : 0));
  const denom = new Float64Array(size);
  const c = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const diagonal = i < n ? 1 + 2 * r : 1;
    denom[i] = i % BLOCK === 0 ? diagonal : diagonal - lower[i]! * c[i - 1]!;
    c[i] = upper[i]! / denom[i]!;
  }
  const system = backwardEulerDiffusion(n, r);
  return defineProblem({
    name: 'gauss-seidel restated',
    shape: [size],
    steps: sweeps,
    initial: new Float64Array(size),
    exact: (_k, out) => out.set(solution),
    blocks: {
      size: BLOCK,
      // Block i solves A_ii x_i = b_i − A_i,i−1 x_{i−1}(new) − A_i,i+1 x_{i+1}(old) in place.
      sweep: (v, afterBlock) => {
        for (let start = 0; start < size; start += BLOCK) {
          const end = start + BLOCK;
          for (let i = start; i < end; i++) {
            let d = b[i]!;
            if (i === start && i > 0) d -= lower[i]! * v[i - 1]!;
            if (i === end - 1 && end < size) d -= upper[i]! * v[end]!;
            if (i > start) d -= lower[i]! * v[i - 1]!;
            v[i] = d / denom[i]!;
          }
          for (let i = end - 2; i >= start; i--) v[i] = v[i]! - c[i]! * v[i + 1]!;
          afterBlock(start);
        }
      },
    },
    facts: { linear: true, lipschitz: blockDominance(system).gamma, blockSystem: system },
  });
}

export default gaussSeidel({ n: 256, r: 0.4, sweeps: 40 });
