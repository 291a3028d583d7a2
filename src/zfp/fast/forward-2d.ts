import { exponentOfMax, pow2, scaleOverflows } from './block-float.ts';
import { fwdLift, revFwdLiftSplit, splitInto, splitWordsInto } from './lift-split.ts';
import { traitsOf } from '../traits.ts';

const FLOAT64 = traitsOf('float64');

/*
 * The encoder's front end for a row of full 2D float64 blocks (four rows of the field), stage by
 * stage over the whole row: the blocks' common exponents, then the block-float integers as
 * splits (see lift-split.ts), each block row lifted along x as it is made, then the lifting
 * along y. A 16-value block spends most of its front end in per-block calls and setup when
 * each block runs every stage in turn; a stage over the row runs as one tight loop, and reads
 * the field where it lies (no gathered copy).
 *
 * A block the row leaves unlifted (a NaN or infinity, all zeros, a scale that overflows, or in
 * reversible mode a cast that loses bits) is for the caller's general path, which gives it
 * zfp's treatment or error.
 */
export class Forward2dRows {
  /** Common exponent of each block of the row. */
  readonly emax: Int32Array;
  /** 1 where the block's lifted splits are ready at 16 · block: (a, b) in the lossy modes, (a, wide) in reversible mode. */
  readonly lifted: Uint8Array;
  readonly a: Float64Array;
  /** The lossy modes' low parts, as lift-split.ts's forward lifting holds them. */
  readonly b: Int32Array;
  /** Reversible mode's low parts, as revFwdLiftSplit holds them. */
  readonly wide: Float64Array;
  /** The lossy modes: each block's block-float scale 2^(62 − emax), 0 for a block the row leaves. */
  private readonly scale: Float64Array;

  constructor(capacity: number, reversible: boolean) {
    this.emax = new Int32Array(capacity);
    this.lifted = new Uint8Array(capacity);
    this.a = new Float64Array(16 * capacity);
    this.b = new Int32Array(reversible ? 0 : 16 * capacity);
    this.wide = new Float64Array(reversible ? 16 * capacity : 0);
    this.scale = new Float64Array(capacity);
  }

  /** The lossy modes: lift the first `count` blocks of the four field rows from `base` (element strides sx, sy). */
  liftRow(field: Float64Array, base: number, sx: number, sy: number, count: number): void {
    const { emax, lifted, scale, a, b } = this;
    for (let k = 0, p = base; k < count; k++, p += 4 * sx) {
      let max = 0, probe = 0; // probe: x − x is NaN exactly for NaN and ±Infinity
      for (let r = 0, q = p; r < 4; r++, q += sy) {
        const x0 = field[q]!, x1 = field[q + sx]!, x2 = field[q + 2 * sx]!, x3 = field[q + 3 * sx]!;
        probe += x0 - x0 + (x1 - x1) + (x2 - x2) + (x3 - x3);
        max = Math.max(max, Math.abs(x0), Math.abs(x1), Math.abs(x2), Math.abs(x3));
      }
      const e = exponentOfMax(max, FLOAT64);
      const ok = probe === 0 && max > 0 && !scaleOverflows(e, FLOAT64);
      emax[k] = e;
      lifted[k] = ok ? 1 : 0;
      scale[k] = ok ? pow2(62 - e) : 0;
    }
    for (let r = 0, row = base; r < 4; r++, row += sy) {
      for (let k = 0, p = row, i = 4 * r; k < count; k++, p += 4 * sx, i += 16) {
        const s = scale[k]!;
        splitInto(a, b, i, Math.trunc(s * field[p]!));
        splitInto(a, b, i + 1, Math.trunc(s * field[p + sx]!));
        splitInto(a, b, i + 2, Math.trunc(s * field[p + 2 * sx]!));
        splitInto(a, b, i + 3, Math.trunc(s * field[p + 3 * sx]!));
        fwdLift(a, b, i, 1);
      }
    }
    for (let o = 0; o < 16 * count; o += 16) for (let j = o; j < o + 4; j++) fwdLift(a, b, j, 4);
  }

  /**
   * Reversible mode: as liftRow, but a block is lifted only when its cast to integers is exact
   * (every value times the scale an integer, no −0), with zfp's reversible lifting.
   */
  liftRowReversible(field: Float64Array, base: number, sx: number, sy: number, count: number): void {
    const { emax, lifted, a, wide } = this;
    // Block by block (the lossy rows go stage by stage): a block's values are read for its
    // exponent, then again for the cast, while still in cache.
    for (let k = 0, o = 0, p = base; k < count; k++, o += 16, p += 4 * sx) {
      let max = 0, probe = 0; // as in liftRow
      for (let r = 0, q = p; r < 4; r++, q += sy) {
        for (let c = 0, at = q; c < 4; c++, at += sx) {
          const x = field[at]!;
          probe += x - x;
          max = Math.max(max, Math.abs(x));
        }
      }
      const e = (emax[k] = exponentOfMax(max, FLOAT64));
      let exact = probe === 0 && max > 0 && !scaleOverflows(e, FLOAT64);
      const s = exact ? pow2(62 - e) : 0;
      for (let r = 0, q = p, i = o; r < 4; r++, q += sy, i += 4) {
        // The products are exact (a power-of-two scale that neither overflows nor underflows).
        const y0 = s * field[q]!, y1 = s * field[q + sx]!, y2 = s * field[q + 2 * sx]!, y3 = s * field[q + 3 * sx]!;
        const v0 = Math.trunc(y0), v1 = Math.trunc(y1), v2 = Math.trunc(y2), v3 = Math.trunc(y3);
        exact &&= v0 === y0 && v1 === y1 && v2 === y2 && v3 === y3 && !hasNegativeZero(field, q, sx);
        splitWordsInto(a, wide, i, v0);
        splitWordsInto(a, wide, i + 1, v1);
        splitWordsInto(a, wide, i + 2, v2);
        splitWordsInto(a, wide, i + 3, v3);
        revFwdLiftSplit(a, wide, i, 1);
      }
      lifted[k] = exact ? 1 : 0;
      revFwdLiftSplit(a, wide, o, 4);
      revFwdLiftSplit(a, wide, o + 1, 4);
      revFwdLiftSplit(a, wide, o + 2, 4);
      revFwdLiftSplit(a, wide, o + 3, 4);
    }
  }
}

/** Is one of the four values from p (stride sx) −0, which the cast would turn into +0? */
function hasNegativeZero(field: Float64Array, p: number, sx: number): boolean {
  return isNegativeZero(field[p]!) || isNegativeZero(field[p + sx]!) || isNegativeZero(field[p + 2 * sx]!) || isNegativeZero(field[p + 3 * sx]!);
}

function isNegativeZero(x: number): boolean {
  return x === 0 && 1 / x < 0;
}
