/*
 * zfp's lifting transforms on 64-bit integers held as (hi, lo) int32 pairs:
 * hi is the signed upper word, lo the lower word's bits. Every operation wraps
 * modulo 2^64 like the C code; >> is an arithmetic shift (floor division by 2).
 */

/* Carries and borrows come from floor(t / 2^32), not from branches that mispredict on noisy low words. */
const INV_TWO32 = 2 ** -32;

/** Forward decorrelating lift of the 4 values at p, p+s, p+2s, p+3s. */
function fwdLift(hi: Int32Array, lo: Int32Array, p: number, s: number): void {
  let xh = hi[p]!, xl = lo[p]!;
  let yh = hi[p + s]!, yl = lo[p + s]!;
  let zh = hi[p + 2 * s]!, zl = lo[p + 2 * s]!;
  let wh = hi[p + 3 * s]!, wl = lo[p + 3 * s]!;
  let t: number, ah: number, al: number;
  // x += w; x >>= 1; w -= x
  t = (xl >>> 0) + (wl >>> 0); xh = (xh + wh + Math.floor(t * INV_TWO32)) | 0; xl = t | 0;
  xl = (xl >>> 1) | (xh << 31); xh >>= 1;
  t = (wl >>> 0) - (xl >>> 0); wh = (wh - xh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  // z += y; z >>= 1; y -= z
  t = (zl >>> 0) + (yl >>> 0); zh = (zh + yh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  zl = (zl >>> 1) | (zh << 31); zh >>= 1;
  t = (yl >>> 0) - (zl >>> 0); yh = (yh - zh + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  // x += z; x >>= 1; z -= x
  t = (xl >>> 0) + (zl >>> 0); xh = (xh + zh + Math.floor(t * INV_TWO32)) | 0; xl = t | 0;
  xl = (xl >>> 1) | (xh << 31); xh >>= 1;
  t = (zl >>> 0) - (xl >>> 0); zh = (zh - xh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  // w += y; w >>= 1; y -= w
  t = (wl >>> 0) + (yl >>> 0); wh = (wh + yh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  wl = (wl >>> 1) | (wh << 31); wh >>= 1;
  t = (yl >>> 0) - (wl >>> 0); yh = (yh - wh + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  // w += y >> 1; y -= w >> 1
  al = (yl >>> 1) | (yh << 31); ah = yh >> 1;
  t = (wl >>> 0) + (al >>> 0); wh = (wh + ah + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  al = (wl >>> 1) | (wh << 31); ah = wh >> 1;
  t = (yl >>> 0) - (al >>> 0); yh = (yh - ah + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  hi[p] = xh; lo[p] = xl;
  hi[p + s] = yh; lo[p + s] = yl;
  hi[p + 2 * s] = zh; lo[p + 2 * s] = zl;
  hi[p + 3 * s] = wh; lo[p + 3 * s] = wl;
}

/** Inverse of fwdLift up to the round-off of its right shifts. */
function invLift(hi: Int32Array, lo: Int32Array, p: number, s: number): void {
  let xh = hi[p]!, xl = lo[p]!;
  let yh = hi[p + s]!, yl = lo[p + s]!;
  let zh = hi[p + 2 * s]!, zl = lo[p + 2 * s]!;
  let wh = hi[p + 3 * s]!, wl = lo[p + 3 * s]!;
  let t: number, ah: number, al: number;
  // y += w >> 1; w -= y >> 1
  al = (wl >>> 1) | (wh << 31); ah = wh >> 1;
  t = (yl >>> 0) + (al >>> 0); yh = (yh + ah + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  al = (yl >>> 1) | (yh << 31); ah = yh >> 1;
  t = (wl >>> 0) - (al >>> 0); wh = (wh - ah + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  // y += w; w <<= 1; w -= y
  t = (yl >>> 0) + (wl >>> 0); yh = (yh + wh + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  wh = (wh << 1) | (wl >>> 31); wl <<= 1;
  t = (wl >>> 0) - (yl >>> 0); wh = (wh - yh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  // z += x; x <<= 1; x -= z
  t = (zl >>> 0) + (xl >>> 0); zh = (zh + xh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  xh = (xh << 1) | (xl >>> 31); xl <<= 1;
  t = (xl >>> 0) - (zl >>> 0); xh = (xh - zh + Math.floor(t * INV_TWO32)) | 0; xl = t | 0;
  // y += z; z <<= 1; z -= y
  t = (yl >>> 0) + (zl >>> 0); yh = (yh + zh + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  zh = (zh << 1) | (zl >>> 31); zl <<= 1;
  t = (zl >>> 0) - (yl >>> 0); zh = (zh - yh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  // w += x; x <<= 1; x -= w
  t = (wl >>> 0) + (xl >>> 0); wh = (wh + xh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  xh = (xh << 1) | (xl >>> 31); xl <<= 1;
  t = (xl >>> 0) - (wl >>> 0); xh = (xh - wh + Math.floor(t * INV_TWO32)) | 0; xl = t | 0;
  hi[p] = xh; lo[p] = xl;
  hi[p + s] = yh; lo[p + s] = yl;
  hi[p + 2 * s] = zh; lo[p + 2 * s] = zl;
  hi[p + 3 * s] = wh; lo[p + 3 * s] = wl;
}

/** Reversible (integer-exact) forward lift: differences of increasing order (x is kept). */
function revFwdLift(hi: Int32Array, lo: Int32Array, p: number, s: number): void {
  let xh = hi[p]!, xl = lo[p]!;
  let yh = hi[p + s]!, yl = lo[p + s]!;
  let zh = hi[p + 2 * s]!, zl = lo[p + 2 * s]!;
  let wh = hi[p + 3 * s]!, wl = lo[p + 3 * s]!;
  let t: number;
  // w -= z; z -= y; y -= x; w -= z; z -= y; w -= z
  t = (wl >>> 0) - (zl >>> 0); wh = (wh - zh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  t = (zl >>> 0) - (yl >>> 0); zh = (zh - yh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  t = (yl >>> 0) - (xl >>> 0); yh = (yh - xh + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  t = (wl >>> 0) - (zl >>> 0); wh = (wh - zh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  t = (zl >>> 0) - (yl >>> 0); zh = (zh - yh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  t = (wl >>> 0) - (zl >>> 0); wh = (wh - zh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  hi[p + s] = yh; lo[p + s] = yl;
  hi[p + 2 * s] = zh; lo[p + 2 * s] = zl;
  hi[p + 3 * s] = wh; lo[p + 3 * s] = wl;
}

function revInvLift(hi: Int32Array, lo: Int32Array, p: number, s: number): void {
  let xh = hi[p]!, xl = lo[p]!;
  let yh = hi[p + s]!, yl = lo[p + s]!;
  let zh = hi[p + 2 * s]!, zl = lo[p + 2 * s]!;
  let wh = hi[p + 3 * s]!, wl = lo[p + 3 * s]!;
  let t: number;
  // w += z; z += y; w += z; y += x; z += y; w += z
  t = (wl >>> 0) + (zl >>> 0); wh = (wh + zh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  t = (zl >>> 0) + (yl >>> 0); zh = (zh + yh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  t = (wl >>> 0) + (zl >>> 0); wh = (wh + zh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  t = (yl >>> 0) + (xl >>> 0); yh = (yh + xh + Math.floor(t * INV_TWO32)) | 0; yl = t | 0;
  t = (zl >>> 0) + (yl >>> 0); zh = (zh + yh + Math.floor(t * INV_TWO32)) | 0; zl = t | 0;
  t = (wl >>> 0) + (zl >>> 0); wh = (wh + zh + Math.floor(t * INV_TWO32)) | 0; wl = t | 0;
  hi[p + s] = yh; lo[p + s] = yl;
  hi[p + 2 * s] = zh; lo[p + 2 * s] = zl;
  hi[p + 3 * s] = wh; lo[p + 3 * s] = wl;
}

/*
 * A block of n = 4^d values has its lines along the axis of stride s
 * (1, 4, 16, 64) at p, p + s, p + 2s, p + 3s for p = o + i, o a multiple of 4s
 * and 0 ≤ i < s. Forward transforms go x axis first, inverse ones z (or w)
 * first. One loop per lift (not a shared driver taking the lift as an
 * argument) keeps each call site monomorphic, so the engine inlines the lift.
 */
export function fwdXform64(hi: Int32Array, lo: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = 1; s < n; s <<= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) fwdLift(hi, lo, p, s);
}

export function invXform64(hi: Int32Array, lo: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = n >> 2; s > 0; s >>= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) invLift(hi, lo, p, s);
}

export function revFwdXform64(hi: Int32Array, lo: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = 1; s < n; s <<= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) revFwdLift(hi, lo, p, s);
}

export function revInvXform64(hi: Int32Array, lo: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = n >> 2; s > 0; s >>= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) revInvLift(hi, lo, p, s);
}
