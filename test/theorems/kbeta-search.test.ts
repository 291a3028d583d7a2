import { describe, expect, it } from 'vitest';
import { searchKBeta } from '../../experiments/kbeta-search.ts';

describe('adversarial search against K_β (CI sample)', () => {
  it('finds no block with err > K_β‖x_B‖ for any (β, d, type)', () => {
    const rows = searchKBeta({ blocks: 64, seed: 7 });
    expect(rows).toHaveLength(4 * (64 + 32));
    const broken = rows.filter((r) => r.worstRatio > 1);
    expect(broken).toEqual([]);
    // the bound is not vacuous: somewhere it is nearly attained
    expect(Math.max(...rows.map((r) => r.worstRatio))).toBeGreaterThan(0.5);
  });
});
