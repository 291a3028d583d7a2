import type { Boundary } from './problem.ts';

/** Periodic images (or Dirichlet reflections) summed on each side: enough for kernels narrower than the box. */
const IMAGES = 3;

/**
 * One axis of the heat kernel of u_t = αΔu centred at `centre`, aged `age` = t0 + t, scaled so that
 * at age t0 the free-space kernel peaks at 1. The d-dimensional kernel is the product over axes,
 * for periodic images and for the odd reflections that make a zero Dirichlet boundary alike.
 */
export function heatKernelAxis(
  x: Float64Array,
  centre: number,
  alpha: number,
  t0: number,
  age: number,
  boundary: Boundary,
  out: Float64Array,
): void {
  const amplitude = Math.sqrt(t0 / age);
  const width = 4 * alpha * age;
  const g = (d: number): number => Math.exp(-(d * d) / width);
  for (let i = 0; i < x.length; i++) {
    let sum = 0;
    for (let m = -IMAGES; m <= IMAGES; m++) {
      sum += boundary === 'periodic' ? g(x[i]! - centre - m) : g(x[i]! - centre - 2 * m) - g(x[i]! + centre - 2 * m);
    }
    out[i] = amplitude * sum;
  }
}
