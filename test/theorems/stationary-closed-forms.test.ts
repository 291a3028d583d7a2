/** The closed forms of Lemmas 3.18 and 3.20 against the exact sums: they must never ask for fewer planes. */
import { describe, expect, it } from 'vitest';
import {
  backwardClosedFormTarget,
  closedFormBeta,
  forwardClosedFormTarget,
  inverse,
  mul,
  normInf,
  powerDecay,
  stationaryBetaMin,
  stationarySums,
  type Dense,
} from '../../theorems/index.ts';

function poisson1d(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0)));
}

function poisson2d(m: number): number[][] {
  const n = m * m;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return 4;
      const [ri, ci, rj, cj] = [Math.floor(i / m), i % m, Math.floor(j / m), j % m];
      return Math.abs(ri - rj) + Math.abs(ci - cj) === 1 ? -1 : 0;
    }),
  );
}

/** Symmetric, strictly diagonally dominant by `margin`, off-diagonal entries of both signs from a fixed linear congruential sequence. */
function dominant(n: number, margin: number, seed: number): number[][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[i]![j] = A[j]![i] = next();
  A.forEach((row, i) => (row[i] = margin * row.reduce((s, v) => s + Math.abs(v), 0)));
  return A;
}

type Splitting = (A: Dense) => { M: number[][]; N: number[][] };
const jacobi: Splitting = (A) => {
  const M = A.map((r, i) => r.map((v, j) => (i === j ? v : 0)));
  return { M, N: M.map((r, i) => r.map((v, j) => v - A[i]![j]!)) };
};
const gaussSeidel: Splitting = (A) => {
  const M = A.map((r, i) => r.map((v, j) => (j <= i ? v : 0)));
  return { M, N: M.map((r, i) => r.map((v, j) => v - A[i]![j]!)) };
};

const systems: [string, number[][]][] = [
  ['1D Poisson n = 4', poisson1d(4)],
  ['1D Poisson n = 8', poisson1d(8)],
  ['1D Poisson n = 16', poisson1d(16)],
  ['2D Poisson 3 × 3', poisson2d(3)],
  ['2D Poisson 4 × 4', poisson2d(4)],
  ['dominant n = 5', dominant(5, 1.2, 7)],
  ['dominant n = 10', dominant(10, 1.05, 11)],
  ['dominant n = 16', dominant(16, 1.1, 5)],
];
const cases = systems.flatMap(([name, A]) => [
  [`${name}, Jacobi`, A, jacobi] as const,
  [`${name}, Gauss–Seidel`, A, gaussSeidel] as const,
]);

describe('closed forms of Lemmas 3.18 and 3.20 bound the exact sums', () => {
  it.each(cases)('%s', (_name, A, split) => {
    const { M, N } = split(A);
    const G = mul(inverse(M), N);
    const decay = powerDecay(G, 40);
    // The hypothesis ‖Gⁱ‖∞ ≤ C·qⁱ, checked well past the powers it was derived from.
    let P: Dense = G;
    for (let i = 1; i <= 150; i++, P = mul(P, G)) expect(normInf(P)).toBeLessThanOrEqual(decay.C * decay.q ** i * (1 + 1e-9));
    for (const steps of [1, 3, 10, 60]) {
      const sums = stationarySums({ M, N, steps, cn: 1 });
      const input = { decay, kappa: sums.kappa, cn: 1, steps };
      const forward = forwardClosedFormTarget(input);
      const backward = backwardClosedFormTarget(input);
      expect(forward).toBeLessThanOrEqual(((sums.fpScale * sums.forwardFp) / sums.forwardZfp) * (1 + 1e-12));
      expect(backward).toBeLessThanOrEqual(((sums.fpScale * sums.backwardFp) / sums.backwardZfp) * (1 + 1e-12));
      const exact = stationaryBetaMin(sums, 1, 'float64');
      for (const [closed, exactChoice] of [
        [closedFormBeta(forward, 1, 'float64'), exact.forward],
        [closedFormBeta(backward, 1, 'float64'), exact.backward],
      ] as const) {
        if (closed.kind === 'feasible') {
          expect(exactChoice.kind).toBe('feasible');
          expect(closed.beta).toBeGreaterThanOrEqual(exactChoice.beta);
        }
      }
    }
  });
});
