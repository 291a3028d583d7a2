import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  TheoremHypothesisError,
  extraIterations,
  firstBelow,
  fixedPointBound,
  fixedPointPriorBound,
  kBeta,
  lipschitzBetaMin,
  lipschitzBound,
  lipschitzPriorBound,
  measuredExtraIterations,
  powerSum,
  stallLevel,
} from '../../theorems/index.ts';

describe('S_k(L)', () => {
  it('matches hand sums in both regimes', () => {
    expect(powerSum(1, 7)).toBe(7);
    expect(powerSum(0.5, 3)).toBeCloseTo(0.5 + 0.25 + 0.125, 15);
    expect(powerSum(2, 3)).toBeCloseTo(14, 12);
    expect(powerSum(0.9, 10_000)).toBeCloseTo(9, 10); // → L/(1 − L)
    expect((powerSum(1 + 2 ** -40, 1000) - 1000) / (2 ** -40 * 500500)).toBeCloseTo(1, 6); // Σ (1 + iε)
  });
});

describe('Theorem 3.3', () => {
  it('matches Σ L^{k−j} K ‖x̃_j‖ by hand', () => {
    const r = lipschitzBound({ L: 0.5, norms: [2, 4], K: 0.1 });
    expect(r.kind).toBe('bound');
    // e1 = 0.5·0.1·2 = 0.1; e2 = 0.25·0.1·2 + 0.5·0.1·4 = 0.25
    expect(Array.from(r.bounds)).toEqual([0, 0.1, expect.closeTo(0.25, 15)]);
  });

  it('equals the explicit sum (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1.5, noNaN: true }), fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 20 }), (L, norms) => {
        const K = norms.map((_, j) => 1e-3 * (j + 1));
        const b = lipschitzBound({ L, norms, K }).bounds;
        const k = norms.length;
        let s = 0;
        for (let j = 0; j < k; j++) s += L ** (k - j) * K[j]! * norms[j]!;
        return Math.abs(b[k]! - s) <= 1e-12 * (1 + s);
      }),
    );
  });

  it('says when L > 1 makes the bound geometric', () => {
    const r = lipschitzBound({ L: 1.16, norms: new Array(100).fill(1), K: 1e-6 });
    expect(r.kind).toBe('geometric');
    if (r.kind === 'geometric') expect(r.amplification).toBeCloseTo(1.16 ** 100, 0);
  });
});

describe('Lemma 3.5 β_min', () => {
  it('returns the smallest β meeting ε', () => {
    const prior = { L: 1, M: 1, steps: 400 };
    const c = lipschitzBetaMin(1e-6, prior, 2, 'float64');
    expect(c.kind).toBe('feasible');
    expect(lipschitzPriorBound(kBeta(c.beta, 2, 'float64'), prior)).toBeLessThanOrEqual(1e-6);
    expect(lipschitzPriorBound(kBeta(c.beta - 1, 2, 'float64'), prior)).toBeGreaterThan(1e-6);
  });

  it('reports infeasible with the floor reachable', () => {
    const c = lipschitzBetaMin(1e-30, { L: 1, M: 1, steps: 10 }, 1, 'float32');
    expect(c.kind).toBe('infeasible');
    expect(c.predicted).toBeCloseTo(10 * kBeta(32, 1, 'float32'), 20);
  });
});

describe('Theorems 3.7 and 3.9', () => {
  it('bounds and stalls as computed by hand', () => {
    const b = fixedPointBound({ L: 0.5, initialError: 1, norms: [1, 1], K: 0.01 });
    // b1 = 0.5(1 + 0.01) = 0.505; b2 = 0.5(0.505 + 0.01) = 0.2575
    expect(b[1]).toBeCloseTo(0.505, 15);
    expect(b[2]).toBeCloseTo(0.2575, 15);
    expect(stallLevel(0.01, 1, 0.5)).toBeCloseTo(0.01, 15);
    expect(fixedPointPriorBound(0.5, 1, 3, 0.01)).toBeCloseTo(0.135, 15);
  });

  it('predicts extra iterations: ⌈ln(1 − δ/E_k)/ln L⌉', () => {
    // L = 0.5, E_3 = 1/8, δ = 1/16: ln(1/2)/ln(1/2) = 1
    expect(extraIterations(0.5, 1, 3, 1 / 16)).toMatchObject({ kind: 'reachable', mPred: 1 });
    // δ = 0.1, E_3 = 0.125: ln(0.2)/ln(0.5) = 2.32 → 3
    expect(extraIterations(0.5, 1, 3, 0.1)).toMatchObject({ kind: 'reachable', mPred: 3 });
    expect(extraIterations(0.5, 1, 3, 0.2).kind).toBe('unreachable');
    expect(extraIterations(0.9, 1, 10, 0)).toMatchObject({ mPred: 0 });
  });

  it('refuses L ≥ 1 with a typed error', () => {
    expect(() => stallLevel(1e-6, 1, 1)).toThrow(TheoremHypothesisError);
    expect(() => fixedPointBound({ L: 1.01, initialError: 1, norms: [1], K: 0 })).toThrow(/contraction/);
  });

  it('measures k(ε), k̃(ε) and m_actual', () => {
    expect(firstBelow([1, 0.1, 0.01], 0.05)).toBe(2);
    expect(measuredExtraIterations([1, 0.1, 0.01, 0.001], [1, 0.1, 0.02, 0.002], 0.01)).toBe(1);
    expect(measuredExtraIterations([1, 0.1], [1, 0.5], 0.01)).toBeNull();
  });
});
