import { pow2 } from './block-float.ts';

/*
 * castToSplit, fwdXformSplit and fwdOrderSplit (lift-split.ts, where the a + b split is explained)
 * for a 3D block: the cast feeds the x lines, the x and y passes of each z-plane run in locals,
 * and the z lines go straight to sequency order and negabinary. The block is the hot path of
 * single-block encodes (a ZfpArray writing back a cache line).
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
 * The x and y passes of one z-plane (values x[p … p + 15]): its 16 values cast, split and lifted
 * along x then y in locals (one line a lift, the split lift of lift-split.ts), stored once into
 * (a, b) from q for the z pass. Unrolled so that the two passes make no typed-array round trip.
 */
function fwdCastXformPlane(x: Float64Array, p: number, scale: number, a: Float64Array, b: Int32Array, q: number): void {
  const v0 = Math.trunc(scale * x[p]!), v1 = Math.trunc(scale * x[p + 1]!), v2 = Math.trunc(scale * x[p + 2]!), v3 = Math.trunc(scale * x[p + 3]!), v4 = Math.trunc(scale * x[p + 4]!), v5 = Math.trunc(scale * x[p + 5]!), v6 = Math.trunc(scale * x[p + 6]!), v7 = Math.trunc(scale * x[p + 7]!), v8 = Math.trunc(scale * x[p + 8]!), v9 = Math.trunc(scale * x[p + 9]!), v10 = Math.trunc(scale * x[p + 10]!), v11 = Math.trunc(scale * x[p + 11]!), v12 = Math.trunc(scale * x[p + 12]!), v13 = Math.trunc(scale * x[p + 13]!), v14 = Math.trunc(scale * x[p + 14]!), v15 = Math.trunc(scale * x[p + 15]!);
  let a0 = splitHigh(v0), a1 = splitHigh(v1), a2 = splitHigh(v2), a3 = splitHigh(v3), a4 = splitHigh(v4), a5 = splitHigh(v5), a6 = splitHigh(v6), a7 = splitHigh(v7), a8 = splitHigh(v8), a9 = splitHigh(v9), a10 = splitHigh(v10), a11 = splitHigh(v11), a12 = splitHigh(v12), a13 = splitHigh(v13), a14 = splitHigh(v14), a15 = splitHigh(v15);
  let b0 = v0 - a0, b1 = v1 - a1, b2 = v2 - a2, b3 = v3 - a3, b4 = v4 - a4, b5 = v5 - a5, b6 = v6 - a6, b7 = v7 - a7, b8 = v8 - a8, b9 = v9 - a9, b10 = v10 - a10, b11 = v11 - a11, b12 = v12 - a12, b13 = v13 - a13, b14 = v14 - a14, b15 = v15 - a15;
  // Along x: rows 4y … 4y + 3.
  a0 = (a0 + a3) * 0.5; b0 = (b0 + b3) >> 1; a3 -= a0; b3 = (b3 - b0) | 0; a2 = (a2 + a1) * 0.5; b2 = (b2 + b1) >> 1; a1 -= a2; b1 = (b1 - b2) | 0; a0 = (a0 + a2) * 0.5; b0 = (b0 + b2) >> 1; a2 -= a0; b2 = (b2 - b0) | 0; a3 = (a3 + a1) * 0.5; b3 = (b3 + b1) >> 1; a1 -= a3; b1 = (b1 - b3) | 0; a3 += a1 * 0.5; b3 = (b3 + (b1 >> 1)) | 0; a1 -= a3 * 0.5; b1 = (b1 - (b3 >> 1)) | 0;
  a4 = (a4 + a7) * 0.5; b4 = (b4 + b7) >> 1; a7 -= a4; b7 = (b7 - b4) | 0; a6 = (a6 + a5) * 0.5; b6 = (b6 + b5) >> 1; a5 -= a6; b5 = (b5 - b6) | 0; a4 = (a4 + a6) * 0.5; b4 = (b4 + b6) >> 1; a6 -= a4; b6 = (b6 - b4) | 0; a7 = (a7 + a5) * 0.5; b7 = (b7 + b5) >> 1; a5 -= a7; b5 = (b5 - b7) | 0; a7 += a5 * 0.5; b7 = (b7 + (b5 >> 1)) | 0; a5 -= a7 * 0.5; b5 = (b5 - (b7 >> 1)) | 0;
  a8 = (a8 + a11) * 0.5; b8 = (b8 + b11) >> 1; a11 -= a8; b11 = (b11 - b8) | 0; a10 = (a10 + a9) * 0.5; b10 = (b10 + b9) >> 1; a9 -= a10; b9 = (b9 - b10) | 0; a8 = (a8 + a10) * 0.5; b8 = (b8 + b10) >> 1; a10 -= a8; b10 = (b10 - b8) | 0; a11 = (a11 + a9) * 0.5; b11 = (b11 + b9) >> 1; a9 -= a11; b9 = (b9 - b11) | 0; a11 += a9 * 0.5; b11 = (b11 + (b9 >> 1)) | 0; a9 -= a11 * 0.5; b9 = (b9 - (b11 >> 1)) | 0;
  a12 = (a12 + a15) * 0.5; b12 = (b12 + b15) >> 1; a15 -= a12; b15 = (b15 - b12) | 0; a14 = (a14 + a13) * 0.5; b14 = (b14 + b13) >> 1; a13 -= a14; b13 = (b13 - b14) | 0; a12 = (a12 + a14) * 0.5; b12 = (b12 + b14) >> 1; a14 -= a12; b14 = (b14 - b12) | 0; a15 = (a15 + a13) * 0.5; b15 = (b15 + b13) >> 1; a13 -= a15; b13 = (b13 - b15) | 0; a15 += a13 * 0.5; b15 = (b15 + (b13 >> 1)) | 0; a13 -= a15 * 0.5; b13 = (b13 - (b15 >> 1)) | 0;
  // Along y: columns x, x + 4, x + 8, x + 12.
  a0 = (a0 + a12) * 0.5; b0 = (b0 + b12) >> 1; a12 -= a0; b12 = (b12 - b0) | 0; a8 = (a8 + a4) * 0.5; b8 = (b8 + b4) >> 1; a4 -= a8; b4 = (b4 - b8) | 0; a0 = (a0 + a8) * 0.5; b0 = (b0 + b8) >> 1; a8 -= a0; b8 = (b8 - b0) | 0; a12 = (a12 + a4) * 0.5; b12 = (b12 + b4) >> 1; a4 -= a12; b4 = (b4 - b12) | 0; a12 += a4 * 0.5; b12 = (b12 + (b4 >> 1)) | 0; a4 -= a12 * 0.5; b4 = (b4 - (b12 >> 1)) | 0;
  a1 = (a1 + a13) * 0.5; b1 = (b1 + b13) >> 1; a13 -= a1; b13 = (b13 - b1) | 0; a9 = (a9 + a5) * 0.5; b9 = (b9 + b5) >> 1; a5 -= a9; b5 = (b5 - b9) | 0; a1 = (a1 + a9) * 0.5; b1 = (b1 + b9) >> 1; a9 -= a1; b9 = (b9 - b1) | 0; a13 = (a13 + a5) * 0.5; b13 = (b13 + b5) >> 1; a5 -= a13; b5 = (b5 - b13) | 0; a13 += a5 * 0.5; b13 = (b13 + (b5 >> 1)) | 0; a5 -= a13 * 0.5; b5 = (b5 - (b13 >> 1)) | 0;
  a2 = (a2 + a14) * 0.5; b2 = (b2 + b14) >> 1; a14 -= a2; b14 = (b14 - b2) | 0; a10 = (a10 + a6) * 0.5; b10 = (b10 + b6) >> 1; a6 -= a10; b6 = (b6 - b10) | 0; a2 = (a2 + a10) * 0.5; b2 = (b2 + b10) >> 1; a10 -= a2; b10 = (b10 - b2) | 0; a14 = (a14 + a6) * 0.5; b14 = (b14 + b6) >> 1; a6 -= a14; b6 = (b6 - b14) | 0; a14 += a6 * 0.5; b14 = (b14 + (b6 >> 1)) | 0; a6 -= a14 * 0.5; b6 = (b6 - (b14 >> 1)) | 0;
  a3 = (a3 + a15) * 0.5; b3 = (b3 + b15) >> 1; a15 -= a3; b15 = (b15 - b3) | 0; a11 = (a11 + a7) * 0.5; b11 = (b11 + b7) >> 1; a7 -= a11; b7 = (b7 - b11) | 0; a3 = (a3 + a11) * 0.5; b3 = (b3 + b11) >> 1; a11 -= a3; b11 = (b11 - b3) | 0; a15 = (a15 + a7) * 0.5; b15 = (b15 + b7) >> 1; a7 -= a15; b7 = (b7 - b15) | 0; a15 += a7 * 0.5; b15 = (b15 + (b7 >> 1)) | 0; a7 -= a15 * 0.5; b7 = (b7 - (b15 >> 1)) | 0;
  a[q] = a0; a[q + 1] = a1; a[q + 2] = a2; a[q + 3] = a3; a[q + 4] = a4; a[q + 5] = a5; a[q + 6] = a6; a[q + 7] = a7; a[q + 8] = a8; a[q + 9] = a9; a[q + 10] = a10; a[q + 11] = a11; a[q + 12] = a12; a[q + 13] = a13; a[q + 14] = a14; a[q + 15] = a15;
  b[q] = b0; b[q + 1] = b1; b[q + 2] = b2; b[q + 3] = b3; b[q + 4] = b4; b[q + 5] = b5; b[q + 6] = b6; b[q + 7] = b7; b[q + 8] = b8; b[q + 9] = b9; b[q + 10] = b10; b[q + 11] = b11; b[q + 12] = b12; b[q + 13] = b13; b[q + 14] = b14; b[q + 15] = b15;
}

