import type { BitReader, BitWriter } from '../bitstream.ts';
import { GROUP_CODES, GROUP_READS, groupRow } from './group-tests.ts';
import { codingEnd, finishDecode, WORD_PLANES, ctz, finishEncode, get, lowestPlane, peek, readCutPlane, testBitwise, zerosAt, type CutPlane, type PlaneCoder, type PlaneCount } from './plane-coding.ts';
import { BitMatrix } from './transpose.ts';

/** Coefficients of the blocks whose planes fit one 32-bit word: 1D (4) and 2D (16). */
export const ONE_WORD_SIZES = [4, 16] as const;


/**
 * The plane coder of 1D and 2D blocks. Every plane is one word kept in a register; the planes of
 * one coefficient word are taken from (or handed to) a transposition of that word, the upper
 * word's first for 64-bit coefficients.
 */
export class OneWordCoder implements PlaneCoder {
  private readonly matrix = new BitMatrix();
  /** readCutPlane's mask and result. */
  private readonly cutMask = new Int32Array(1);
  private readonly cut: CutPlane = { pos: 0, complete: false };

  constructor(private readonly size: number) {}

  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const { size, matrix } = this, words = w.words, start = w.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    let pos = start, n = 0, k = intprec;
    // The stream word being filled stays in a register (`word`, index wi): each store is then
    // of a finished value, and no plane's store waits on the load of the word the last one wrote.
    let wi = start >>> 5, word = words[wi]! | 0;
    while (k > kmin && pos < end) {
      // Planes lo … k − 1, all in one coefficient word.
      const base = k > WORD_PLANES ? WORD_PLANES : 0;
      const lo = Math.max(kmin, base);
      this.loadPlanes(base === 0 ? ulo : uhi, lo - base, k - lo);
      while (k > lo && pos < end) {
        k--;
        const x = matrix.plane16(k - lo);
        // The plane's whole code (n verbatim bits, then the group tests) fits 31 bits: built in a register, stored once.
        let code = x & ((1 << n) - 1), length = n;
        const ahead = x >>> n;
        if (n === size && k > lo && pos + size < end) {
          // Every coefficient significant: a plane is its `size` bits alone, and the next plane
          // (begun within the budget) joins this one in the register.
          k--;
          code |= matrix.plane16(k - lo) << size;
          length += size;
        } else if (ahead >>> 8 === 0) {
          const e = GROUP_CODES[groupRow(size - n) | ahead]!;
          code |= (e & 0x1ffff) << n;
          length += (e >>> 17) & 31;
          n += e >>> 22;
        } else {
          while (n < size) {
            const rest = x >>> n;
            if (rest === 0) {
              length++; // negative group test
              break;
            }
            const j = n + ctz(rest);
            code |= 1 << length; // positive group test, then the zeros before coefficient j
            length += 1 + j - n;
            // Coefficient j's one-bit, implied for the last coefficient.
            if (j < size - 1) code |= 1 << length++;
            n = j + 1;
          }
        }
        const r = pos & 31;
        const filled = word | (code << r), spill = (code >>> (31 - r)) >>> 1;
        pos += length;
        // 1 if the code reached the next word (a code of at most 32 bits crosses at most one boundary); selected without a branch.
        const crossed = (pos >>> 5) - wi;
        words[wi] = filled;
        word = (filled & (crossed - 1)) | (spill & -crossed);
        wi += crossed;
      }
    }
    words[wi] = word;
    return finishEncode(w, start, end, pos, intprec, k, out);
  }

  /** Planes lo … lo + count − 1 of the word `u` into the matrix, plane lo + r as plane16(r). */
  private loadPlanes(u: Int32Array, lo: number, count: number): void {
    const { size, matrix } = this;
    if (!testBitwise(size, count)) {
      matrix.load16(u, size, lo);
      return;
    }
    matrix.clear16();
    for (let r = 0; r < count; r++) {
      let m = 0;
      for (let i = 0; i < size; i++) m |= ((u[i]! >>> (lo + r)) & 1) << i;
      matrix.addPlane16(r, m);
    }
  }

  /** Coefficient words of `u` from the count planes in the matrix, lo … lo + count − 1 (lower planes zero). */
  private storePlanes(u: Int32Array, lo: number, count: number): void {
    const { size, matrix } = this;
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

  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const { size, matrix } = this, words = r.words, start = r.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    let pos = start, n = 0, k = intprec, planes = 0;
    let word = intprec;
    // The top word is always written; the low word of 64-bit coefficients only if the code reaches it.
    do {
      const base = word > WORD_PLANES ? WORD_PLANES : 0;
      const lo = Math.max(kmin, base);
      matrix.clear16();
      // With at most 16 coefficients, verbatim bits and runs each fit one 32-bit window.
      for (; k > lo; k--) {
        const w = peek(words, pos);
        if (n === size && k - lo > 1 && pos + 2 * size <= end) {
          // Every coefficient significant: a plane is its `size` bits alone, and the window holds
          // the next one too (within the budget), taken with this one.
          matrix.addPlane16(k - 1 - lo, w & ((1 << size) - 1));
          matrix.addPlane16(k - 2 - lo, (w >>> size) & ((1 << size) - 1));
          pos += 2 * size;
          planes += 2;
          k--;
          continue;
        }
        const from = pos, was = n;
        let m = w & ((1 << n) - 1);
        pos += n;
        // Most planes' group tests are settled by the next eight bits, in the same window.
        const e = n < size ? GROUP_READS[groupRow(size - n) | ((w >>> n) & 255)]! : 0;
        if (e !== 0) {
          pos += e >>> 12;
          m |= (e & 255) << n;
          n += (e >>> 8) & 15;
        } else while (n < size && get(words, pos++, 1)) {
          const z = zerosAt(words, pos, size - 1 - n);
          pos += z;
          n += z;
          if (n < size - 1) pos++; // the one-bit that ended the run
          m |= 1 << n;
          n++;
        }
        // A plane read past `end` is undone (reading is harmless) and read again against the budget.
        if (pos > end) {
          pos = from;
          n = was;
          break;
        }
        matrix.addPlane16(k - 1 - lo, m);
        planes++;
      }
      if (k > lo && pos < end) {
        k--;
        readCutPlane(words, pos, n, end - pos, size, this.cutMask, this.cut);
        matrix.addPlane16(k - lo, this.cutMask[0]!);
        pos = this.cut.pos;
        if (this.cut.complete) planes++;
      }
      this.storePlanes(base === 0 ? ulo : uhi, lo - base, word - lo);
      word = lo;
    } while (k === word && k > kmin && pos < end);
    return finishDecode(r, start, pos, planes, k, out);
  }
}
