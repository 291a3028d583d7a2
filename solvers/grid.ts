import type { Boundary } from './problem.ts';

/** Grid spacing on the unit interval: n periodic points, or n interior points between zero boundaries. */
export function spacing(n: number, boundary: Boundary): number {
  return boundary === 'periodic' ? 1 / n : 1 / (n + 1);
}

/** Coordinates of the n grid points along one axis. */
export function coordinates(n: number, boundary: Boundary): Float64Array {
  const h = spacing(n, boundary);
  const offset = boundary === 'periodic' ? 0 : 1;
  return Float64Array.from({ length: n }, (_, i) => (i + offset) * h);
}

/**
 * Index of the previous and next point along one axis, wrapping for periodic grids and -1 past a
 * Dirichlet boundary (where the value is zero).
 */
export function neighbours(n: number, boundary: Boundary): { readonly prev: Int32Array; readonly next: Int32Array } {
  const prev = new Int32Array(n);
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    prev[i] = i > 0 ? i - 1 : boundary === 'periodic' ? n - 1 : -1;
    next[i] = i < n - 1 ? i + 1 : boundary === 'periodic' ? 0 : -1;
  }
  return { prev, next };
}

export function maxNorm(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}

export function maxDistance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}
