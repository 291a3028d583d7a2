/** The single-use constant K_j of fixed accuracy: a block that keeps no plane is stored as zeros, so K = 1, never 0. */
import { describe, expect, it } from 'vitest';
import { stepK } from '../../src/analysis/local-error.ts';

describe('stepK in fixed-accuracy mode', () => {
  it.each([
    [1e3, 0.5],
    [1e3, 1],
    [2 ** 9, 2 ** -1],
    [2 ** 40, 1e-3],
  ])('is 1 when τ = %s lies above the field range ‖x‖ = %s (no plane kept)', (tolerance, norm) => {
    for (const d of [1, 2, 3]) expect(stepK({ mode: 'accuracy', tolerance }, d, null, norm)).toBe(1);
  });

  it('is below 1 when many planes are kept', () => {
    for (const tolerance of [1e-12, 1e-6, 1e-2]) {
      const K = stepK({ mode: 'accuracy', tolerance }, 2, null, 3);
      expect(K).toBeGreaterThan(0);
      expect(K).toBeLessThanOrEqual(1);
    }
    expect(stepK({ mode: 'accuracy', tolerance: 1e-12 }, 2, null, 3)).toBeLessThan(1e-6);
  });
});
