/*
 * zfp's inverse lifting in plain doubles, for blocks where that is exact.
 * Decoded coefficients are multiples of 2^kmin (kmin = lowest bit plane coded,
 * or their common trailing zeros if more) below 2^63. A lift halves a value at most twice more per pass, so with
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
import { exactWordsToDouble, highToDouble } from './negabinary.ts';
import { pow2 } from './block-float.ts';
import { ctz } from './plane-coding.ts';

const PASS_INPUT_LIMIT = 2 ** 63 / 1.5;
const INT64_LIMIT = 2 ** 63;

/** Can the inverse transform of float64 coefficients coded down to bit plane kmin run in doubles? */
export function doubleInverseExact(kmin: number, dims: number): boolean {
  return kmin >= 16 + 2 * dims;
}

/**
 * doubleInverseExact for decoded coefficients (uhi, ulo) coded down to plane `lowest`: the
 * coefficients' common trailing zeros may stand for kmin too (a block coded to plane 0 whose
 * coefficients have few significant bits, e.g. one of small integers, needs no int64 inverse).
 */
export function coefficientsInverseExact(lowest: number, dims: number, uhi: Int32Array, ulo: Int32Array, size: number): boolean {
  return doubleInverseExact(lowest, dims) || doubleInverseExact(trailingZeros(uhi, ulo, size), dims);
}

/**
 * The coefficients' common trailing zeros (64 if all are zero). The low words count only when
 * planes below 32 were coded (see PlaneCoder.decode); callers ask only when they were.
 */
function trailingZeros(uhi: Int32Array, ulo: Int32Array, size: number): number {
  let hi = 0, lo = 0;
  for (let i = 0; i < size; i++) {
    hi |= uhi[i]!;
    lo |= ulo[i]!;
  }
  return lo !== 0 ? ctz(lo) : hi !== 0 ? 32 + ctz(hi) : 64;
}

/*
 * 2D blocks, checked as they run: a rule for any coefficients, a corrupt stream's included.
 * Facts of one inverse lift (exact arithmetic, inputs x, y, z, w multiples of 2^g):
 * (a) every intermediate is a multiple of 2^(g − 2); those not of 2^(g − 1) (w − y/2 and what
 *     follows from it) weigh the inputs by at most 15/4 in total, the others by at most 4: with
 *     the inputs below M, all are exact in a double when (15/4)·M ≤ 2^(g − 2 + 53);
 * (b) the inputs, and every intermediate, are at most the largest output in magnitude (the
 *     doublings 2x, 2z, 2w twice that): the forward lift, the inverse's exact inverse, weighs
 *     its inputs by at most 1, and so does each intermediate as a form of the outputs.
 * Pass 1 (along y) takes the coefficients, multiples of 2^grain; pass 2 (along x) its outputs,
 * multiples of 2^(grain − 2), the largest M2. A double operation rounds its result by at most
 * 2^−53 of it, so even where the passes round, the computed values stay within 2^−40 of the
 * exact ones (relative). Then:
 * - Pass 2 is exact when M2 < 2^(grain + 47) (then (15/4)·M2 < 2^(grain − 4 + 53)). One plane
 *   more lets an intermediate of 2^(grain + 49.9) keep a bit of 2^(grain − 4) (test/zfp).
 * - Pass 1 is exact too: its inputs are at most M2 by (b) — were it not exact, its largest
 *   exact intermediate, at least 2^(grain + 51) by (a), would make M2 over the limit.
 * - From grain 15 on no check of M2 is needed: a rounding needs an exact intermediate of at
 *   least 2^(grain − 4 + 53) ≥ 2^64, so by (b) an output that large, which the outputs' check
 *   below 2^63 declines.
 * - A right shift in C floors; in doubles it halves. They agree on even numbers: from grain 4 on
 *   every shifted value (w, y + w/2 of each pass) is one (at grain 3 pass 2 halves odd ones).
 * - C's int64 arithmetic wraps; additions, subtractions and doublings agree with exact
 *   arithmetic modulo 2^64, right shifts only on values inside int64. By (b) every shifted value
 *   and pass 1's outputs are at most the final outputs, which are checked below 2^63 as they
 *   are written: then C never wrapped where it mattered, and its outputs are the exact ones.
 * For a block zfp encoded M2 is about 2^62 at most (the forward transform's partial results,
 * which do not grow the max norm, plus the truncation): from grain 15 on every such block passes.
 */

/** The 2D inverse in doubles is exact when pass 1's outputs stay below this (see above): Infinity for no check, 0 when no block's can. */
export function columnLimit2d(grain: number): number {
  return grain < 4 ? 0 : grain >= 15 ? Infinity : pow2(grain + 47);
}

