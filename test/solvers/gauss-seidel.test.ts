import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, gaussSeidel } from '../../solvers/gauss-seidel.ts';
import { maxDistance } from '../../solvers/grid.ts';
import { advance } from './helpers.ts';

/** Direct solve of (I + rT)x = b, T = tridiag(−1, 2, −1), by the Thomas algorithm. */
function solveDirect(r: number, b: Float64Array): Float64Array {
  const n = b.length;
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const denom = 1 + 2 * r - (i > 0 ? -r * c[i - 1]! : 0);
    c[i] = -r / denom;
    d[i] = (b[i]! - (i > 0 ? -r * d[i - 1]! : 0)) / denom;
  }
  for (let i = n - 2; i >= 0; i--) d[i] = d[i]! - c[i]! * d[i + 1]!;
  return d;
}

function rightHandSide(n: number): Float64Array {
  const x = (i: number): number => (i + 1) / (n + 1);
  return Float64Array.from({ length: n }, (_, i) => Math.sin(Math.PI * x(i)) + 0.25 * Math.sin(7 * Math.PI * x(i)));
}

describe('block Gauss–Seidel', () => {
  it.each([30, 256])('converges to the direct solution (n = %i)', (n) => {
    const r = 0.4;
    const problem = gaussSeidel.create({ n, r, sweeps: 40 });
    const direct = solveDirect(r, rightHandSide(n));
    const x = advance(problem, 40);
    expect(maxDistance(x.subarray(0, n), direct)).toBeLessThan(1e-14);
    // The padding (ghost) unknowns stay zero, and the closed form agrees with the direct solve.
    expect([...x.subarray(n)]).toEqual(new Array(x.length - n).fill(0));
    const exact = new Float64Array(x.length);
    problem.exact(0, exact);
    expect(maxDistance(exact.subarray(0, n), direct)).toBeLessThan(1e-14);
  });

  it('contracts at least by γ per sweep', () => {
    const problem = gaussSeidel.create(gaussSeidel.defaults);
    const { gamma, lambda, blockSize } = problem.facts.blockDominance!;
    expect(blockSize).toBe(4);
    expect(gamma).toBeGreaterThan(0);
    expect(gamma).toBeLessThan(1);
    expect(lambda).toBeGreaterThanOrEqual(1);
    const exact = new Float64Array(256);
    problem.exact(0, exact);
    const errors = [0, 1, 2, 3, 4, 5].map((k) => maxDistance(advance(problem, k), exact));
    errors.slice(1).forEach((e, k) => expect(e).toBeLessThanOrEqual(gamma * errors[k]! * (1 + 1e-12)));
  });

  it('updates ZFP-aligned blocks [4i, 4i + 4) in order, each touching only itself', () => {
    const n = 30;
    const problem = gaussSeidel.create({ n, r: 0.4, sweeps: 1 });
    expect(problem.shape).toEqual([32]);
    expect(problem.blocks!.size).toBe(BLOCK_SIZE);
    const x = Float64Array.from({ length: 32 }, (_, i) => (i < n ? Math.cos(i) : 0));
    let before = x.slice();
    const starts: number[] = [];
    problem.blocks!.sweep(x, (start) => {
      starts.push(start);
      x.forEach((v, i) => {
        const inside = i >= start && i < start + BLOCK_SIZE;
        if (!inside) expect(v, `block ${start} wrote index ${i}`).toBe(before[i]);
      });
      before = x.slice();
    });
    expect(starts).toEqual([0, 4, 8, 12, 16, 20, 24, 28]);
  });
});
