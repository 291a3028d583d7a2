import type { BitReader, BitWriter } from '../bitstream.ts';
import { GROUP_CODES, groupRow } from './group-tests.ts';
import { codingEnd, ctz, finishDecode, WORD_PLANES, finishEncode, lowestPlane, peek, put, putPlane, readCutPlane, significantAfter, testBitwise, zerosAt, type CutPlane, type PlaneCoder, type PlaneCount } from './plane-coding.ts';
import { BitMatrix } from './transpose.ts';

/** Coefficients of a 3D block: its planes are two 32-bit words. */
export const TWO_WORD_SIZE = 64;


/** Coefficients a 16 × 16 transposition turns: when only the first ones are significant, half the work of a 32 × 32 one. */
const FEW = 16;

/** Are the words of all coefficients from FEW on zero? */
function fewCoefficients(uhi: Int32Array, ulo: Int32Array): boolean {
  let or = 0;
  for (let i = FEW; i < TWO_WORD_SIZE; i++) or |= uhi[i]! | ulo[i]!;
  return or === 0;
}

/** Planes one transposition turns for all 64 coefficients (see BitMatrix). */
const WINDOW_PLANES = 16;

/**
 * The plane coder of 3D blocks. Every plane is two words kept in registers; planes are taken
 * from (or handed to) transpositions of 16 planes at a time, top down, so the usual fixed
 * precisions (up to 16 planes) take one.
 */
export class TwoWordCoder implements PlaneCoder {
  private readonly matrix = new BitMatrix();
  /** readCutPlane's mask and result. */
  private readonly cutMask = new Int32Array(2);
  private readonly cut: CutPlane = { pos: 0, complete: false };

  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const { matrix } = this, size = TWO_WORD_SIZE, words = w.words, start = w.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    let pos = start, n = 0, k = intprec;
    const few = fewCoefficients(intprec === 64 ? uhi : ulo, ulo);
    while (k > kmin && pos < end) {
      // Planes lo … k − 1, all in one coefficient word.
      const base = k > WORD_PLANES ? WORD_PLANES : 0;
      const u = base === 0 ? ulo : uhi;
      if (few) {
        // Only the first 16 coefficients have bits: the word's 32 planes in one 16 × 16 transposition.
        const lo = Math.max(kmin, base);
        matrix.load16(u, FEW, lo - base);
        while (k > lo && pos < end) {
          k--;
          const x0 = matrix.plane16(k - lo), ahead = x0 >>> n;
          if (x0 === 0) {
            // An empty plane (a block of few coefficients coded far down has many): n zeros and a negative group test.
            pos += n + 1;
            continue;
          }
          if (ahead >>> 8 !== 0) {
            pos = putPlane(words, pos, n, size, x0, 0);
            n = significantAfter(n, x0, 0);
            continue;
          }
          // The plane's one-bits past the n verbatim ones all lie in the next eight coefficients: their group tests by
          // table, written with the verbatim bits at once (n ≤ 16 and, when n = 16, nothing ahead: at most 32 bits).
          const e = GROUP_CODES[groupRow(size - n) | ahead]!, length = n + ((e >>> 17) & 31);
          put(words, pos, (x0 & ((1 << n) - 1)) | ((e & 0x1ffff) << n), length);
          pos += length;
          n += e >>> 22;
        }
        continue;
      }
      const lo = Math.max(kmin, base, k - WINDOW_PLANES);
      this.loadPlanes(u, lo - base, k - lo);
      while (k > lo && pos < end) {
        k--;
        const x0 = matrix.pairA(k - lo), x1 = matrix.pairB(k - lo);
        pos = putPlane(words, pos, n, size, x0, x1);
        n = significantAfter(n, x0, x1);
      }
    }
    return finishEncode(w, start, end, pos, intprec, k, out);
  }

  /** Planes lo … lo + count − 1 (count ≤ 16) of the word `u` into the matrix, plane lo + r as pairA(r), pairB(r). */
  private loadPlanes(u: Int32Array, lo: number, count: number): void {
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

  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const { matrix } = this, size = TWO_WORD_SIZE, words = r.words, start = r.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    let pos = start, n = 0, k = intprec, planes = 0;
    let top = intprec;
    // The top word is always written; the low word of 64-bit coefficients only if the code reaches it.
    do {
      const base = top > WORD_PLANES ? WORD_PLANES : 0;
      const lo = Math.max(kmin, base, top - WINDOW_PLANES);
      matrix.clear();
      let any = 0;
      while (k > lo) {
        const from = pos, was = n;
        const w0 = peek(words, pos);
        if (n < 31 && (w0 & ((2 << n) - 1)) === 0) {
          // An empty plane is n zero bits and a negative group test: the peeked zeros hold a run of them. (No call
          // here: one more inlined call site would push the window stores out of the loop's inlining budget.)
          const width = n + 1, zeros = w0 === 0 ? 32 : 31 - Math.clz32(w0 & -w0);
          const empty = Math.min(k - lo, (zeros / width) | 0, ((end - pos) / width) | 0);
          if (empty > 0) {
            pos += empty * width;
            k -= empty;
            planes += empty;
            continue;
          }
        }
        let m0 = n < 32 ? w0 & ((1 << n) - 1) : w0;
        let m1 = n <= 32 ? 0 : n < 64 ? peek(words, pos + 32) & ((1 << (n - 32)) - 1) : peek(words, pos + 32);
        pos += n;
        // A plane that adds no coefficient often ends within the first window.
        if (n < 32 && ((w0 >>> n) & 1) === 0) pos++;
        else while (n < size) {
          // A group test, and after a positive one the run of zeros up to the next significant coefficient: one read.
          const bits = peek(words, pos++);
          if ((bits & 1) === 0) break;
          const limit = size - 1 - n, run = bits >>> 1;
          const z = run !== 0 ? Math.min(ctz(run), limit) : limit < 32 ? limit : zerosAt(words, pos, limit);
          pos += z;
          n += z;
          if (n < size - 1) pos++;
          if (n < 32) m0 |= 1 << n;
          else m1 |= 1 << (n - 32);
          n++;
        }
        // A plane read past `end` is undone and read again against the budget.
        if (pos > end) {
          pos = from;
          n = was;
          break;
        }
        k--;
        matrix.setPair(k - lo, m0, m1);
        any |= m0 | m1;
        planes++;
      }
      if (k > lo && pos < end) {
        k--;
        readCutPlane(words, pos, n, end - pos, size, this.cutMask, this.cut);
        matrix.setPair(k - lo, this.cutMask[0]!, this.cutMask[1]!);
        any |= this.cutMask[0]! | this.cutMask[1]!;
        n = significantAfter(n, this.cutMask[0]!, this.cutMask[1]!);
        pos = this.cut.pos;
        if (this.cut.complete) planes++;
      }
      const u = base === 0 ? ulo : uhi, first = top === base + WORD_PLANES;
      // The word's first window sets its coefficients, the windows below add their planes.
      // A window of empty planes adds nothing: no transposition.
      if (any === 0) {
        if (first) for (let i = 0; i < size; i++) u[i] = 0;
      } else if (n <= FEW) matrix.storeFirst16(lo - base, u, first);
      else if (first) matrix.storePair(lo - base, u, 0);
      else matrix.addPair(lo - base, u, 0);
      top = lo;
    } while (k === top && k > kmin && pos < end);
    return finishDecode(r, start, pos, planes, k, out);
  }
}
