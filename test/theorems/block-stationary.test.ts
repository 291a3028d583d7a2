import { describe, expect, it } from 'vitest';
import {
  TheoremHypothesisError,
  backwardClosedFormTarget,
  closedFormBeta,
  backwardEulerDiffusion,
  blockDominance,
  forwardClosedFormTarget,
  kBeta,
  powerDecay,
  stationaryBetaMin,
  stationarySums,
  successiveDisplacementBound,
  successiveDisplacementPrior,
} from '../../theorems/index.ts';

describe('Theorem 3.16', () => {
  it('accepts backward-Euler diffusion and computes γ, λ', () => {
    const f = blockDominance(backwardEulerDiffusion(10, 0.4));
    expect(f.dominant).toBe(true);
    expect(f.blocks).toBe(3);
    expect(f.padded).toBe(2);
    expect(f.l[0]).toBe(0);
    expect(f.gamma).toBeLessThan(1);
    expect(f.lambda).toBeGreaterThanOrEqual(1);
    const b = successiveDisplacementBound(f, 1e-3, [1, 1, 1]);
    expect(b[1]).toBeCloseTo(f.lambda * 1e-3, 15);
    expect(b[2]).toBeCloseTo(f.gamma * f.lambda * 1e-3 + f.lambda * 1e-3, 15);
    expect(b[3]).toBeLessThanOrEqual(successiveDisplacementPrior(f, 1e-3, 1));
  });

  it('matches hand values for a block-diagonal matrix', () => {
    // 8×8 with 2I blocks on the diagonal and 0.5 in one off-diagonal block entry
    const A = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i === j ? 2 : i === 0 && j === 4 ? 0.5 : 0)));
    const f = blockDominance(A);
    expect(f.u[0]).toBeCloseTo(0.25, 15); // ‖A_00⁻¹‖ = 1/2, ‖A_01‖ = 1/2
    expect(f.gamma).toBeCloseTo(0.25, 15);
    expect(f.lambda).toBe(1);
  });

  it('refuses a matrix that is not block diagonally dominant', () => {
    const A = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i === j ? 1 : Math.abs(i - j) === 4 ? 2 : 0)));
    const f = blockDominance(A);
    expect(f.dominant).toBe(false);
    expect(() => successiveDisplacementBound(f, 1e-3, [1])).toThrow(TheoremHypothesisError);
    expect(() => successiveDisplacementBound(f, 1e-3, [1])).toThrow(/misses it by 1/);
  });
});

describe('Lemmas 3.18 and 3.20', () => {
  // Jacobi for A = [[4, 1], [1, 3]]
  const M = [[4, 0], [0, 3]];
  const N = [[0, -1], [-1, 0]];

  it('computes the four sums by hand for k = 1', () => {
    const s = stationarySums({ M, N, steps: 1, cn: 1 });
    expect(s.rho).toBeCloseTo(Math.sqrt(1 / 12), 12);
    expect(s.forwardFp).toBeCloseTo(1 / 3, 15); // ‖M⁻¹‖
    expect(s.forwardZfp).toBeCloseTo(1 / 3, 15); // ‖G‖, G = [[0, −1/4], [−1/3, 0]]
    expect(s.backwardFp).toBeCloseTo(4 / 3, 15); // ‖I − H‖, H = [[0, −1/3], [−1/4, 0]]
    expect(s.backwardZfp).toBeCloseTo(4 / 3, 15); // ‖A G‖ = ‖[[−1/3, −1], [−1, −1/4]]‖
    expect(s.fpScale).toBeCloseTo(2 ** -53 * (4 + 1 + 5), 30);
  });

  it('picks β where ZFP error falls below floating-point error', () => {
    const s = stationarySums({ M, N, steps: 50, cn: 2 });
    const { forward, backward } = stationaryBetaMin(s, 1, 'float64');
    expect(forward.kind).toBe('feasible');
    expect(forward.K * s.forwardZfp).toBeLessThanOrEqual(s.fpScale * s.forwardFp);
    expect(kBeta(forward.beta - 1, 1, 'float64') * s.forwardZfp).toBeGreaterThan(s.fpScale * s.forwardFp);
    expect(backward.kind).toBe('feasible');
  });

  it('closed forms: κ scales the forward target, enters the backward one only through κ·qᵏ', () => {
    const at = (kappa: number, q: number, steps = 100) => ({ decay: { C: 1, q }, kappa, cn: 1, steps });
    expect(forwardClosedFormTarget(at(1e10, 0.5)) / forwardClosedFormTarget(at(10, 0.5))).toBeCloseTo(1e9, 0);
    expect(forwardClosedFormTarget(at(10, 0.5))).toBeCloseTo((2 * 2 ** -53 * 10 * 0.5) / 0.5, 30);
    // q = 0.9, k = 100: qᵏ = 2.7e-5, so κ = 10 leaves the backward target alone and κ = 1e6 lowers it.
    expect(backwardClosedFormTarget(at(10, 0.9)) / backwardClosedFormTarget(at(1, 0.9))).toBeCloseTo(1, 3);
    expect(backwardClosedFormTarget(at(1e6, 0.9))).toBeLessThan(backwardClosedFormTarget(at(10, 0.9)) / 5);
    expect(closedFormBeta(backwardClosedFormTarget(at(1e6, 0.9)), 2, 'float64').beta).toBeGreaterThan(closedFormBeta(backwardClosedFormTarget(at(10, 0.9)), 2, 'float64').beta);
  });

  it('refuses ρ(G) ≥ 1', () => {
    expect(() => stationarySums({ M: [[1, 0], [0, 1]], N: [[0, 2], [2, 0]], steps: 3, cn: 1 })).toThrow(TheoremHypothesisError);
    expect(() => forwardClosedFormTarget({ decay: { C: 1, q: 1 }, kappa: 10, cn: 1, steps: 5 })).toThrow(TheoremHypothesisError);
    expect(() => powerDecay([[0, 1], [1, 0]], 20)).toThrow(/contracts/);
  });
});
