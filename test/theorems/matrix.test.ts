/** The dense tools' linear algebra: known spectra, the trace identities Σλᵏ = tr(Aᵏ), A·A⁻¹ = I. */
import { describe, expect, it } from 'vitest';
import { TheoremHypothesisError } from '../../theorems/errors.ts';
import { eigenvalues, inverse, mul, norm2, spectralRadius } from '../../theorems/matrix.ts';

/** Deterministic uniform numbers in [−1, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

function randomMatrix(n: number, next: () => number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, next));
}

describe('eigenvalues', () => {
  it('finds known spectra: triangular, a rotation, a companion matrix, a Jordan block', () => {
    const sorted = (A: number[][]) => eigenvalues(A).map(([re, im]) => [re, im]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(sorted([[3, 7, 1], [0, -2, 5], [0, 0, 0.5]]).map(([re]) => re)).toEqual([-2, 0.5, 3]);
    const rotation = sorted([[0, -1], [1, 0]]);
    for (const [re, im] of rotation) {
      expect(re).toBeCloseTo(0, 14);
      expect(Math.abs(im!)).toBeCloseTo(1, 14);
    }
    // x³ − 6x² + 11x − 6 = (x − 1)(x − 2)(x − 3)
    const roots = sorted([[6, -11, 6], [1, 0, 0], [0, 1, 0]]);
    roots.forEach(([re, im], i) => {
      expect(re).toBeCloseTo(i + 1, 10);
      expect(im).toBeCloseTo(0, 10);
    });
    expect(spectralRadius([[0.9, 1, 0], [0, 0.9, 1], [0, 0, 0.9]])).toBeCloseTo(0.9, 12);
  });

  it("matches trace(Aᵏ) = Σλᵏ (k = 1, 2, 3) on random matrices up to 24×24 (where mathjs 15's eigs gave up on about half)", () => {
    const next = random(7);
    for (let n = 1; n <= 24; n++) {
      const A = randomMatrix(n, next);
      const lambda = eigenvalues(A);
      expect(lambda).toHaveLength(n);
      let P = A;
      for (let k = 1; k <= 3; k++, P = mul(P, A)) {
        const trace = P.reduce((t, r, i) => t + r[i]!, 0);
        // Re Σλᵏ via |λ|ᵏ cos(kθ); the imaginary parts cancel in conjugate pairs.
        const sum = lambda.reduce((t, [re, im]) => t + Math.hypot(re, im) ** k * Math.cos(k * Math.atan2(im, re)), 0);
        expect(Math.abs(sum - trace), `n = ${n}, k = ${k}`).toBeLessThan(1e-9 * n ** k);
        expect(Math.abs(lambda.reduce((t, [, im]) => t + im, 0))).toBeLessThan(1e-9 * n);
      }
      // ρ(A) ≤ ‖Aᵏ‖^(1/k) for every k (Gelfand), with equality in the limit.
      const powers = Array.from({ length: 6 }).reduce<number[][]>((B) => mul(B, B), A);
      const rho = spectralRadius(A);
      expect(rho).toBeLessThanOrEqual(Math.max(...powers.map((r) => r.reduce((t, v) => t + Math.abs(v), 0))) ** (1 / 64) * (1 + 1e-9));
      expect(rho).toBe(Math.max(...lambda.map(([re, im]) => Math.hypot(re, im))));
    }
  });

  it('symmetric eigenvalues: Σλ = tr S, Σλ² = ‖S‖_F², and ‖A‖₂ bounds ‖Ax‖₂/‖x‖₂ and is reached by the top eigenvector', () => {
    const next = random(11);
    for (let n = 1; n <= 16; n++) {
      const A = randomMatrix(n, next);
      const S = mul(A.map((_, i) => A.map((r) => r[i]!)), A);
      const values = eigenvalues(S).map(([re]) => re);
      const trace = S.reduce((t, r, i) => t + r[i]!, 0);
      const frobenius2 = S.reduce((t, r) => t + r.reduce((u, v) => u + v * v, 0), 0);
      expect(values.reduce((a, b) => a + b, 0) / trace - 1).toBeCloseTo(0, 12);
      expect(values.reduce((a, b) => a + b * b, 0) / frobenius2 - 1).toBeCloseTo(0, 12);
      // Power iteration on S converges to ‖A‖₂² from below.
      let x = Array.from({ length: n }, () => [1 + next()]);
      let estimate = 0;
      for (let k = 0; k < 2000; k++) {
        const y = mul(S, x);
        const size = Math.hypot(...y.map((r) => r[0]!));
        estimate = size / Math.hypot(...x.map((r) => r[0]!));
        x = y.map((r) => [r[0]! / size]);
      }
      const top = norm2(A) ** 2;
      expect(estimate).toBeLessThanOrEqual(top * (1 + 1e-12));
      expect(estimate / top).toBeGreaterThan(1 - 1e-6);
    }
  });
});

describe('inverse', () => {
  it('gives A·A⁻¹ = A⁻¹·A = I', () => {
    const next = random(3);
    for (let n = 1; n <= 16; n++) {
      const A = randomMatrix(n, next);
      const ours = inverse(A);
      for (const product of [mul(A, ours), mul(ours, A)]) {
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(product[i]![j]!).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
  });

  it('refuses a singular matrix with the hypothesis it needs', () => {
    expect(() => inverse([[1, 2], [2, 4]])).toThrow(TheoremHypothesisError);
    expect(() => inverse([[0, 0], [0, 0]])).toThrow(/A nonsingular/);
  });
});
