import { describe, expect, it } from 'vitest';
import { maxDistance } from '../../solvers/grid.ts';
import { poissonJacobi } from '../../solvers/poisson-jacobi.ts';
import { advance, fieldLength } from './helpers.ts';

describe('poisson-jacobi', () => {
  const problem = poissonJacobi.create(poissonJacobi.quick);
  const fixedPoint = new Float64Array(fieldLength(problem));
  problem.exact(0, fixedPoint);

  it('the closed form is the discrete fixed point: one step leaves it in place', () => {
    const next = new Float64Array(fixedPoint.length);
    problem.step(fixedPoint, next);
    expect(maxDistance(next, fixedPoint)).toBeLessThan(1e-15);
  });

  it('sums every point as ((west + east) + (south + north)), a literal 0 past the boundary, bit for bit', () => {
    for (const n of [2, 3, 9]) {
      const small = poissonJacobi.create({ ...poissonJacobi.quick, n });
      // One step from zero gives h²f/4 itself: 0.25·0 + g = g.
      const g = new Float64Array(n * n);
      small.step(new Float64Array(n * n), g);
      const src = Float64Array.from({ length: n * n }, (_, i) => (i % 5 === 0 ? -0 : Math.sin(7 * i) * 2 ** (i % 11)));
      const stepped = new Float64Array(n * n), linear = new Float64Array(n * n);
      small.step(src, stepped);
      small.facts.applyLinearPart(src, linear);
      const at = (i: number, j: number): number => (i < 0 || j < 0 || i >= n || j >= n ? 0 : src[i + n * j]!);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const sum = at(i - 1, j) + at(i + 1, j) + (at(i, j - 1) + at(i, j + 1));
          expect(Object.is(stepped[i + n * j], 0.25 * sum + g[i + n * j]!), `n = ${n}, (${i}, ${j})`).toBe(true);
          expect(Object.is(linear[i + n * j], 0.25 * sum + 0), `n = ${n}, (${i}, ${j}), no source`).toBe(true);
        }
      }
    }
  });

  it('is close to the continuous solution (second order in h)', () => {
    const h = 1 / 33;
    const x = (i: number): number => (i + 1) * h;
    const n = 32;
    let err = 0;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const u = Math.sin(Math.PI * x(i)) * Math.sin(Math.PI * x(j)) + 0.2 * Math.sin(3 * Math.PI * x(i)) * Math.sin(5 * Math.PI * x(j));
        err = Math.max(err, Math.abs(u - fixedPoint[i + n * j]!));
      }
    }
    expect(err).toBeGreaterThan(1e-4);
    expect(err).toBeLessThan(5 * h * h); // mode (3, 5) carries ~3.4h²
  });

  it('Jacobi converges to it at the rate ρ = cos πh', () => {
    const rho = problem.facts.jacobi!.spectralRadius;
    // From u0 = 0 the slowest mode dominates: ‖u_k − u*‖ ≈ ρ^k ‖u*‖ for large k.
    const k = 2000;
    const ratio = maxDistance(advance(problem, k + 100), fixedPoint) / maxDistance(advance(problem, k), fixedPoint);
    expect(ratio).toBeCloseTo(rho ** 100, 6);
    const steps = Math.ceil(Math.log(problem.tolerance! / 1.2) / Math.log(rho));
    expect(maxDistance(advance(problem, steps), fixedPoint)).toBeLessThan(problem.tolerance!);
  });
});