/**
 * The block-float integers of the 64 values x[from …] (scale 2^(62 − emax), finite), lifted along
 * x, y and z, in sequency order as negabinary (uhi, ulo) words: what castToSplit, fwdXformSplit
 * and fwdOrderSplit(…, highOnly) leave there. (a, b) is scratch between the y and z passes.
 */
export function fwdCastXformOrder3(x: Float64Array, emax: number, a: Float64Array, b: Int32Array, iperm: Uint8Array, uhi: Int32Array, ulo: Int32Array, highOnly: boolean, from = 0): void {
  const scale = pow2(62 - emax);
  for (let p = 0; p < 64; p += 16) fwdCastXformPlane(x, from + p, scale, a, b, p);
  // Along z: the line of value p (p < 16) is p, p + 16, p + 32, p + 48.
  for (let p = 0; p < 16; p++) {
    const q = p + 16, r = q + 16, t = r + 16;
    let xa = a[p]!, xb = b[p]!, ya = a[q]!, yb = b[q]!, za = a[r]!, zb = b[r]!, wa = a[t]!, wb = b[t]!;
    // lift-split.ts's forward lift, step for step.
    xa = (xa + wa) * 0.5; xb = (xb + wb) >> 1; wa -= xa; wb = (wb - xb) | 0;
    za = (za + ya) * 0.5; zb = (zb + yb) >> 1; ya -= za; yb = (yb - zb) | 0;
    xa = (xa + za) * 0.5; xb = (xb + zb) >> 1; za -= xa; zb = (zb - xb) | 0;
    wa = (wa + ya) * 0.5; wb = (wb + yb) >> 1; ya -= wa; yb = (yb - wb) | 0;
    wa += ya * 0.5; wb = (wb + (yb >> 1)) | 0; ya -= wa * 0.5; yb = (yb - (wb >> 1)) | 0;
    // Sequency order gathers value perm[i] into coefficient i: value p goes to iperm[p].
    putNegabinary(uhi, ulo, iperm[p]!, xa, xb, highOnly);
    putNegabinary(uhi, ulo, iperm[q]!, ya, yb, highOnly);
    putNegabinary(uhi, ulo, iperm[r]!, za, zb, highOnly);
    putNegabinary(uhi, ulo, iperm[t]!, wa, wb, highOnly);
  }
}
