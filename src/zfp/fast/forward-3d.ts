import { pow2 } from './block-float.ts';

/*
 * castToSplit, fwdXformSplit and fwdOrderSplit (lift-split.ts, where the a + b split is explained)
 * for a 3D block in one walk over its 48 lines: the cast feeds the x lines, the z lines go
 * straight to sequency order and negabinary, and no pass reloads what another just stored. The
 * block is the hot path of single-block encodes (a ZfpArray writing back a cache line).
 */

const INV_TWO32 = 2 ** -32;
const SPLIT = 2 ** 27;
const INV_SPLIT = 2 ** -27;
const NB = 0xaaaaaaaa | 0;

/** The multiple of 2^27 part of a split integer. */
function splitHigh(v: number): number {
  return Math.floor(v * INV_SPLIT) * SPLIT; // not v % 2^27: a double remainder is a slow library call
}

/** negabinary(a + b) as words at i; the low word only when it is coded (the carry out of it always counts). */
function putNegabinary(uhi: Int32Array, ulo: Int32Array, i: number, a: number, b: number, highOnly: boolean): void {
  // Word splits by ToUint32, exact modulo 2^32 for integral doubles; a − al and the carry are multiples of 2^32.
  const al = a >>> 0, low = b + al + 0xaaaaaaaa, l = low >>> 0;
  uhi[i] = ((((a - al) + (low - l)) * INV_TWO32 + NB) | 0) ^ NB;
  if (!highOnly) ulo[i] = l ^ NB;
}

/**
 * The block-float integers of the 64 values x (scale 2^(62 − emax), finite), lifted along x, y
 * and z, in sequency order as negabinary (uhi, ulo) words: what castToSplit, fwdXformSplit and
 * fwdOrderSplit(…, highOnly) leave there. (a, b) is scratch for the x and y passes.
 */
export function fwdCastXformOrder3(x: Float64Array, emax: number, a: Float64Array, b: Int32Array, iperm: Uint8Array, uhi: Int32Array, ulo: Int32Array, highOnly: boolean): void {
  const scale = pow2(62 - emax);
  for (let s = 1; s <= 16; s <<= 2) {
    for (let line = 0; line < 16; line++) {
      // The line's first value: lines along x start at 4·line, along y at (line mod 4) + 16·(line div 4), along z at line.
      const p = s === 1 ? 4 * line : s === 4 ? (line & 3) + 16 * (line >> 2) : line;
      const q = p + s, r = q + s, t = r + s;
      let xa: number, xb: number, ya: number, yb: number, za: number, zb: number, wa: number, wb: number;
      if (s === 1) {
        const xv = Math.trunc(scale * x[p]!), yv = Math.trunc(scale * x[q]!), zv = Math.trunc(scale * x[r]!), wv = Math.trunc(scale * x[t]!);
        xa = splitHigh(xv); ya = splitHigh(yv); za = splitHigh(zv); wa = splitHigh(wv);
        xb = xv - xa; yb = yv - ya; zb = zv - za; wb = wv - wa;
      } else {
        xa = a[p]!; xb = b[p]!; ya = a[q]!; yb = b[q]!; za = a[r]!; zb = b[r]!; wa = a[t]!; wb = b[t]!;
      }
      // lift-split.ts's forward lift, step for step.
      xa = (xa + wa) * 0.5; xb = (xb + wb) >> 1; wa -= xa; wb = (wb - xb) | 0;
      za = (za + ya) * 0.5; zb = (zb + yb) >> 1; ya -= za; yb = (yb - zb) | 0;
      xa = (xa + za) * 0.5; xb = (xb + zb) >> 1; za -= xa; zb = (zb - xb) | 0;
      wa = (wa + ya) * 0.5; wb = (wb + yb) >> 1; ya -= wa; yb = (yb - wb) | 0;
      wa += ya * 0.5; wb = (wb + (yb >> 1)) | 0; ya -= wa * 0.5; yb = (yb - (wb >> 1)) | 0;
      if (s === 16) {
        // Sequency order gathers value perm[i] into coefficient i: value p goes to iperm[p].
        putNegabinary(uhi, ulo, iperm[p]!, xa, xb, highOnly);
        putNegabinary(uhi, ulo, iperm[q]!, ya, yb, highOnly);
        putNegabinary(uhi, ulo, iperm[r]!, za, zb, highOnly);
        putNegabinary(uhi, ulo, iperm[t]!, wa, wb, highOnly);
      } else {
        a[p] = xa; b[p] = xb; a[q] = ya; b[q] = yb; a[r] = za; b[r] = zb; a[t] = wa; b[t] = wb;
      }
    }
  }
}
