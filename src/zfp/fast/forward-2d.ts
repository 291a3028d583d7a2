import { exponentOfMax, pow2, scaleOverflows } from './block-float.ts';
import { fwdLift, splitInto } from './lift-split.ts';
import { traitsOf } from '../traits.ts';

const FLOAT64 = traitsOf('float64');

/*
 * The encoder's front end for a row of full 2D float64 blocks (four rows of the field), stage by
 * stage over the whole row: the blocks' common exponents, then the block-float integers as
 * splits (see lift-split.ts), each block row lifted along x as it is made, then the lifting
 * along y. A 16-value block spends most of its front end in per-block calls and setup when
 * each block runs every stage in turn; a stage over the row runs as one tight loop, and reads
 * the field where it lies (no gathered copy).
 */
export class Forward2dRows {
  /** Common exponent of each block of the row. */
  readonly emax: Int32Array;
  /** 1 where the block's lifted splits are ready in (a, b) at 16 · block: finite values, finite scale. */
  readonly lifted: Uint8Array;
  readonly a: Float64Array;
  readonly b: Int32Array;
  private readonly scale: Float64Array;

  constructor(readonly capacity: number) {
    this.emax = new Int32Array(capacity);
    this.lifted = new Uint8Array(capacity);
    this.a = new Float64Array(16 * capacity);
    this.b = new Int32Array(16 * capacity);
    this.scale = new Float64Array(capacity);
  }

  /**
   * Lift the first `count` blocks of the four field rows that start at `base` (element
   * strides sx, sy). A block left unlifted (a NaN or infinity, all zeros, or a scale that
   * overflows) is for the caller's general path, which gives it zfp's treatment or error.
   */
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
}
