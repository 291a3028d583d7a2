import { describe, expect, it } from 'vitest';
import {
  TheoremHypothesisError,
  conditionInf,
  densePowerNorms,
  kreissEstimate,
  latticePowerNorms,
  laxWendroffStencil,
  maxNormLipschitz,
  nonnegativePowerNorms,
  norm1,
  norm2,
  normInf,
  periodicPowerNorms,
  powerBoundedBetaMin,
  powerBoundedBound,
  spectralRadius,
  signedPowerNorms,
  stencilLipschitz,
  submultiplicativePowerNorms,
} from '../../theorems/index.ts';

describe('stencils', () => {
  it('gives Lax–Wendroff L = 1 + ν − ν² and ‖A²‖∞ by hand', () => {
    const s = laxWendroffStencil(0.8);
    expect(stencilLipschitz(s)).toBeCloseTo(1 + 0.8 - 0.64, 14);
    const n = latticePowerNorms(s, 2);
    // A² kernel: a², 2ab, 2ac + b², 2bc, c² with a = 0.72, b = 0.36, c = −0.08
    expect(n[1]).toBeCloseTo(1.16, 14);
    expect(n[2]).toBeCloseTo(0.5184 + 0.5184 + 0.0144 + 0.0576 + 0.0064, 14);
  });

  it('keeps LW powers bounded while L^n explodes', () => {
    const n = periodicPowerNorms(laxWendroffStencil(0.8), [90], 225);
    expect(Math.max(...n)).toBeLessThan(2);
    expect(1.16 ** 225).toBeGreaterThan(1e14);
  });

  it('wraps on a small periodic grid', () => {
    // N = 2: offsets −1 and +1 land on the same cell, so c and a combine: |a + c| + |b|
    const n = periodicPowerNorms(laxWendroffStencil(0.8), [2], 1);
    expect(n[1]).toBeCloseTo(Math.abs(0.72 - 0.08) + 0.36, 14);
  });

  it('matches dense powers of the circulant', () => {
    const s = laxWendroffStencil(0.5);
    const N = 6;
    const A = Array.from({ length: N }, (_, i) => {
      const r = new Array<number>(N).fill(0);
      s.offsets.forEach((o, k) => (r[(((i + o[0]!) % N) + N) % N]! += s.weights[k]!));
      return r;
    });
    const dense = densePowerNorms(A, 8);
    const fast = periodicPowerNorms(s, [N], 8);
    for (let k = 0; k <= 8; k++) expect(fast[k]).toBeCloseTo(dense[k]!, 12);
  });

  it('converts 2-norm constants instead of mixing them', () => {
    expect(maxNormLipschitz({ lipschitz: 0.9, norm: 'two', linear: true }, 16)).toEqual({ L: 3.6, method: expect.stringContaining('√N') });
  });
});

describe('nonnegative operators', () => {
  it('computes max(A^n 1) and refuses undeclared or negative operators', () => {
    const A = [[0.5, 0.25], [0, 0.5]];
    const op = { size: 2, nonnegative: true, apply: (x: Float64Array, out: Float64Array) => { out[0] = 0.5 * x[0]! + 0.25 * x[1]!; out[1] = 0.5 * x[1]!; } };
    const n = nonnegativePowerNorms(op, 3);
    const dense = densePowerNorms(A, 3);
    for (let k = 0; k <= 3; k++) expect(n[k]).toBeCloseTo(dense[k]!, 15);
    expect(() => nonnegativePowerNorms({ ...op, nonnegative: undefined }, 2)).toThrow(TheoremHypothesisError);
    const neg = { size: 1, nonnegative: true, apply: (x: Float64Array, out: Float64Array) => void (out[0] = -x[0]!) };
    expect(() => nonnegativePowerNorms(neg, 1)).toThrow(/A ≥ 0/);
  });
});

describe('dense tools', () => {
  it('computes 2×2 norms, ρ and κ by hand', () => {
    const A = [[2, -1], [0, 1]];
    expect(normInf(A)).toBe(3);
    expect(norm1(A)).toBe(2);
    expect(norm2([[3, 0], [0, -4]])).toBeCloseTo(4, 12);
    expect(spectralRadius(A)).toBeCloseTo(2, 12);
    expect(spectralRadius([[0, 1], [-1, 0]])).toBeCloseTo(1, 12);
    // A⁻¹ = [[0.5, 0.5], [0, 1]] → ‖A⁻¹‖∞ = 1
    expect(conditionInf(A)).toBeCloseTo(3, 12);
  });

  it('estimates the Kreiss constant: ≈ 1 for a normal matrix, large for a Jordan-like block', () => {
    const normal = kreissEstimate([[0.5, 0], [0, -0.9]]);
    expect(normal.K).toBeLessThanOrEqual(1 + 1e-12);
    expect(normal.K).toBeGreaterThan(0.5);
    const skewed = kreissEstimate([[0.99, 10], [0, 0.99]]);
    expect(skewed.K).toBeGreaterThan(5);
    expect(() => kreissEstimate([[1.1]])).toThrow(TheoremHypothesisError);
  });
});

