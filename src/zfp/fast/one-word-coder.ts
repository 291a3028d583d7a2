import { GROUP_READS, groupRow } from './group-tests.ts';
import { ctz, get, peek, testBitwise, zerosAt } from './plane-coding.ts';
import { WindowCoder, WORD_PLANES } from './window-coder.ts';

/** Coefficients of the blocks whose planes fit one 32-bit word: 1D (4) and 2D (16). */
export const ONE_WORD_SIZES = [4, 16] as const;

/**
 * The plane coder of 1D and 2D blocks: a plane is one word, and one transposition (of two 16×16
 * bit matrices, see BitMatrix) turns all 32 planes of a coefficient word.
 */
export class OneWordCoder extends WindowCoder {
  constructor(size: number) {
    super(size, WORD_PLANES);
  }

  protected loadWindow(u: Int32Array, lo: number, count: number): void {
    const { size, matrix } = this;
    if (!testBitwise(size, count)) {
      matrix.load16(u, size, lo);
      return;
    }
    matrix.clear16();
    for (let r = 0; r < count; r++) {
      let m = 0;
      for (let i = 0; i < size; i++) m |= ((u[i]! >>> (lo + r)) & 1) << i;
      matrix.setPlane16(r, m);
    }
  }

  protected clearWindow(): void {
    this.matrix.clear16();
  }

  protected planeLow(r: number): number {
    return this.matrix.plane16(r);
  }

  protected planeHigh(): number {
    return 0;
  }

  protected setPlane(r: number, low: number): void {
    this.matrix.setPlane16(r, low);
  }

  protected readPlane(words: Uint32Array, pos: number, n: number, r: number): number {
    const { size } = this;
    // With at most 16 coefficients, verbatim bits and runs each fit one 32-bit window.
    const w = peek(words, pos);
    let m = w & ((1 << n) - 1);
    pos += n;
    // Most planes' group tests are settled by the next eight bits, in the same window.
    const e = n < size ? GROUP_READS[groupRow(size - n) | ((w >>> n) & 255)]! : 0;
    if (e !== 0) {
      pos += e >>> 12;
      m |= (e & 255) << n;
    } else while (n < size && get(words, pos++, 1)) {
      const z = zerosAt(words, pos, size - 1 - n);
      pos += z;
      n += z;
      if (n < size - 1) pos++; // the one-bit that ended the run
      m |= 1 << n;
      n++;
    }
    this.matrix.setPlane16(r, m);
    return pos;
  }

  protected storeWindow(u: Int32Array, lo: number, count: number): void {
    const { size, matrix } = this;
    // A window is a whole coefficient word: it sets the coefficients.
    if (!testBitwise(size, count)) {
      matrix.store16(lo, u, size);
      return;
    }
    u.fill(0, 0, size);
    for (let r = 0; r < count; r++) {
      const bit = 1 << (lo + r);
      for (let m = matrix.plane16(r); m !== 0; m &= m - 1) u[ctz(m)]! |= bit;
    }
  }
}
