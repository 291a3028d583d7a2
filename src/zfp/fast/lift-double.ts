import { BLOCK_LINES } from './lines.ts';

/*
 * zfp's inverse lifting in plain doubles, for blocks where that is exact.
 * Decoded coefficients are multiples of 2^kmin (kmin = lowest bit plane coded)
 * below 2^63. A lift halves a value at most twice more per pass, so with
 * kmin ≥ 2·dims every right shift of the C code divides an even number and
 * equals ×0.5; and with kmin ≥ 16 + 2·dims every intermediate (below 2^67
 * before the wrap-around check, a multiple of 2^(kmin − 2·dims)) fits a
 * double's 53 bits, and so does every output. What remains is C's wrap-around beyond int64, which the
 * transform watches for: it returns false when a value it halves or outputs
 * leaves the int64 range, and the caller redoes the block on (hi, lo) words.
 */

/** Below this magnitude a double integer is inside int64. */
const INT64_LIMIT = 2 ** 63;

let peak = 0;

function invLift(v: Float64Array, p: number, s: number): void {
  const q = p + s, r = p + 2 * s, t = p + 3 * s;
  let x = v[p]!, y = v[q]!, z = v[r]!, w = v[t]!;
  // y += w >> 1; w -= y >> 1
  y += w * 0.5;
  const m = Math.max(Math.abs(w), Math.abs(y));
  if (m > peak) peak = m;
  w -= y * 0.5;
  // y += w; w <<= 1; w -= y
  y += w; w = 2 * w - y;
  // z += x; x <<= 1; x -= z
  z += x; x = 2 * x - z;
  // y += z; z <<= 1; z -= y
  y += z; z = 2 * z - y;
  // w += x; x <<= 1; x -= w
  w += x; x = 2 * x - w;
  v[p] = x; v[q] = y; v[r] = z; v[t] = w;
}

/** Can the inverse transform of float64 coefficients coded down to bit plane kmin run in doubles? */
export function doubleInverseExact(kmin: number, dims: number): boolean {
  return kmin >= 16 + 2 * dims;
}

/** Inverse transform in place; false if C would have wrapped around (redo the block exactly). */
export function invXformDouble(v: Float64Array, dims: number): boolean {
  peak = 0;
  const axes = BLOCK_LINES[dims - 1]!;
  for (let a = axes.length - 1; a >= 0; a--) {
    const { starts, stride } = axes[a]!;
    for (let i = 0; i < starts.length; i++) invLift(v, starts[i]!, stride);
  }
  for (let i = 0; i < v.length; i++) {
    const m = Math.abs(v[i]!);
    if (m > peak) peak = m;
  }
  return peak < INT64_LIMIT;
}
