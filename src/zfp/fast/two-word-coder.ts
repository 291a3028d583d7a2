import { get, peek, testBitwise, zerosAt } from './plane-coding.ts';
import { WindowCoder, WORD_PLANES } from './window-coder.ts';

/** Coefficients of a 3D block: its planes are two 32-bit words. */
export const TWO_WORD_SIZE = 64;

/** Planes one transposition turns for all 64 coefficients (see BitMatrix). */
const WINDOW_PLANES = 16;

/**
 * The plane coder of 3D blocks: a plane is two words, and one transposition turns 16 planes of
 * all 64 coefficients, so the usual fixed precisions (up to 16 planes) take one.
 */
export class TwoWordCoder extends WindowCoder {
  constructor() {
    super(TWO_WORD_SIZE, WINDOW_PLANES);
  }

  protected loadWindow(u: Int32Array, lo: number, count: number): void {
    const { matrix } = this;
    if (!testBitwise(TWO_WORD_SIZE, count)) {
      matrix.loadPair(u, 0, lo);
      return;
    }
    matrix.clear();
    for (let r = 0; r < count; r++) {
      const sh = lo + r;
      let m0 = 0, m1 = 0;
      for (let i = 0; i < 32; i++) {
        m0 |= ((u[i]! >>> sh) & 1) << i;
        m1 |= ((u[32 + i]! >>> sh) & 1) << i;
      }
      matrix.setPair(r, m0, m1);
    }
  }

  protected clearWindow(): void {
    this.matrix.clear();
  }

  protected planeLow(r: number): number {
    return this.matrix.pairA(r);
  }

  protected planeHigh(r: number): number {
    return this.matrix.pairB(r);
  }

  protected setPlane(r: number, low: number, high: number): void {
    this.matrix.setPair(r, low, high);
  }

  protected readPlane(words: Uint32Array, pos: number, n: number, r: number): number {
    const size = TWO_WORD_SIZE;
    const w0 = peek(words, pos);
    let m0 = n < 32 ? w0 & ((1 << n) - 1) : w0;
    let m1 = n <= 32 ? 0 : n < 64 ? peek(words, pos + 32) & ((1 << (n - 32)) - 1) : peek(words, pos + 32);
    pos += n;
    // A plane that adds no coefficient often ends within the first window.
    if (n < 32 && ((w0 >>> n) & 1) === 0) pos++;
    else while (n < size && get(words, pos++, 1)) {
      const z = zerosAt(words, pos, size - 1 - n);
      pos += z;
      n += z;
      if (n < size - 1) pos++;
      if (n < 32) m0 |= 1 << n;
      else m1 |= 1 << (n - 32);
      n++;
    }
    this.matrix.setPair(r, m0, m1);
    return pos;
  }

  protected storeWindow(u: Int32Array, lo: number, count: number): void {
    // The word's first window (the one reaching its top plane) sets the coefficients, those below add to them.
    if (lo + count === WORD_PLANES) this.matrix.storePair(lo, u, 0);
    else this.matrix.addPair(lo, u, 0);
  }
}