/**
 * columnLimit2d of decoded 2D coefficients (uhi, ulo) coded down to plane `lowest`, their
 * trailing zeros counting as grain; 0 too for coefficients already past it.
 */
export function coefficientsColumnLimit2d(lowest: number, uhi: Int32Array, ulo: Int32Array): number {
  if (lowest >= 15) return Infinity;
  const grain = Math.max(lowest, trailingZeros(uhi, ulo, 16));
  let top = 0;
  for (let i = 0; i < 16; i++) top |= uhi[i]!;
  // A negabinary coefficient with its top digit at p (63 − clz of its high word) is over
  // 2^(p − 2) in magnitude, and by (b) pass 1's outputs are at least the coefficients: a block
  // coded finely enough that the limit binds (most of them, as zfp's integers reach 2^62) is
  // declined before the lifts.
  return top !== 0 && grain < 15 && 61 - Math.clz32(top) >= grain + 47 ? 0 : columnLimit2d(grain);
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

/** zfp's inverse lift of v[p], v[p + s], v[p + 2s], v[p + 3s], in place. */
function invLift(v: Float64Array, p: number, s: number): void {
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

/**
 * Scale the n transformed values of v by s into v, or into a field at a full block's position;
 * false if C would have wrapped around (an output at or beyond 2^63).
 */
function storeScaled(v: Float64Array, n: number, scale: number, field: Float64Array | null, at: BlockPosition | null): boolean {
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
    for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) invLift(v, p, s);
  }
  return storeScaled(v, n, scale, field, at);
}

/**
 * The y and x passes of one z-plane (values p … p + 15) in locals, then the scaled values into
 * `field` at `at`'s rows 4z … 4z + 3 (z = p / 16) if given, else back into v; true if C would
 * have wrapped around (an output at or beyond 2^63). Unrolled, as the forward's plane
 * (forward-3d.ts): the y pass makes no typed-array round trip.
 */
function invXformPlane(v: Float64Array, p: number, scale: number, field: Float64Array | null, at: BlockPosition | null): boolean {
  let v0 = v[p]!, v1 = v[p + 1]!, v2 = v[p + 2]!, v3 = v[p + 3]!, v4 = v[p + 4]!, v5 = v[p + 5]!, v6 = v[p + 6]!, v7 = v[p + 7]!, v8 = v[p + 8]!, v9 = v[p + 9]!, v10 = v[p + 10]!, v11 = v[p + 11]!, v12 = v[p + 12]!, v13 = v[p + 13]!, v14 = v[p + 14]!, v15 = v[p + 15]!;
  // Along y: columns x, x + 4, x + 8, x + 12.
  v4 += v12 * 0.5; v12 -= v4 * 0.5; v4 += v12; v12 = 2 * v12 - v4; v8 += v0; v0 = 2 * v0 - v8; v4 += v8; v8 = 2 * v8 - v4; v12 += v0; v0 = 2 * v0 - v12;
  v5 += v13 * 0.5; v13 -= v5 * 0.5; v5 += v13; v13 = 2 * v13 - v5; v9 += v1; v1 = 2 * v1 - v9; v5 += v9; v9 = 2 * v9 - v5; v13 += v1; v1 = 2 * v1 - v13;
  v6 += v14 * 0.5; v14 -= v6 * 0.5; v6 += v14; v14 = 2 * v14 - v6; v10 += v2; v2 = 2 * v2 - v10; v6 += v10; v10 = 2 * v10 - v6; v14 += v2; v2 = 2 * v2 - v14;
  v7 += v15 * 0.5; v15 -= v7 * 0.5; v7 += v15; v15 = 2 * v15 - v7; v11 += v3; v3 = 2 * v3 - v11; v7 += v11; v11 = 2 * v11 - v7; v15 += v3; v3 = 2 * v3 - v15;
  // Along x: rows 4y … 4y + 3.
  v1 += v3 * 0.5; v3 -= v1 * 0.5; v1 += v3; v3 = 2 * v3 - v1; v2 += v0; v0 = 2 * v0 - v2; v1 += v2; v2 = 2 * v2 - v1; v3 += v0; v0 = 2 * v0 - v3;
  v5 += v7 * 0.5; v7 -= v5 * 0.5; v5 += v7; v7 = 2 * v7 - v5; v6 += v4; v4 = 2 * v4 - v6; v5 += v6; v6 = 2 * v6 - v5; v7 += v4; v4 = 2 * v4 - v7;
  v9 += v11 * 0.5; v11 -= v9 * 0.5; v9 += v11; v11 = 2 * v11 - v9; v10 += v8; v8 = 2 * v8 - v10; v9 += v10; v10 = 2 * v10 - v9; v11 += v8; v8 = 2 * v8 - v11;
  v13 += v15 * 0.5; v15 -= v13 * 0.5; v13 += v15; v15 = 2 * v15 - v13; v14 += v12; v12 = 2 * v12 - v14; v13 += v14; v14 = 2 * v14 - v13; v15 += v12; v12 = 2 * v12 - v15;
  // Compares, not Math.max: the values are finite, so its NaN and −0 handling is work for nothing.
  const wraps = Math.abs(v0) >= INT64_LIMIT || Math.abs(v1) >= INT64_LIMIT || Math.abs(v2) >= INT64_LIMIT || Math.abs(v3) >= INT64_LIMIT || Math.abs(v4) >= INT64_LIMIT || Math.abs(v5) >= INT64_LIMIT || Math.abs(v6) >= INT64_LIMIT || Math.abs(v7) >= INT64_LIMIT || Math.abs(v8) >= INT64_LIMIT || Math.abs(v9) >= INT64_LIMIT || Math.abs(v10) >= INT64_LIMIT || Math.abs(v11) >= INT64_LIMIT || Math.abs(v12) >= INT64_LIMIT || Math.abs(v13) >= INT64_LIMIT || Math.abs(v14) >= INT64_LIMIT || Math.abs(v15) >= INT64_LIMIT;
  if (field !== null && at !== null) {
    // Row r of the block (values 4r … 4r + 3) is a run of the field along x.
    const { rows, sx } = at, r = p >> 2;
    let q = at.base + rows[r]!;
    field[q] = v0 * scale; field[q + sx] = v1 * scale; field[q + 2 * sx] = v2 * scale; field[q + 3 * sx] = v3 * scale;
    q = at.base + rows[r + 1]!;
    field[q] = v4 * scale; field[q + sx] = v5 * scale; field[q + 2 * sx] = v6 * scale; field[q + 3 * sx] = v7 * scale;
    q = at.base + rows[r + 2]!;
    field[q] = v8 * scale; field[q + sx] = v9 * scale; field[q + 2 * sx] = v10 * scale; field[q + 3 * sx] = v11 * scale;
    q = at.base + rows[r + 3]!;
    field[q] = v12 * scale; field[q + sx] = v13 * scale; field[q + 2 * sx] = v14 * scale; field[q + 3 * sx] = v15 * scale;
  } else {
    v[p] = v0 * scale; v[p + 1] = v1 * scale; v[p + 2] = v2 * scale; v[p + 3] = v3 * scale; v[p + 4] = v4 * scale; v[p + 5] = v5 * scale; v[p + 6] = v6 * scale; v[p + 7] = v7 * scale; v[p + 8] = v8 * scale; v[p + 9] = v9 * scale; v[p + 10] = v10 * scale; v[p + 11] = v11 * scale; v[p + 12] = v12 * scale; v[p + 13] = v13 * scale; v[p + 14] = v14 * scale; v[p + 15] = v15 * scale;
  }
  return wraps;
}

