import { describe, expect, it } from 'vitest';
import { blockExponent, castToInts } from '../../src/zfp/fast/block-float.ts';
import { fwdCastXformOrder3 } from '../../src/zfp/fast/forward-3d.ts';
import { blockPosition, placeBlock } from '../../src/zfp/fast/gather.ts';
import { invOrderXform2dToField } from '../../src/zfp/fast/inverse-2d.ts';
import { coefficientsInverseExact, columnLimit2d, doubleInverseExact, invOrderXformDouble3, invXformDouble, wrapImpossible } from '../../src/zfp/fast/lift-double.ts';
import { invXform64, fwdXform64 } from '../../src/zfp/fast/lift64.ts';
import { castToSplit, fwdOrderSplit, fwdXformSplit } from '../../src/zfp/fast/lift-split.ts';
import { fwdOrder64, invOrder64, invOrderToDouble } from '../../src/zfp/fast/negabinary.ts';
import { inverseSequencyPermutation, sequencyPermutation } from '../../src/zfp/sequency.ts';
import { traitsOf } from '../../src/zfp/traits.ts';
import { layoutOf } from '../../src/zfp/layout.ts';

// The bulk path computes float64 blocks in doubles where that is exact; the (hi, lo) int32-pair
// path is the literal transcription of zfp's 64-bit integer code. These tests hold the two equal
// on the blocks most likely to break the shortcuts: magnitudes at the edge of the 62-bit range.

const t = traitsOf('float64');
let seed = 2024;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

/** Blocks whose largest magnitudes sit just below 2^emax, so the block-float integers approach ±2^62. */
function edgeBlock(size: number, kind: number): Float64Array {
  const x = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const sign = kind === 1 ? (i % 2 ? -1 : 1) : random() < 0.5 ? -1 : 1;
    const magnitude = kind === 2 ? random() : kind === 3 && random() < 0.3 ? 1e-9 * random() : 1 - 2 ** -53 * (1 + Math.floor(random() * 4));
    x[i] = sign * magnitude;
  }
  return x;
}

describe('forward transform on (double, int32) splits', () => {
  it('gives the same negabinary coefficients as the (hi, lo) transcription of zfp', () => {
    for (let it = 0; it < 4000; it++) {
      const d = 1 + (it % 4), size = 4 ** d, perm = sequencyPermutation(d);
      const x = edgeBlock(size, it % 4);
      const emax = blockExponent(x, size, t);
      const a = new Float64Array(size), b = new Int32Array(size);
      const fast = [new Int32Array(size), new Int32Array(size)] as const;
      castToSplit(x, a, b, size, emax);
      fwdXformSplit(a, b, d);
      fwdOrderSplit(fast[0], fast[1], a, b, perm, size, false);
      const high = new Int32Array(size);
      fwdOrderSplit(high, new Int32Array(size), a, b, perm, size, true);
      expect(high).toEqual(fast[0]);
      const hi = new Int32Array(size), lo = new Int32Array(size);
      const exact = [new Int32Array(size), new Int32Array(size)] as const;
      castToInts(x, hi, lo, size, emax, t);
      fwdXform64(hi, lo, d);
      fwdOrder64(exact[0], exact[1], hi, lo, perm, size);
      expect(fast).toEqual(exact);
    }
  });
});

describe('3D forward with the cast and the order fused', () => {
  it('equals castToSplit, fwdXformSplit and fwdOrderSplit, with and without the low words', () => {
    const perm = sequencyPermutation(3), iperm = inverseSequencyPermutation(3);
    for (let it = 0; it < 1000; it++) {
      const x = edgeBlock(64, it % 4), highOnly = it % 8 >= 4;
      const emax = blockExponent(x, 64, t);
      const a = new Float64Array(64), b = new Int32Array(64);
      const expected = [new Int32Array(64), new Int32Array(64)] as const, fused = [new Int32Array(64), new Int32Array(64)] as const;
      castToSplit(x, a, b, 64, emax);
      fwdXformSplit(a, b, 3);
      fwdOrderSplit(expected[0], expected[1], a, b, perm, 64, highOnly);
      fwdCastXformOrder3(x, emax, new Float64Array(64), new Int32Array(64), iperm, fused[0], fused[1], highOnly);
      expect(fused).toEqual(expected);
    }
  });
});

describe('inverse transform in doubles', () => {
  it('equals the (hi, lo) transform on coefficients truncated as the coder leaves them, or declines', () => {
    let checked = 0;
    for (let it = 0; it < 4000; it++) {
      const d = 1 + (it % 4), size = 4 ** d, perm = sequencyPermutation(d), iperm = inverseSequencyPermutation(d);
      const x = edgeBlock(size, it % 4);
      const emax = blockExponent(x, size, t);
      const hi = new Int32Array(size), lo = new Int32Array(size), uhi = new Int32Array(size), ulo = new Int32Array(size);
      castToInts(x, hi, lo, size, emax, t);
      fwdXform64(hi, lo, d);
      fwdOrder64(uhi, ulo, hi, lo, perm, size);
      // Keep planes lowest..63, as a decoder does after coding 64 − lowest planes.
      const lowest = 16 + Math.floor(random() * 48);
      for (let i = 0; i < size; i++) {
        if (lowest >= 32) {
          ulo[i] = 0;
          uhi[i] = lowest >= 64 ? 0 : uhi[i]! & (-1 << (lowest - 32));
        } else {
          ulo[i] = ulo[i]! & (-1 << lowest);
        }
      }
      const s = 2 ** (emax - 62);
      const v = new Float64Array(size);
      invOrderToDouble(uhi, ulo, v, iperm, size, lowest >= 32);
      const done = doubleInverseExact(lowest, d) && invXformDouble(v, d, !wrapImpossible(lowest), s);
      if (!done) continue;
      invOrder64(uhi, ulo, hi, lo, iperm, size);
      invXform64(hi, lo, d);
      const exact = Float64Array.from(hi, (h, i) => s * (h * 2 ** 32 + (lo[i]! >>> 0)));
      expect(v).toEqual(exact);
      checked++;
    }
    expect(checked).toBeGreaterThan(1900);
  });
});

