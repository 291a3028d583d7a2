import { BLOCK_LINES } from './lines.ts';

/*
 * zfp's forward lifting on 64-bit integers held as v = a + b in doubles:
 * a is a multiple of a large power of two (2^32 at the start), b a small
 * integer. Sums act on both parts exactly; and since a stays even, the right
 * shift is floor(v/2) = a/2 + floor(b/2). A lift shifts a value at most four
 * times, so after four passes a is still a multiple of 2^16 below 2^64: well
 * inside the 53 bits a double holds exactly. zfp's forward transform of
 * integers below 2^62 never leaves the int64 range, so no wrap-around occurs;
 * blocks whose scale factor overflows (integers = the minimum int64) take the
 * (hi, lo) path instead.
 */

const TWO32 = 4294967296;

function fwdLift(a: Float64Array, b: Float64Array, p: number, s: number): void {
  const q = p + s, r = p + 2 * s, t = p + 3 * s;
  let xa = a[p]!, xb = b[p]!, ya = a[q]!, yb = b[q]!, za = a[r]!, zb = b[r]!, wa = a[t]!, wb = b[t]!;
  // x += w; x >>= 1; w -= x
  xa = (xa + wa) * 0.5; xb = Math.floor((xb + wb) * 0.5);
  wa -= xa; wb -= xb;
  // z += y; z >>= 1; y -= z
  za = (za + ya) * 0.5; zb = Math.floor((zb + yb) * 0.5);
  ya -= za; yb -= zb;
  // x += z; x >>= 1; z -= x
  xa = (xa + za) * 0.5; xb = Math.floor((xb + zb) * 0.5);
  za -= xa; zb -= xb;
  // w += y; w >>= 1; y -= w
  wa = (wa + ya) * 0.5; wb = Math.floor((wb + yb) * 0.5);
  ya -= wa; yb -= wb;
  // w += y >> 1; y -= w >> 1
  wa += ya * 0.5; wb += Math.floor(yb * 0.5);
  ya -= wa * 0.5; yb -= Math.floor(wb * 0.5);
  a[p] = xa; b[p] = xb; a[q] = ya; b[q] = yb; a[r] = za; b[r] = zb; a[t] = wa; b[t] = wb;
}

export function fwdXformSplit(a: Float64Array, b: Float64Array, dims: number): void {
  for (const { starts, stride } of BLOCK_LINES[dims - 1]!) {
    for (let i = 0; i < starts.length; i++) fwdLift(a, b, starts[i]!, stride);
  }
}

/** float64 block-float integers trunc(x · 2^(62 − emax)) as splits (finite scale only). */
export function castToSplit(x: Float64Array, a: Float64Array, b: Float64Array, n: number, emax: number): void {
  const s = 2 ** (62 - emax);
  for (let i = 0; i < n; i++) {
    const v = Math.trunc(s * x[i]!);
    const high = Math.floor(v / TWO32) * TWO32; // not v % 2^32: a double remainder is a slow library call
    a[i] = high;
    b[i] = v - high;
  }
}

/** Normalize splits into (hi, lo) words. */
export function joinSplit(a: Float64Array, b: Float64Array, hi: Int32Array, lo: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    const ah = Math.floor(ai / TWO32);
    const bb = b[i]! + (ai - ah * TWO32);
    const c = Math.floor(bb / TWO32);
    hi[i] = (ah + c) | 0;
    lo[i] = (bb - c * TWO32) | 0;
  }
}
