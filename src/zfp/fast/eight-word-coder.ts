import type { BitReader, BitWriter } from '../bitstream.ts';
import { codingEnd, finishDecode, WORD_PLANES, ctz, emitRun, finishEncode, get, lowestPlane, put, readCutPlane, testBitwise, zerosAt, type CutPlane, type PlaneCoder, type PlaneCount } from './plane-coding.ts';
import { BitMatrix } from './transpose.ts';

/** Coefficients of a 4D block. */
export const EIGHT_WORD_SIZE = 256;

/** Words of one plane: a plane is a mask over 256 coefficients. */
const PLANE_WORDS = 8;


/** Planes of coefficients of any width. */
const MAX_PLANES = 64;

/** Planes one transposition turns for 64 coefficients (see BitMatrix). */
const PAIR_PLANES = 16;

/**
 * The plane coder of 4D blocks. Planes are too wide for registers: all of them are built in
 * `planes` (plane k in words k·8 … k·8 + 7) from transpositions of 32 coefficients at a time
 * (64 when at most 16 planes are needed), or back.
 */
export class EightWordCoder implements PlaneCoder {
  private readonly matrix = new BitMatrix();
  private readonly planes = new Int32Array(MAX_PLANES * PLANE_WORDS);
  /** readCutPlane's mask and result. */
  private readonly cutMask = new Int32Array(PLANE_WORDS);
  private readonly cut: CutPlane = { pos: 0, complete: false };

  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const size = EIGHT_WORD_SIZE, words = w.words, start = w.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    if (intprec === MAX_PLANES) this.fillPlanes(uhi, WORD_PLANES, Math.max(kmin, WORD_PLANES), MAX_PLANES);
    let pos = start, n = 0, k = intprec;
    while (k > kmin && pos < end) {
      // A budget often runs out before the low word: its planes are made when the code reaches them.
      if (k === WORD_PLANES) this.fillPlanes(ulo, 0, kmin, WORD_PLANES);
      k--;
      const at = k * PLANE_WORDS;
      pos = this.putPlane(words, pos, n, at);
      n = this.significantAfter(n, at);
    }
    return finishEncode(w, start, end, pos, intprec, k, out);
  }

  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number {
    const { planes } = this;
    const size = EIGHT_WORD_SIZE, words = r.words, start = r.pos;
    const kmin = lowestPlane(intprec, maxprec), end = codingEnd(start, maxbits, maxprec, size, intprec, kmin);
    let pos = start, n = 0, k = intprec, count = 0;
    for (; k > kmin; k--) {
      const from = pos, was = n;
      const at = (k - 1) * PLANE_WORDS;
      this.getFirst(words, pos, at, n);
      pos += n;
      while (n < size && get(words, pos++, 1)) {
        const z = zerosAt(words, pos, size - 1 - n);
        pos += z;
        n += z;
        if (n < size - 1) pos++;
        planes[at + (n >> 5)]! |= 1 << (n & 31);
        n++;
      }
      // A plane read past `end` is undone and read again against the budget.
      if (pos > end) {
        pos = from;
        n = was;
        break;
      }
      count++;
    }
    if (k > kmin && pos < end) {
      k--;
      readCutPlane(words, pos, n, end - pos, size, this.cutMask, this.cut);
      planes.set(this.cutMask, k * PLANE_WORDS);
      pos = this.cut.pos;
      if (this.cut.complete) count++;
    }
    if (intprec === MAX_PLANES) this.fillCoefficients(uhi, WORD_PLANES, Math.max(k, WORD_PLANES), MAX_PLANES);
    if (k < WORD_PLANES) this.fillCoefficients(ulo, 0, k, WORD_PLANES);
    else if (intprec === WORD_PLANES) ulo.fill(0, 0, size); // no plane coded at all
    return finishDecode(r, start, pos, count, k, out);
  }

  /** Fill `planes` lo … hi − 1 from the coefficient word `u` that holds planes base … base + 31. */
  private fillPlanes(u: Int32Array, base: number, lo: number, hi: number): void {
    const { planes, matrix } = this;
    const size = EIGHT_WORD_SIZE;
    if (testBitwise(size, hi - lo)) {
      for (let k = lo; k < hi; k++) {
        const sh = k - base;
        for (let j = 0, i = 0; i < size; j++) {
          let m = 0;
          for (let b = 0; b < 32; i++, b++) m |= ((u[i]! >>> sh) & 1) << b;
          planes[k * PLANE_WORDS + j] = m;
        }
      }
      return;
    }
    const at = base * PLANE_WORDS;
    if (hi - lo <= PAIR_PLANES) {
      for (let g = 0; g < PLANE_WORDS; g += 2) matrix.planesOfPair(u, 32 * g, planes, at + g, at + g + 1, PLANE_WORDS, lo - base, hi - base);
    } else {
      for (let g = 0; g < PLANE_WORDS; g++) matrix.planesOf(u, 32 * g, 32, planes, at + g, PLANE_WORDS, lo - base, hi - base);
    }
  }

  /** Inverse of fillPlanes: the word's coefficients from planes lo … hi − 1 (lower planes zero). */
  private fillCoefficients(u: Int32Array, base: number, lo: number, hi: number): void {
    const { planes, matrix } = this;
    const size = EIGHT_WORD_SIZE;
    if (testBitwise(size, hi - lo)) {
      u.fill(0, 0, size);
      for (let k = lo; k < hi; k++) {
        const bit = 1 << (k - base);
        for (let j = 0; j < PLANE_WORDS; j++) {
          for (let m = planes[k * PLANE_WORDS + j]!; m !== 0; m &= m - 1) u[(j << 5) + ctz(m)]! |= bit;
        }
      }
      return;
    }
    const at = base * PLANE_WORDS;
    if (hi - lo <= PAIR_PLANES) {
      for (let g = 0; g < PLANE_WORDS; g += 2) matrix.coefficientsOfPair(planes, at + g, at + g + 1, PLANE_WORDS, lo - base, hi - base, u, 32 * g);
    } else {
      for (let g = 0; g < PLANE_WORDS; g++) matrix.coefficientsOf(planes, at + g, PLANE_WORDS, lo - base, hi - base, u, 32 * g, 32);
    }
  }

  /** Code the plane at `at` at pos, n coefficients significant before it: n bits verbatim, then the group tests. Returns the position after it. */
  private putPlane(words: Uint32Array, pos: number, n: number, at: number): number {
    const { planes } = this;
    for (let j = 0, left = n; left > 0; j++, left -= 32) put(words, pos + 32 * j, planes[at + j]!, left < 32 ? left : 32);
    pos += n;
    // Each one-bit at or after n ends a run: the plane's words are scanned once, lowest bit first.
    for (let j = n >> 5; j < PLANE_WORDS; j++) {
      for (let m = planes[at + j]! & (j === n >> 5 ? -1 << (n & 31) : -1); m !== 0; m &= m - 1) {
        const one = (j << 5) + ctz(m);
        pos = emitRun(words, pos, n, one, EIGHT_WORD_SIZE);
        n = one + 1;
      }
    }
    // A negative group test ends the plane, unless every coefficient is significant.
    return n < EIGHT_WORD_SIZE ? pos + 1 : pos;
  }

  /** Coefficients significant after the plane at `at` when n were before it: the group tests end past its last one-bit. */
  private significantAfter(n: number, at: number): number {
    for (let j = PLANE_WORDS - 1; 32 * (j + 1) > n; j--) {
      const m = this.planes[at + j]!;
      if (m !== 0) return Math.max(n, 32 * (j + 1) - Math.clz32(m));
    }
    return n;
  }

  /** Read the first n bits of the plane at `at` from pos; clear the rest of the plane. */
  private getFirst(words: Uint32Array, pos: number, at: number, n: number): void {
    for (let j = 0; j < PLANE_WORDS; j++, n -= 32, pos += 32) this.planes[at + j] = n > 0 ? get(words, pos, n < 32 ? n : 32) : 0;
  }
}
