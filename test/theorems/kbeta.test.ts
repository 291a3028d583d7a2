import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  TheoremDomainError,
  accuracyMinExp,
  errorModel,
  kAccuracy,
  kBeta,
  kFromPlanes,
  kRate,
  negabinaryTruncation,
  planeConstant,
  planesKept,
} from '../../theorems/index.ts';

/** zfp's forward lifting of one line in exact integer arithmetic (BigInt), for the range lemma. */
function forwardLine(v: bigint[]): { out: bigint[]; shifted: bigint[] } {
  let [x, y, z, w] = v as [bigint, bigint, bigint, bigint];
  const shifted: bigint[] = [];
  const shr = (a: bigint) => (shifted.push(a), a >> 1n);
  x += w; x = shr(x); w -= x;
  z += y; z = shr(z); y -= z;
  x += z; x = shr(x); z -= x;
  w += y; w = shr(w); y -= w;
  w += shr(y); y -= shr(w);
  return { out: [x, y, z, w], shifted };
}

describe('error model of the lifting pipeline', () => {
  it('has linear parts that invert exactly and an inverse gain of (15/4)^d', () => {
    for (const d of [1, 2, 3, 4] as const) {
      const m = errorModel(d);
      expect(m.residualData).toBe(0);
      expect(m.inverseGain).toBeCloseTo(3.75 ** d, 12);
    }
  });

  it('forward lifting maps [−M, M]^4 into itself with shift operands in [−2M, 2M] (exhaustive, M = 9)', () => {
    const M = 9n;
    for (let a = -M; a <= M; a++)
      for (let b = -M; b <= M; b++)
        for (let c = -M; c <= M; c++)
          for (let e = -M; e <= M; e++) {
            const { out, shifted } = forwardLine([a, b, c, e]);
            for (const o of out) if (o < -M || o > M) throw new Error(`output ${o} from ${[a, b, c, e]}`);
            for (const s of shifted) if (s < -2n * M || s > 2n * M) throw new Error(`operand ${s}`);
          }
  });
});

describe('negabinary truncation', () => {
  it('matches brute force over 8-digit negabinary numbers', () => {
    for (let k = 0; k <= 8; k++) {
      const { below, above } = negabinaryTruncation(k);
      let lo = 0;
      let hi = 0;
      for (let u = 0; u < 256; u++) {
        let low = 0;
        for (let i = 0; i < k; i++) if ((u >> i) & 1) low += (-2) ** i;
        lo = Math.min(lo, -low);
        hi = Math.max(hi, -low);
      }
      expect([lo, hi]).toEqual([-below, above]);
      expect(Math.max(below, above)).toBeLessThan(2 ** (k + 1) / 3 + 1e-9);
    }
  });
});

describe('K_β', () => {
  it('reduces to c_d 2^(−β) = (16/3)(15/4)^d 2^(−β) where bit planes dominate', () => {
    for (const d of [1, 2, 3, 4]) {
      for (const beta of [16, 24, 32]) {
        expect(kBeta(beta, d, 'float64') * 2 ** beta / planeConstant(d)).toBeCloseTo(1, 6);
        expect(kBeta(beta, d, 'float64') * 2 ** beta).toBeGreaterThanOrEqual(planeConstant(d));
      }
    }
    expect(planeConstant(1)).toBeCloseTo(20, 12); // zfp FAQ's k(1)
  });

  it('is the range cap 5 when overflow cannot be excluded and at least 1 everywhere below full precision', () => {
    expect(kBeta(1, 1, 'float64')).toBe(5);
    expect(kFromPlanes(0, 3, 'float32').K).toBe(5);
    expect(kFromPlanes(8, 4, 'float64').overflowPossible).toBe(true);
    for (const type of ['float64', 'float32'] as const)
      for (const d of [1, 2, 3, 4]) for (let b = 1; b <= 3; b++) expect(kBeta(b, d, type)).toBeGreaterThanOrEqual(1);
  });

  it('covers block-float, lifting and conversion round-off near full precision', () => {
    const full = kFromPlanes(64, 1, 'float64');
    expect(full.truncation).toBe(0);
    expect(full.lifting).toBeGreaterThan(0);
    expect(full.blockFloat).toBe(2 ** -61);
    expect(full.K).toBeLessThan(1e-17);
    expect(kBeta(32, 4, 'float32')).toBeGreaterThan(kFromPlanes(32, 4, 'float32').truncation);
  });

  it('is nonincreasing in β outside the capped range', () => {
    fc.assert(
      fc.property(fc.constantFrom('float64' as const, 'float32' as const), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 63 }), (type, d, beta) => {
        fc.pre(beta < (type === 'float64' ? 64 : 32));
        return kBeta(beta + 1, d, type) <= kBeta(beta, d, type);
      }),
    );
  });

  it('rejects β outside 1..intprec and unknown dimensions', () => {
    expect(() => kBeta(0, 1, 'float64')).toThrow(TheoremDomainError);
    expect(() => kBeta(33, 1, 'float32')).toThrow(TheoremDomainError);
    expect(() => kBeta(8, 5, 'float64')).toThrow(TheoremDomainError);
  });
});

describe('fixed accuracy and fixed rate', () => {
  it('takes minexp from frexp(τ) − 1', () => {
    expect(accuracyMinExp(1)).toBe(0);
    expect(accuracyMinExp(1e-3)).toBe(-10);
    expect(accuracyMinExp(0.75)).toBe(-1);
    expect(accuracyMinExp(2 ** -40)).toBe(-40);
  });

  it('keeps min(maxprec, max(0, emax − minexp + 2d + 2)) planes', () => {
    expect(planesKept(1, -10, 2)).toBe(17);
    expect(planesKept(-30, -10, 2)).toBe(0);
    expect(planesKept(1, -1074, 3)).toBe(64);
  });

  it('gives K = 1 to a block that keeps no plane, and K from planes otherwise', () => {
    expect(kAccuracy(-30, 1e-3, 2, 'float64')).toBe(1);
    expect(kAccuracy(1, 1e-3, 2, 'float64')).toBe(kFromPlanes(17, 2, 'float64').K);
    expect(kRate(20, 3, 'float32')).toBe(kFromPlanes(20, 3, 'float32').K);
    expect(kFromPlanes(70, 1, 'float32').planes).toBe(32);
  });
});
