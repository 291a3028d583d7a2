import { describe, expect, it } from 'vitest';
import { invOrderXformDouble3, invXformDouble } from '../../src/zfp/fast/lift-double.ts';
import { fwdXform64 } from '../../src/zfp/fast/lift64.ts';
import { fwdOrder64, invOrderToDouble } from '../../src/zfp/fast/negabinary.ts';
import { inverseSequencyPermutation, sequencyPermutation } from '../../src/zfp/sequency.ts';

// The fused 3D inverse reports whether C would have wrapped around (an output at or beyond 2^63)
// with its own test on the outputs. A block of one coefficient (the first) inverts to 64 copies of
// it, so its magnitude sets the largest output exactly: these hold the report equal to the
// general inverse's on both sides of 2^63.

const perm = sequencyPermutation(3), iperm = inverseSequencyPermutation(3);

/** Negabinary coefficients (uhi, ulo) in sequency order of an int64 block given as its (hi, lo) words. */
function coefficients(hi: Int32Array, lo: Int32Array): [Int32Array, Int32Array] {
  const uhi = new Int32Array(64), ulo = new Int32Array(64);
  fwdOrder64(uhi, ulo, hi, lo, perm, 64);
  return [uhi, ulo];
}

/** Both inverses' reports and values on a block whose first value is hi · 2^32 + lo (low word unsigned), its `spot` value `small`. */
function invert(hi: number, lo: number, spot: number, small: number): { general: boolean; fused: boolean; expected: Float64Array; actual: Float64Array } {
  const his = new Int32Array(64), los = new Int32Array(64);
  his[0] = hi;
  los[0] = lo;
  los[spot] = small;
  const [uhi, ulo] = coefficients(his, los);
  const expected = new Float64Array(64), actual = new Float64Array(64);
  invOrderToDouble(uhi, ulo, expected, iperm, 64, false);
  const general = invXformDouble(expected, 3, false, 2 ** -62);
  const fused = invOrderXformDouble3(uhi, ulo, iperm, false, actual, 2 ** -62, null, null);
  return { general, fused, expected, actual };
}

describe('fused 3D inverse: wrap-around report', () => {
  it('is false from 2^63 on and true below, as the general inverse', () => {
    const cases: [hi: number, lo: number, wraps: boolean][] = [
      [-0x80000000, 0, true], // −2^63: |output| = 2^63
      [0x7fffffff, 0, false], // 2^63 − 2^32
      [-0x7fffffff, 0, false], // −(2^63 − 2^32)
      [0x40000000, 0, false], // 2^62
      [0, 1 << 20, false],
    ];
    for (const [hi, lo, wraps] of cases) {
      // A second, small coefficient moves some outputs by less than 2^32 and keeps the rest at the first value.
      for (const spot of [1, 21, 63]) {
        const { general, fused, expected, actual } = invert(hi, lo, spot, 1 << 12);
        expect(general).toBe(!wraps);
        expect(fused).toBe(general);
        expect(actual).toEqual(expected);
      }
    }
  });

  it('catches an output past 2^63 wherever in the block it lies', () => {
    // Coefficients of a block zero but for one value near −2^63 at p: its inverse puts the block's
    // extreme output at or near p, so every row and column of the output test is reached.
    const wrapsAt = new Set<number>(), fitsAt = new Set<number>();
    for (let p = 0; p < 64; p++) {
      for (const offset of [0n, 1n << 12n, 1n << 40n]) {
        const value = BigInt.asUintN(64, -(1n << 63n) + offset);
        const his = new Int32Array(64), los = new Int32Array(64);
        his[p] = Number(BigInt.asIntN(32, value >> 32n));
        los[p] = Number(BigInt.asIntN(32, value));
        fwdXform64(his, los, 3);
        const [uhi, ulo] = coefficients(his, los);
        const expected = new Float64Array(64), actual = new Float64Array(64);
        invOrderToDouble(uhi, ulo, expected, iperm, 64, false);
        const general = invXformDouble(expected, 3, false, 2 ** -62);
        expect(invOrderXformDouble3(uhi, ulo, iperm, false, actual, 2 ** -62, null, null)).toBe(general);
        expect(actual).toEqual(expected);
        (general ? fitsAt : wrapsAt).add(p);
      }
    }
    // Wrap-around seen at every position, and blocks that fit too.
    expect(wrapsAt.size).toBe(64);
    expect(fitsAt.size).toBeGreaterThan(0);
  });
});
