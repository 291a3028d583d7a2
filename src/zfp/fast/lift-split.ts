import { BLOCK_LINES } from './lines.ts';

/*
 * zfp's lossy lifting on 64-bit integers held as unnormalized splits
 * v = h·2^32 + l with h, l integer-valued doubles. Adds and subtracts act on
 * both parts without carries and doublings are exact; only the right shift
 * (floor(v/2)) looks at the parity of h. Every intermediate of zfp's transform
 * stays far below 2^53 in both parts, so this is exact as long as the C code
 * does not wrap around: C's result equals ours reduced modulo 2^64 unless a
 * value it shifts right lies outside the int64 range. The forward transform of
 * a block whose scale factor is finite never gets there; the inverse can (a
 * coefficient cut to one bit plane may be −2^63), so invXformSplit watches the
 * values it shifts and its outputs, and reports when the block must be redone
 * on the exact (hi, lo) path.
 */

const TWO32 = 4294967296;
/** Below this magnitude a value is inside int64 even allowing for the rounding of h·2^32 + l. */
const SAFE = 2 ** 63 - 2 ** 12;

/** Largest |value| the inverse lifting shifted or produced (monitored for wrap-around). */
let peak = 0;

function fwdLift(h: Float64Array, l: Float64Array, p: number, s: number): void {
  const q = p + s, r = p + 2 * s, t = p + 3 * s;
  let xh = h[p]!, xl = l[p]!, yh = h[q]!, yl = l[q]!, zh = h[r]!, zl = l[r]!, wh = h[t]!, wl = l[t]!;
  let o: number;
  // x += w; x >>= 1; w -= x
  xh += wh; xl += wl;
  o = xh & 1; xh = (xh - o) * 0.5; xl = Math.floor((xl + o * TWO32) * 0.5);
  wh -= xh; wl -= xl;
  // z += y; z >>= 1; y -= z
  zh += yh; zl += yl;
  o = zh & 1; zh = (zh - o) * 0.5; zl = Math.floor((zl + o * TWO32) * 0.5);
  yh -= zh; yl -= zl;
  // x += z; x >>= 1; z -= x
  xh += zh; xl += zl;
  o = xh & 1; xh = (xh - o) * 0.5; xl = Math.floor((xl + o * TWO32) * 0.5);
  zh -= xh; zl -= xl;
  // w += y; w >>= 1; y -= w
  wh += yh; wl += yl;
  o = wh & 1; wh = (wh - o) * 0.5; wl = Math.floor((wl + o * TWO32) * 0.5);
  yh -= wh; yl -= wl;
  // w += y >> 1; y -= w >> 1
  o = yh & 1; wh += (yh - o) * 0.5; wl += Math.floor((yl + o * TWO32) * 0.5);
  o = wh & 1; yh -= (wh - o) * 0.5; yl -= Math.floor((wl + o * TWO32) * 0.5);
  h[p] = xh; l[p] = xl; h[q] = yh; l[q] = yl; h[r] = zh; l[r] = zl; h[t] = wh; l[t] = wl;
}

function invLift(h: Float64Array, l: Float64Array, p: number, s: number): void {
  const q = p + s, r = p + 2 * s, t = p + 3 * s;
  let xh = h[p]!, xl = l[p]!, yh = h[q]!, yl = l[q]!, zh = h[r]!, zl = l[r]!, wh = h[t]!, wl = l[t]!;
  let o: number;
  // y += w >> 1; w -= y >> 1
  let m = Math.abs(wh * TWO32 + wl);
  o = wh & 1; yh += (wh - o) * 0.5; yl += Math.floor((wl + o * TWO32) * 0.5);
  m = Math.max(m, Math.abs(yh * TWO32 + yl));
  o = yh & 1; wh -= (yh - o) * 0.5; wl -= Math.floor((yl + o * TWO32) * 0.5);
  // y += w; w <<= 1; w -= y
  yh += wh; yl += wl;
  wh = 2 * wh - yh; wl = 2 * wl - yl;
  // z += x; x <<= 1; x -= z
  zh += xh; zl += xl;
  xh = 2 * xh - zh; xl = 2 * xl - zl;
  // y += z; z <<= 1; z -= y
  yh += zh; yl += zl;
  zh = 2 * zh - yh; zl = 2 * zl - yl;
  // w += x; x <<= 1; x -= w
  wh += xh; wl += xl;
  xh = 2 * xh - wh; xl = 2 * xl - wl;
  m = Math.max(m, Math.abs(xh * TWO32 + xl), Math.abs(yh * TWO32 + yl), Math.abs(zh * TWO32 + zl), Math.abs(wh * TWO32 + wl));
  if (m > peak) peak = m;
  h[p] = xh; l[p] = xl; h[q] = yh; l[q] = yl; h[r] = zh; l[r] = zl; h[t] = wh; l[t] = wl;
}

export function fwdXformSplit(h: Float64Array, l: Float64Array, dims: number): void {
  for (const { starts, stride } of BLOCK_LINES[dims - 1]!) {
    for (let i = 0; i < starts.length; i++) fwdLift(h, l, starts[i]!, stride);
  }
}

/** Inverse transform; false when C would have wrapped around (redo the block exactly). */
export function invXformSplit(h: Float64Array, l: Float64Array, dims: number): boolean {
  peak = 0;
  const axes = BLOCK_LINES[dims - 1]!;
  for (let a = axes.length - 1; a >= 0; a--) {
    const { starts, stride } = axes[a]!;
    for (let i = 0; i < starts.length; i++) invLift(h, l, starts[i]!, stride);
  }
  return peak < SAFE;
}
