import type { BlockPosition } from './gather.ts';
import { highToDouble, wordsToDouble } from './negabinary.ts';

/*
 * The decoder's last stages for a full 2D float64 block whose inverse runs in doubles (see
 * lift-double.ts, columnLimit2d): coefficients out of sequency order and negabinary, zfp's inverse lifting
 * along y then x, and the scaled values into the field. Fused for the 16-value block, whose
 * stages are otherwise mostly loop overhead and stores reloaded by the next stage: the columns
 * are lifted as they are read from the coefficient words, and each row is lifted as it goes to
 * the field. Inverse2dRows runs the row stage over a whole row of blocks at once.
 */

const INT64_LIMIT = 2 ** 63;

/** Column lifts' results, row by row. */
const lifted = new Float64Array(16);

/**
 * The block's coefficients (uhi, ulo) through `iperm`, lifted along y (zfp's inverse lift in
 * doubles, see lift-double.ts), into v[o …] row by row; `highOnly` when every low word is zero.
 */
function liftColumns(uhi: Int32Array, ulo: Int32Array, highOnly: boolean, iperm: Uint8Array, v: Float64Array, o: number): void {
  for (let p = 0; p < 4; p++) {
    const i = iperm[p]!, j = iperm[p + 4]!, k = iperm[p + 8]!, l = iperm[p + 12]!;
    let x: number, y: number, z: number, w: number;
    if (highOnly) {
      x = highToDouble(uhi[i]!); y = highToDouble(uhi[j]!); z = highToDouble(uhi[k]!); w = highToDouble(uhi[l]!);
    } else {
      x = wordsToDouble(uhi[i]!, ulo[i]!); y = wordsToDouble(uhi[j]!, ulo[j]!); z = wordsToDouble(uhi[k]!, ulo[k]!); w = wordsToDouble(uhi[l]!, ulo[l]!);
    }
    y += w * 0.5; w -= y * 0.5;
    y += w; w = 2 * w - y;
    z += x; x = 2 * x - z;
    y += z; z = 2 * z - y;
    w += x; x = 2 * x - w;
    v[o + p] = x; v[o + p + 4] = y; v[o + p + 8] = z; v[o + p + 12] = w;
  }
}

/** Are the column-lifted values v[o … o + 15] below the block's columnLimit2d? */
function columnsBelow(v: Float64Array, o: number, limit: number): boolean {
  if (limit === Infinity) return true;
  let m = 0;
  for (let q = o; q < o + 16; q++) m = Math.max(m, Math.abs(v[q]!));
  return m < limit;
}

/**
 * Invert the block's coefficients (uhi, ulo) through `iperm` into `field` at the full block
 * position `at`, times `scale`; `highOnly` when every low word is zero; `limit` the block's
 * columnLimit2d (positive). False if the column pass reaches the limit or a value reaches 2^63,
 * where doubles would round or C would have wrapped around: the caller then redoes the block
 * in integers (the coefficient words are left as they were).
 */
export function invOrderXform2dToField(uhi: Int32Array, ulo: Int32Array, highOnly: boolean, iperm: Uint8Array, scale: number, field: Float64Array, at: BlockPosition, limit: number): boolean {
  liftColumns(uhi, ulo, highOnly, iperm, lifted, 0);
  if (!columnsBelow(lifted, 0, limit)) return false;
  // Rows (along x) from `lifted`, scaled into the field.
  const { base, rows, sx } = at;
  let m = 0;
  for (let r = 0; r < 4; r++) m = Math.max(m, liftRowToField(lifted, 4 * r, scale, field, base + rows[r]!, sx));
  return m < INT64_LIMIT;
}

/** The four values at v[q …] lifted along x (zfp's inverse lift in doubles), times `scale`, into field[f], field[f + sx], …; returns their largest magnitude before scaling. */
function liftRowToField(v: Float64Array, q: number, scale: number, field: Float64Array, f: number, sx: number): number {
  let x = v[q]!, y = v[q + 1]!, z = v[q + 2]!, w = v[q + 3]!;
  y += w * 0.5; w -= y * 0.5;
  y += w; w = 2 * w - y;
  z += x; x = 2 * x - z;
  y += z; z = 2 * z - y;
  w += x; x = 2 * x - w;
  field[f] = x * scale;
  field[f + sx] = y * scale;
  field[f + 2 * sx] = z * scale;
  field[f + 3 * sx] = w * scale;
  return Math.max(Math.abs(x), Math.abs(y), Math.abs(z), Math.abs(w));
}

/*
 * The row lift's outputs from inputs (x, y, z, w) are at most |x| + 1.5|y| + |z| + 1.25|w| in
 * magnitude (the largest weight of each input over the four outputs). A block row whose bound,
 * computed with a margin for its own rounding, stays below 2^63 cannot reach it: the row stage
 * then needs no check, and a block that might is left to the per-block path while its
 * coefficients are still at hand.
 */
const ROW_BOUND_LIMIT = INT64_LIMIT * (1 - 2 ** -20);

/**
 * The decoder's inverse for a row of full 2D float64 blocks (four rows of the field), mirroring
 * Forward2dRows: each block's columns are lifted as it is decoded (liftColumns), then one pass
 * lifts the rows of every block along x and writes them, scaled, into the field, four field rows
 * of contiguous blocks rather than a scatter per block.
 */
export class Inverse2dRows {
  /** 1 where block k's column-lifted values wait at 16 · k; 0 for a block the per-block path took. */
  readonly pending: Uint8Array;
  private readonly v: Float64Array;
  private readonly scale: Float64Array;

  constructor(capacity: number) {
    this.pending = new Uint8Array(capacity);
    this.v = new Float64Array(16 * capacity);
    this.scale = new Float64Array(capacity);
  }

  /**
   * Block k's coefficients, lifted along y, to wait for the row stage (see invOrderXform2dToField
   * for the arguments). False, and the block left to the caller, when the column pass reaches
   * the limit or a value might reach 2^63.
   */
  liftColumns(k: number, uhi: Int32Array, ulo: Int32Array, highOnly: boolean, iperm: Uint8Array, scale: number, limit: number): boolean {
    const v = this.v, o = 16 * k;
    liftColumns(uhi, ulo, highOnly, iperm, v, o);
    let bound = 0;
    for (let q = o; q < o + 16; q += 4) bound = Math.max(bound, Math.abs(v[q]!) + 1.5 * Math.abs(v[q + 1]!) + Math.abs(v[q + 2]!) + 1.25 * Math.abs(v[q + 3]!));
    const taken = bound < ROW_BOUND_LIMIT && columnsBelow(v, o, limit);
    this.pending[k] = taken ? 1 : 0;
    this.scale[k] = scale;
    return taken;
  }

  /** Block k is not for the row stage. */
  leave(k: number): void {
    this.pending[k] = 0;
  }

  /** The pending blocks among the first `count`: rows lifted along x, scaled, into the field rows from `base` (element strides sx, sy). */
  toField(field: Float64Array, base: number, sx: number, sy: number, count: number): void {
    const { v, scale, pending } = this;
    for (let r = 0, row = base; r < 4; r++, row += sy) {
      for (let k = 0, q = 4 * r, f = row; k < count; k++, q += 16, f += 4 * sx) {
        if (pending[k] !== 0) liftRowToField(v, q, scale[k]!, field, f, sx);
      }
    }
  }
}
