import { pow2 } from './block-float.ts';

/*
 * zfp's forward lifting on 64-bit integers held as v = a + b: a is a double
 * holding a multiple of 2^27, b an int32 in [0, 2^27). Sums act on both parts
 * exactly; since a stays even, the right shift is floor(v/2) = a/2 + (b >> 1).
 * Why it stays exact: the forward lifting never grows a part by more than 3/2
 * per pass (each step averages or halves a difference, except w += y >> 1),
 * so |b| < 2^27 · (3/2)^4 < 2^31; and a value is halved at most four times
 * per pass, so a is still a multiple of 2^11 below 2^63 after four passes:
 * 52 significant bits, inside a double. zfp's forward transform of integers
 * below 2^62 never leaves the int64 range, so no wrap-around occurs; blocks
 * whose scale factor overflows (integers = the minimum int64) take the
 * (hi, lo) path instead.
 */

const INV_TWO32 = 2 ** -32;
const SPLIT = 2 ** 27;
const INV_SPLIT = 2 ** -27;

/** zfp's forward lift of the four splits at p, p + s, p + 2s, p + 3s. */
export function fwdLift(a: Float64Array, b: Int32Array, p: number, s: number): void {
  const q = p + s, r = p + 2 * s, t = p + 3 * s;
  let xa = a[p]!, xb = b[p]!, ya = a[q]!, yb = b[q]!, za = a[r]!, zb = b[r]!, wa = a[t]!, wb = b[t]!;
  // x += w; x >>= 1; w -= x
  xa = (xa + wa) * 0.5; xb = (xb + wb) >> 1;
  wa -= xa; wb = (wb - xb) | 0;
  // z += y; z >>= 1; y -= z
  za = (za + ya) * 0.5; zb = (zb + yb) >> 1;
  ya -= za; yb = (yb - zb) | 0;
  // x += z; x >>= 1; z -= x
  xa = (xa + za) * 0.5; xb = (xb + zb) >> 1;
  za -= xa; zb = (zb - xb) | 0;
  // w += y; w >>= 1; y -= w
  wa = (wa + ya) * 0.5; wb = (wb + yb) >> 1;
  ya -= wa; yb = (yb - wb) | 0;
  // w += y >> 1; y -= w >> 1
  wa += ya * 0.5; wb = (wb + (yb >> 1)) | 0;
  ya -= wa * 0.5; yb = (yb - (wb >> 1)) | 0;
  a[p] = xa; b[p] = xb; a[q] = ya; b[q] = yb; a[r] = za; b[r] = zb; a[t] = wa; b[t] = wb;
}

export function fwdXformSplit(a: Float64Array, b: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = 1; s < n; s <<= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) fwdLift(a, b, p, s);
}

/** float64 block-float integers trunc(x · 2^(62 − emax)) as splits (finite scale only). */
export function castToSplit(x: Float64Array, a: Float64Array, b: Int32Array, n: number, emax: number): void {
  const s = pow2(62 - emax);
  for (let i = 0; i < n; i++) splitInto(a, b, i, Math.trunc(s * x[i]!));
}

/** The integral double v as the split a[i] + b[i]. */
export function splitInto(a: Float64Array, b: Int32Array, i: number, v: number): void {
  const high = Math.floor(v * INV_SPLIT) * SPLIT; // not v % 2^27: a double remainder is a slow library call
  a[i] = high;
  b[i] = v - high;
}

const NB = 0xaaaaaaaa | 0;

/**
 * ublock[i] = negabinary(a + b at perm[i]) as (uhi, ulo) words: sequency order and negabinary map
 * in one pass. `highOnly`: no plane below 32 will be coded (maxprec ≤ 32), so the plane coders
 * never read the low words, and they are not written (the carry out of them still is added).
 * The block's splits start at a[from], b[from].
 */
export function fwdOrderSplit(uhi: Int32Array, ulo: Int32Array, a: Float64Array, b: Int32Array, perm: Uint8Array, n: number, highOnly: boolean, from = 0): void {
  if (highOnly) {
    for (let i = 0; i < n; i++) {
      const p = from + perm[i]!;
      const ap = a[p]!;
      const al = ap >>> 0;
      const low = b[p]! + al + 0xaaaaaaaa;
      uhi[i] = (((ap - al) * INV_TWO32 + Math.floor(low * INV_TWO32) + NB) | 0) ^ NB;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const p = from + perm[i]!;
    const ap = a[p]!;
    // Word splits by ToUint32, exact modulo 2^32 for integral doubles (a floor costs more).
    const al = ap >>> 0;
    // The low word plus the negabinary constant, before carrying into the high word.
    const low = b[p]! + al + 0xaaaaaaaa;
    const l = low >>> 0;
    uhi[i] = (((ap - al) * INV_TWO32 + (low - l) * INV_TWO32 + NB) | 0) ^ NB;
    ulo[i] = l ^ NB;
  }
}

/*
 * Reversible mode's forward lifting only subtracts, which commutes with C's wrap-around modulo
 * 2^64: it runs on v = a + b with both parts doubles, a a multiple of 2^32 and b in [0, 2^32)
 * at first. Each pass multiplies magnitudes by at most 8 (w − 3z + 3y − x), so after a 2D
 * block's two passes |a| < 2^68 is still a multiple of 2^32 (36 significant bits) and
 * |b| < 2^38: every difference is exact.
 */

/** zfp's reversible forward lift of the four splits at p, p + s, p + 2s, p + 3s: differences of rising order. */
export function revFwdLiftSplit(a: Float64Array, b: Float64Array, p: number, s: number): void {
  const q = p + s, r = p + 2 * s, t = p + 3 * s;
  const xa = a[p]!, xb = b[p]!;
  let ya = a[q]!, yb = b[q]!, za = a[r]!, zb = b[r]!, wa = a[t]!, wb = b[t]!;
  wa -= za; wb -= zb; za -= ya; zb -= yb; ya -= xa; yb -= xb;
  wa -= za; wb -= zb; za -= ya; zb -= yb;
  wa -= za; wb -= zb;
  a[q] = ya; b[q] = yb; a[r] = za; b[r] = zb; a[t] = wa; b[t] = wb;
}

/** The integral double v as a multiple of 2^32 in a[i] and the rest in b[i]. */
export function splitWordsInto(a: Float64Array, b: Float64Array, i: number, v: number): void {
  const high = Math.floor(v * INV_TWO32) * 4294967296;
  a[i] = high;
  b[i] = v - high;
}

/**
 * fwdOrderSplit for the splits of revFwdLiftSplit: negabinary of (a + b) modulo 2^64 from
 * a[from + perm[i]], b[from + perm[i]]. ToUint32 and ToInt32 reduce exactly modulo 2^32.
 */
export function fwdOrderWrapping(uhi: Int32Array, ulo: Int32Array, a: Float64Array, b: Float64Array, perm: Uint8Array, n: number, from: number): void {
  for (let i = 0; i < n; i++) {
    const p = from + perm[i]!;
    const low = b[p]! + 0xaaaaaaaa;
    const l = low >>> 0;
    uhi[i] = ((a[p]! * INV_TWO32 + (low - l) * INV_TWO32 + NB) | 0) ^ NB;
    ulo[i] = l ^ NB;
  }
}
