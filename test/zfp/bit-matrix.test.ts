import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitMatrix } from '../../src/zfp/fast/transpose.ts';

/** Plane k of coefficients u[first … first + count − 1]: coefficient first + i at bit i. */
function planeOf(u: Int32Array, first: number, count: number, k: number): number {
  let m = 0;
  for (let i = 0; i < count; i++) m |= ((u[first + i]! >>> k) & 1) << i;
  return m;
}

const words = (n: number) => fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: n, maxLength: n }).map((a) => Int32Array.from(a));

describe('BitMatrix', () => {
  it('turns up to 16 coefficients into 32 planes and back', () => {
    fc.assert(
      fc.property(words(16), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 31 }), (u, count, lo) => {
        const m = new BitMatrix();
        m.load16(u, count, lo);
        for (let r = 0; r < 32 - lo; r++) expect(m.plane16(r) >>> 0).toBe(planeOf(u, 0, count, lo + r) >>> 0);
        const back = new Int32Array(16);
        m.clear16();
        for (let r = 0; r < 32 - lo; r++) m.addPlane16(r, planeOf(u, 0, count, lo + r));
        m.store16(lo, back, count);
        for (let i = 0; i < count; i++) expect(back[i]).toBe((u[i]! >>> lo) << lo);
      }),
    );
  });

  it('turns 16 planes of 64 coefficients into pairs of words and back, adding lower planes to higher ones', () => {
    fc.assert(
      fc.property(words(64), fc.integer({ min: 0, max: 16 }), (u, lo) => {
        const m = new BitMatrix();
        m.loadPair(u, 0, lo);
        for (let r = 0; r < 16; r++) {
          expect(m.pairA(r) >>> 0).toBe(planeOf(u, 0, 32, lo + r) >>> 0);
          expect(m.pairB(r) >>> 0).toBe(planeOf(u, 32, 32, lo + r) >>> 0);
        }
        // Planes lo … 31 set first, then planes 0 … lo − 1 added below them: the words come back whole.
        const back = new Int32Array(64);
        m.clear();
        for (let r = 0; r < 32 - lo && r < 16; r++) m.setPair(r, planeOf(u, 0, 32, lo + r), planeOf(u, 32, 32, lo + r));
        m.storePair(lo, back, 0);
        const top = Math.min(32, lo + 16);
        for (let i = 0; i < 64; i++) expect(back[i]).toBe(((u[i]! >>> lo) << lo) & (top === 32 ? -1 : (1 << top) - 1));
        if (lo === 16) {
          m.clear();
          for (let r = 0; r < 16; r++) m.setPair(r, planeOf(u, 0, 32, r), planeOf(u, 32, 32, r));
          m.addPair(0, back, 0);
          expect(back).toEqual(u);
        }
      }),
    );
  });

  it('stores planes of pairs whose first 16 coefficients alone have bits as storePair and addPair would', () => {
    fc.assert(
      fc.property(words(64), words(64), fc.integer({ min: 0, max: 16 }), (u, stale, lo) => {
        const few = u.map((v, i) => (i < 16 ? v : 0));
        const planes = Math.min(16, 32 - lo);
        const fill = (m: BitMatrix): void => {
          m.clear();
          for (let r = 0; r < planes; r++) m.setPair(r, planeOf(few, 0, 32, lo + r), 0);
        };
        const [viaPair, viaFew] = [new BitMatrix(), new BitMatrix()];
        const expected = stale.slice(), stored = stale.slice();
        fill(viaPair);
        viaPair.storePair(lo, expected, 0);
        fill(viaFew);
        viaFew.storeFirst16(lo, stored, true);
        expect(stored).toEqual(expected);
        // Added below planes already stored: coefficients 16 … 63 keep what they hold.
        fill(viaPair);
        viaPair.addPair(lo, expected, 0);
        fill(viaFew);
        viaFew.storeFirst16(lo, stored, false);
        expect(stored).toEqual(expected);
      }),
    );
  });

  it('turns 32 planes of 32 coefficients into words and back', () => {
    fc.assert(
      fc.property(words(32), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 1, max: 32 }), (u, lo, span) => {
        const hi = Math.min(32, lo + span);
        const m = new BitMatrix();
        const planes = new Int32Array(32);
        m.planesOf(u, 0, 32, planes, 0, 1, lo, hi);
        for (let k = lo; k < hi; k++) expect(planes[k]! >>> 0).toBe(planeOf(u, 0, 32, k) >>> 0);
        const back = new Int32Array(32);
        m.coefficientsOf(planes, 0, 1, lo, hi, back, 0, 32);
        const kept = ((hi === 32 ? -1 : (1 << hi) - 1) >>> lo) << lo;
        for (let i = 0; i < 32; i++) expect(back[i]).toBe(u[i]! & kept);
      }),
    );
  });
});
