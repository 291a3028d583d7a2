/**
 * theorems/ may not import the codec, so kbeta.ts restates the few zfp facts it builds on.
 * This test may import both: it fails as soon as a copy drifts from the codec's original.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPrecision, resolveParams } from '../../src/zfp/params.ts';
import { traitsOf, ZFP_MAX_PREC as CODEC_MAX_PREC, ZFP_MIN_EXP as CODEC_MIN_EXP } from '../../src/zfp/traits.ts';
import { accuracyMinExp, planesKept, SCALAR_FACTS, ZFP_MAX_PREC, ZFP_MIN_EXP } from '../../theorems/kbeta.ts';

describe("kbeta.ts's copies of codec facts", () => {
  it('constants and integer widths equal the codec’s', () => {
    expect(ZFP_MIN_EXP).toBe(CODEC_MIN_EXP);
    expect(ZFP_MAX_PREC).toBe(CODEC_MAX_PREC);
    for (const type of ['float32', 'float64'] as const) expect(SCALAR_FACTS[type].intprec).toBe(traitsOf(type).intprec);
  });

  it('planesKept is the codec’s blockPrecision', () => {
    const params = (maxprec: number, minexp: number) => ({ minbits: 1, maxbits: 16658, maxprec, minexp });
    fc.assert(
      fc.property(
        fc.integer({ min: -1100, max: 1100 }),
        fc.integer({ min: -1100, max: 1100 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 64 }),
        (emax, minexp, d, maxprec) => {
          expect(planesKept(emax, minexp, d, maxprec)).toBe(blockPrecision(emax, params(maxprec, minexp), d));
        },
      ),
      { numRuns: 2000 },
    );
    // The default maxprec, and the edges where the clamps switch.
    for (const d of [1, 2, 3, 4]) {
      for (const emax of [ZFP_MIN_EXP - 2 * d - 3, ZFP_MIN_EXP - 2 * d - 2, ZFP_MIN_EXP - 2 * d - 1, 0, 1023]) {
        expect(planesKept(emax, ZFP_MIN_EXP, d)).toBe(blockPrecision(emax, params(CODEC_MAX_PREC, CODEC_MIN_EXP), d));
      }
    }
  });

  it('accuracyMinExp is the minexp the codec sets for a tolerance', () => {
    const minexp = (tolerance: number) => resolveParams({ mode: 'accuracy', tolerance }, 'float64', 1).minexp;
    const tolerances = [Number.MIN_VALUE, 2 ** -1022, 1e-300, 1e-6, 0.1, 0.5, 1, 3, 2 ** 52, 1e300, Number.MAX_VALUE];
    for (const t of tolerances) expect(accuracyMinExp(t)).toBe(minexp(t));
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (t) => {
        expect(accuracyMinExp(t)).toBe(minexp(t));
      }),
      { numRuns: 2000 },
    );
  });
});