describe('Theorem 3.12 and Lemma 3.14', () => {
  it('sums ‖A^{k−j}‖ K ‖x̃_j‖ exactly and with C_k', () => {
    const r = powerBoundedBound({ powerNorms: [1, 2, 1.5, 3], norms: [1, 2, 4], K: 0.1 });
    // k=2: ‖A²‖·0.1·1 + ‖A‖·0.1·2 = 0.15 + 0.4
    expect(r.exact[2]).toBeCloseTo(0.55, 15);
    expect(r.C[2]).toBe(2);
    expect(r.constant[2]).toBeCloseTo(2 * 0.3, 15);
    // k=3: 3·0.1 + 1.5·0.2 + 2·0.4
    expect(r.exact[3]).toBeCloseTo(1.4, 15);
    expect(r.constant[3]).toBeCloseTo(3 * 0.7, 15);
  });

  it('gives every step the bits of the plain ascending sum Σ_{j<k} ‖A^{k−j}‖·K·‖x̃_j‖, whatever the step count', () => {
    // Four steps share a pass: counts around multiples of 4 reach both the shared and the leftover sums.
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const steps of [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 64, 101]) {
      const powerNorms = Array.from({ length: steps + 1 }, (_, n) => (n === 0 ? 1 : Math.min(1, 3 * 0.97 ** n) * (1 + next())));
      const norms = Array.from({ length: steps }, () => 10 ** (-12 * next()));
      const { exact } = powerBoundedBound({ powerNorms, norms, K: 0.3 });
      for (let k = 1; k <= steps; k++) {
        let sum = 0;
        for (let j = 0; j < k; j++) sum += powerNorms[k - j]! * (0.3 * norms[j]!);
        expect(Object.is(exact[k], sum), `k = ${k} of ${steps}`).toBe(true);
      }
      expect(exact[0]).toBe(0);
    }
  });

  it('chooses β from C·K_β·M·k', () => {
    const c = powerBoundedBetaMin(1e-8, { C: 1.5, M: 1, steps: 225 }, 1, 'float64');
    expect(c.kind).toBe('feasible');
    expect(c.predicted).toBeLessThanOrEqual(1e-8);
  });
});

describe('signed power norms (no stencil, entries of either sign)', () => {
  // Lax–Wendroff with zero Dirichlet ends: a banded Toeplitz matrix whose rows near the ends lose taps.
  const n = 12;
  const [a, b, c] = laxWendroffStencil(0.6).weights as [number, number, number];
  const dense = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === i - 1 ? a : j === i ? b : j === i + 1 ? c : 0)));
  const apply = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = dense[i]!.reduce((s, w, j) => s + w * x[j]!, 0);
  };

  it('equal the dense matrix powers’ row sums, which differ from max(Aⁿ1) and from Lⁿ', () => {
    const signed = signedPowerNorms({ size: n, apply }, 20);
    const reference = densePowerNorms(dense, 20);
    for (let k = 0; k <= 20; k++) expect(signed[k]).toBeCloseTo(reference[k]!, 13);
    const L = Math.abs(a) + Math.abs(b) + Math.abs(c);
    expect(signed[20]).toBeLessThan(0.5 * L ** 20);
  });

  it('past the exact ones, submultiplicativity bounds them soundly and tighter than Lⁿ', () => {
    const exact = densePowerNorms(dense, 60);
    const extended = submultiplicativePowerNorms(signedPowerNorms({ size: n, apply }, 8), 60);
    expect(extended.length).toBe(61);
    for (let k = 0; k <= 60; k++) expect(extended[k]).toBeGreaterThanOrEqual(exact[k]! * (1 - 1e-12));
    expect(extended[60]).toBeLessThan(exact[1]! ** 60);
    expect(() => submultiplicativePowerNorms([1], 5)).toThrow(/needs ‖A⁰‖ and ‖A¹‖/);
  });
});
