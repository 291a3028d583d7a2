import type { Problem } from '../../solvers/problem.ts';
import { maxDistance } from '../../solvers/grid.ts';

export function fieldLength(problem: Problem): number {
  return problem.shape.reduce((a, b) => a * b, 1);
}

/** Runs the double step `steps` times from the initial data; returns the final field. */
export function advance(problem: Problem, steps: number): Float64Array {
  let u = new Float64Array(fieldLength(problem));
  let next = new Float64Array(u.length);
  problem.initial(u);
  for (let k = 0; k < steps; k++) {
    problem.step(u, next);
    [u, next] = [next, u];
  }
  return u;
}

/** ‖u_k − u_exact(t_k)‖∞ after `steps` double steps. */
export function errorAfter(problem: Problem, steps: number): number {
  const exact = new Float64Array(fieldLength(problem));
  problem.exact(steps, exact);
  return maxDistance(advance(problem, steps), exact);
}