/**
 * The 3D block's negabinary coefficients (uhi, ulo) in sequency order to values, as
 * invOrderToDouble then invXformDouble without `watch` do (the caller has wrapImpossible):
 * the reorder fused into the z pass, the y and x passes of each z-plane in registers with the
 * scaling and output, the block being the hot path of single-block decodes.
 */
export function invOrderXformDouble3(uhi: Int32Array, ulo: Int32Array, iperm: Uint8Array, highOnly: boolean, v: Float64Array, scale: number, field: Float64Array | null, at: BlockPosition | null): boolean {
  for (let p = 0; p < 16; p++) {
    const i0 = iperm[p]!, i1 = iperm[p + 16]!, i2 = iperm[p + 32]!, i3 = iperm[p + 48]!;
    let x: number, y: number, z: number, w: number;
    if (highOnly) {
      x = highToDouble(uhi[i0]!); y = highToDouble(uhi[i1]!); z = highToDouble(uhi[i2]!); w = highToDouble(uhi[i3]!);
    } else {
      x = exactWordsToDouble(uhi[i0]!, ulo[i0]!); y = exactWordsToDouble(uhi[i1]!, ulo[i1]!); z = exactWordsToDouble(uhi[i2]!, ulo[i2]!); w = exactWordsToDouble(uhi[i3]!, ulo[i3]!);
    }
    // The lift of invLift.
    y += w * 0.5; w -= y * 0.5; y += w; w = 2 * w - y; z += x; x = 2 * x - z;
    y += z; z = 2 * z - y; w += x; x = 2 * x - w;
    v[p] = x; v[p + 16] = y; v[p + 32] = z; v[p + 48] = w;
  }
  const wraps0 = invXformPlane(v, 0, scale, field, at), wraps1 = invXformPlane(v, 16, scale, field, at);
  const wraps2 = invXformPlane(v, 32, scale, field, at), wraps3 = invXformPlane(v, 48, scale, field, at);
  return !(wraps0 || wraps1 || wraps2 || wraps3);
}
