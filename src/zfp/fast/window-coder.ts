import type { BitReader, BitWriter } from '../bitstream.ts';
import { codingEnd, finishEncode, lowestPlane, putPlane, readCutPlane, significantAfter, type CutPlane, type PlaneCoder, type PlaneCount } from './plane-coding.ts';
import { BitMatrix } from './transpose.ts';

/** Planes of one coefficient word. */
export const WORD_PLANES = 32;

/**
 * The plane loops of blocks whose planes fit two registers (at most 64 coefficients: 1D to 3D).
 * Planes go through a BitMatrix a window at a time, top down: a window is `windowPlanes` planes
 * of one coefficient word (the upper word first for 64-bit coefficients), transposed from the
 * word before it is encoded, transposed back into it after it is decoded. A block shape says how
 * its planes sit in the matrix.
 */
export abstract class WindowCoder implements PlaneCoder {
  protected readonly matrix = new BitMatrix();
  /** readCutPlane's mask and result. */
  private readonly cutMask = new Int32Array(2);
  private readonly cut: CutPlane = { pos: 0, complete: false };

  constructor(
    protected readonly size: number,
    private readonly windowPlanes: number,
  ) {}

  /** Planes lo … lo + count − 1 of the word `u` into the matrix, plane lo + r at r. */
  protected abstract loadWindow(u: Int32Array, lo: number, count: number): void;
  /** Clear the matrix before a window is decoded into it. */
  protected abstract clearWindow(): void;
  /** The masks of plane r of the window: coefficients 0 … 31 and 32 … 63. */
  protected abstract planeLow(r: number): number;
  protected abstract planeHigh(r: number): number;
  protected abstract setPlane(r: number, low: number, high: number): void;
  /** Decode one whole plane at pos, n coefficients significant before it, into plane r of the window; returns the position after it. */
  protected abstract readPlane(words: Uint32Array, pos: number, n: number, r: number): number;
  /** Coefficient words of `u` from the window's planes lo … lo + count − 1; planes above them in the word already there. */
  protected abstract storeWindow(u: Int32Array, lo: number, count: number): void;

  /** The lowest plane of the window that ends below plane `top`, for planes down to kmin. */
  private windowFloor(top: number, kmin: number): number {
    return Math.max(kmin, wordBase(top), top - this.windowPlanes);
  }

  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const { size } = this, words = w.words, start = w.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    let pos = start, n = 0, k = intprec;
    while (k > kmin && pos < end) {
      const base = wordBase(k);
      const lo = this.windowFloor(k, kmin);
      this.loadWindow(base === 0 ? ulo : uhi, lo - base, k - lo);
      while (k > lo && pos < end) {
        k--;
        const x0 = this.planeLow(k - lo), x1 = this.planeHigh(k - lo);
        pos = putPlane(words, pos, n, size, x0, x1);
        n = significantAfter(n, x0, x1);
      }
    }
    return finishEncode(w, start, end, pos, intprec, k, out);
  }

  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const { size } = this, words = r.words, start = r.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    let pos = start, n = 0, k = intprec, planes = 0, top = intprec;
    // The top word is always written; the low word of 64-bit coefficients only if the code reaches it.
    do {
      const base = wordBase(top);
      const lo = this.windowFloor(top, kmin);
      this.clearWindow();
      for (; k > lo; k--, planes++) {
        const next = this.readPlane(words, pos, n, k - 1 - lo);
        // A plane read past `end` (reading is harmless) is dropped, and read again against the budget below.
        if (next > end) {
          this.setPlane(k - 1 - lo, 0, 0);
          break;
        }
        pos = next;
        n = significantAfter(n, this.planeLow(k - 1 - lo), this.planeHigh(k - 1 - lo));
      }
      if (k > lo && pos < end) {
        k--;
        readCutPlane(words, pos, n, end - pos, size, this.cutMask, this.cut);
        this.setPlane(k - lo, this.cutMask[0]!, this.cutMask[1]!);
        pos = this.cut.pos;
        if (this.cut.complete) planes++;
      }
      this.storeWindow(base === 0 ? ulo : uhi, lo - base, top - lo);
      top = lo;
    } while (k === top && k > kmin && pos < end);
    r.pos = pos;
    out.planes = planes;
    out.lowest = k;
    return pos - start;
  }
}

/** The first plane of the coefficient word that holds plane top − 1. */
function wordBase(top: number): number {
  return top > WORD_PLANES ? WORD_PLANES : 0;
}
