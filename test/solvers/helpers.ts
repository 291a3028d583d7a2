import type { Arithmetic } from '../../src/reference/arithmetic.ts';
import { referenceStepIn, type Problem } from '../../solvers/problem.ts';
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

/** The problem's generic step run `steps` times in `ar` from the double initial data; the values stay valid while `ar` takes no further step. */
export function referenceAfter<T>(ar: Arithmetic<T>, problem: Problem, steps: number): T[] {
  const init = new Float64Array(fieldLength(problem));
  problem.initial(init);
  let u = ar.field(init.length);
  let next = ar.field(init.length);
  init.forEach((v, i) => u.set(i, ar.fromNumber(v)));
  const step = referenceStepIn(problem, ar);
  for (let k = 0; k < steps; k++) {
    step(u, next);
    [u, next] = [next, u];
  }
  return Array.from({ length: u.length }, (_, i) => u.get(i));
}
