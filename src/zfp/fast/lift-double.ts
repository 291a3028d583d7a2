/*
 * zfp's inverse lifting in plain doubles, for blocks where that is exact.
 * Decoded coefficients are multiples of 2^kmin (kmin = lowest bit plane coded)
 * below 2^63. A lift halves a value at most twice more per pass, so with
 * kmin ≥ 2·dims every right shift of the C code divides an even number and
 * equals ×0.5; and with kmin ≥ 16 + 2·dims every intermediate (below 2^67
 * before the wrap-around check, a multiple of 2^(kmin − 2·dims)) fits a
 * double's 53 bits, and so does every output.
 * What remains is C's wrap-around beyond int64. A lift halves its input w and
 * y + w/2; both stay inside int64 when every input of the pass is below
 * 2^63/1.5, and the outputs must be inside int64 too. For a block zfp encoded,
 * the exact coefficients' partial inverses are the forward transform's
 * partial results, below 2^62 (the forward transform does not grow the max
 * norm), and truncating planes below kmin moves a coefficient by less than
 * 2^(kmin+2); the inverse passes amplify that by at most (15/4) each. With
 * kmin ≤ 50 the sum stays below 2^63/1.5 in every dimension, so no check is
 * needed; for coarser blocks (or corrupt streams) the transform checks every
 * pass and reports failure, and the caller redoes the block on (hi, lo) words.
 */

import type { BlockPosition } from './gather.ts';

const PASS_INPUT_LIMIT = 2 ** 63 / 1.5;
const INT64_LIMIT = 2 ** 63;

/** Can the inverse transform of float64 coefficients coded down to bit plane kmin run in doubles? */
export function doubleInverseExact(kmin: number, dims: number): boolean {
  return kmin >= 16 + 2 * dims;
}

/** Is wrap-around impossible for a block zfp encoded with coefficients coded down to plane kmin? */
export function wrapImpossible(kmin: number): boolean {
  return kmin <= 50;
}

function maxAbs(v: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(v[i]!);
    if (a > m) m = a;
  }
  return m;
}

/**
 * Inverse transform of the n = 4^dims values in place, then scaling by s;
 * false if C would have wrapped around. `watch` checks every pass (see
 * above); without it only the outputs. Given a field and a full block's
 * position in it, the scaled values go there instead of back into v.
 */
export function invXformDouble(v: Float64Array, dims: number, watch: boolean, scale: number, field: Float64Array | null = null, at: BlockPosition | null = null): boolean {
  const n = 1 << (2 * dims);
  for (let s = n >> 2; s > 0; s >>= 2) {
    if (watch && maxAbs(v, n) >= PASS_INPUT_LIMIT) return false;
    for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) {
      const q = p + s, r = q + s, t = r + s;
      let x = v[p]!, y = v[q]!, z = v[r]!, w = v[t]!;
      // y += w >> 1; w -= y >> 1
      y += w * 0.5; w -= y * 0.5;
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
  }
  let m = 0;
  if (field !== null && at !== null) {
    // Row r of the block (values 4r … 4r + 3) is a run of the field along x.
    const { base, rows, sx } = at;
    for (let r = 0, i = 0; i < n; r++, i += 4) {
      const p = base + rows[r]!;
      const x0 = v[i]!, x1 = v[i + 1]!, x2 = v[i + 2]!, x3 = v[i + 3]!;
      m = Math.max(m, Math.abs(x0), Math.abs(x1), Math.abs(x2), Math.abs(x3));
      field[p] = x0 * scale;
      field[p + sx] = x1 * scale;
      field[p + 2 * sx] = x2 * scale;
      field[p + 3 * sx] = x3 * scale;
    }
    return m < INT64_LIMIT;
  }
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    const a = Math.abs(x);
    if (a > m) m = a;
    v[i] = x * scale;
  }
  return m < INT64_LIMIT;
}