describe('inverse transform in doubles of blocks coded to plane 0', () => {
  // Blocks of small integers (ramps, as element-wise writes leave them) code every plane, yet
  // their coefficients keep many trailing zeros: those count as kmin.
  it('is taken for blocks of small integers and equals the (hi, lo) transform', () => {
    let taken = 0;
    for (let it = 0; it < 400; it++) {
      const d = 1 + (it % 4), size = 4 ** d, perm = sequencyPermutation(d), iperm = inverseSequencyPermutation(d);
      const step = 1 + Math.floor(random() * 1000);
      const x = Float64Array.from({ length: size }, (_, i) => (it % 3 === 0 ? step * i : Math.floor(random() * 2 * step) - step));
      const emax = blockExponent(x, size, t);
      const hi = new Int32Array(size), lo = new Int32Array(size), uhi = new Int32Array(size), ulo = new Int32Array(size);
      castToInts(x, hi, lo, size, emax, t);
      fwdXform64(hi, lo, d);
      fwdOrder64(uhi, ulo, hi, lo, perm, size);
      if (!coefficientsInverseExact(0, d, uhi, ulo, size)) continue;
      const s = 2 ** (emax - 62);
      const v = new Float64Array(size);
      invOrderToDouble(uhi, ulo, v, iperm, size, false);
      expect(invXformDouble(v, d, false, s)).toBe(true);
      invOrder64(uhi, ulo, hi, lo, iperm, size);
      invXform64(hi, lo, d);
      expect(v).toEqual(Float64Array.from(hi, (h, i) => s * (h * 2 ** 32 + (lo[i]! >>> 0))));
      taken++;
    }
    expect(taken).toBeGreaterThan(300);
  });

  it('declines coefficients whose low planes are busy', () => {
    const uhi = new Int32Array(64), ulo = new Int32Array(64).fill(1 << 20);
    expect(coefficientsInverseExact(0, 3, uhi, ulo, 64)).toBe(false);
    ulo.fill(1 << 22);
    expect(coefficientsInverseExact(0, 3, uhi, ulo, 64)).toBe(true);
  });
});

describe('3D inverse with the reorder and output fused', () => {
  it('equals invOrderToDouble then invXformDouble', () => {
    const iperm = inverseSequencyPermutation(3);
    for (let it = 0; it < 500; it++) {
      const lowest = 22 + Math.floor(random() * 29);
      const uhi = new Int32Array(64), ulo = new Int32Array(64);
      for (let i = 0; i < 64; i++) {
        // Coefficients well inside the range, the low planes below `lowest` empty.
        uhi[i] = (((random() * 2 ** 28) | 0) ^ 0xaaaaaaaa) & (lowest >= 32 ? -1 << (lowest - 32) : -1);
        ulo[i] = lowest >= 32 ? 0 : ((random() * 2 ** 32) | 0) & (-1 << lowest);
      }
      const s = 2 ** -(1 + Math.floor(random() * 60));
      const expected = new Float64Array(64), fused = new Float64Array(64);
      invOrderToDouble(uhi, ulo, expected, iperm, 64, lowest >= 32);
      const ok = invXformDouble(expected, 3, false, s);
      expect(invOrderXformDouble3(uhi, ulo, iperm, lowest >= 32, fused, s, null, null)).toBe(ok);
      expect(fused).toEqual(expected);
    }
  });
});

describe('fused 2D inverse into the field', () => {
  it('writes what the (hi, lo) transform gives, on coefficients truncated as the coder leaves them', () => {
    const L = layoutOf([8, 8]);
    const at = blockPosition(L);
    placeBlock(at, L, 4, 4, 0, 0);
    const perm = sequencyPermutation(2), iperm = inverseSequencyPermutation(2);
    let checked = 0;
    for (let it = 0; it < 2000; it++) {
      const x = edgeBlock(16, it % 4);
      const emax = blockExponent(x, 16, t);
      const hi = new Int32Array(16), lo = new Int32Array(16), uhi = new Int32Array(16), ulo = new Int32Array(16);
      castToInts(x, hi, lo, 16, emax, t);
      fwdXform64(hi, lo, 2);
      fwdOrder64(uhi, ulo, hi, lo, perm, 16);
      // The planes the fused inverse is used for: pass 1 exact in doubles (columnLimit2d).
      const lowest = 14 + Math.floor(random() * 50);
      expect(columnLimit2d(lowest)).toBeGreaterThan(0);
      for (let i = 0; i < 16; i++) {
        if (lowest >= 32) {
          ulo[i] = 0;
          uhi[i] = uhi[i]! & (-1 << (lowest - 32));
        } else {
          ulo[i] = ulo[i]! & (-1 << lowest);
        }
      }
      const s = 2 ** (emax - 62);
      const field = new Float64Array(64);
      if (!invOrderXform2dToField(uhi, ulo, lowest >= 32, iperm, s, field, at, columnLimit2d(lowest))) continue;
      invOrder64(uhi, ulo, hi, lo, iperm, 16);
      invXform64(hi, lo, 2);
      const exact = new Float64Array(64);
      for (let i = 0; i < 16; i++) exact[4 + (i & 3) + 8 * (4 + (i >> 2))] = s * (hi[i]! * 2 ** 32 + (lo[i]! >>> 0));
      expect(field).toEqual(exact);
      checked++;
    }
    expect(checked).toBeGreaterThan(1900);
  });
});
