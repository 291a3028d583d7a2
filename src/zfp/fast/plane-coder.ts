import type { BitReader, BitWriter } from '../bitstream.ts';
import { GROUP_READS, groupRow } from './group-tests.ts';
import { addPlane16, addPlanePair, clearPlanes16, clearPlanesPair, coefficientsFromPlanes16, coefficientsFromPlanesPair, coefficientsOf, coefficientsOf16, coefficientsOfPair, plane16, planePairA, planePairB, planesOf, planesOf16, planesOfPair, transposeCoefficients16, transposeCoefficientsPair } from './transpose.ts';

/*
 * zfp's embedded coder on negabinary coefficients held as 32-bit words
 * (u64 coefficients as (hi, lo) pairs). Bit planes go from the most significant
 * down; within a plane the first n bits (coefficients already significant) are
 * sent verbatim and the rest by group tests: "any one-bit left?" then the run
 * of zeros up to it. A plane is a bit mask over the block's coefficients.
 * The loops work on the stream's words and bit position directly: writing a
 * zero is advancing the position, a run of zeros is read with one ctz.
 */

const MAX_WORDS = 8; // 256 coefficients in a 4D block

/** Mutable result of the last encode/decode. */
export interface PlaneCount {
  /** Bit planes coded completely. */
  planes: number;
  /** Lowest bit plane any bit was coded in (every coefficient is a multiple of 2^lowest). */
  lowest: number;
}

/** Is the bit budget tighter than the worst case? (zfp's with_maxbits, in unsigned arithmetic.) */
export function budgetBinds(maxbits: number, maxprec: number, size: number): boolean {
  return ((maxprec + 1) * size - 1) >>> 0 > maxbits >>> 0;
}

/** Few bits to move: handling them one by one beats transposing 32×32 bit matrices (about 150 bit tests per transpose). */
function testBitwise(size: number, planes: number): boolean {
  return size * planes < 150 * ((size + 31) >> 5);
}

function ctz(m: number): number {
  return 31 - Math.clz32(m & -m);
}

/** Position of the first one-bit at or after n in the 64-bit plane x1:x0, or -1. */
function firstOne(x0: number, x1: number, n: number): number {
  if (n < 32) {
    const r0 = x0 & (-1 << n);
    return r0 !== 0 ? ctz(r0) : x1 !== 0 ? 32 + ctz(x1) : -1;
  }
  const r1 = x1 & (-1 << (n - 32));
  return r1 !== 0 ? 32 + ctz(r1) : -1;
}

/**
 * An end the plane loops never reach when coding planes intprec − 1 … kmin, for callers without
 * a budget: every plane takes at most 2·size + 1 bits. An integer keeps the loops' test cheap.
 */
function beyondPlanes(intprec: number, kmin: number, size: number): number {
  return (intprec - kmin + 1) * (2 * size + 1);
}

/** Set the bit at `pos` (the buffer is zero elsewhere). */
function setBit(words: Uint32Array, pos: number): void {
  words[pos >>> 5]! |= 1 << (pos & 31);
}

/**
 * After a positive group test at pos: the run of zeros from coefficient n up to the one-bit at j,
 * and that one-bit unless j is the last coefficient (then it is implied). Returns the new position.
 */
function emitRun(words: Uint32Array, pos: number, n: number, j: number, size: number): number {
  setBit(words, pos++);
  if (j < size - 1) {
    pos += j - n;
    setBit(words, pos++);
    return pos;
  }
  return pos + size - 1 - n;
}

/** Zero bits from … to − 1 of a buffer that is zero from `to` on. */
function clearFrom(words: Uint32Array, from: number, to: number): void {
  const i = from >>> 5;
  words[i]! &= (1 << (from & 31)) - 1;
  for (let j = i + 1; j * 32 < to; j++) words[j] = 0;
}

/**
 * Write n (0..32) bits of v at pos into a zeroed buffer. Branch-free (whether the bits straddle
 * two words is a coin toss per plane): the next word always takes the spill, often none.
 */
function put(words: Uint32Array, pos: number, v: number, n: number): void {
  v &= n < 32 ? (1 << n) - 1 : -1;
  const i = pos >>> 5, r = pos & 31;
  words[i]! |= v << r;
  words[i + 1]! |= (v >>> (31 - r)) >>> 1;
}

/** The 32 bits from pos (zeros past the end); two shifts, as a shift count of 32 would be taken mod 32. */
function peek(words: Uint32Array, pos: number): number {
  const i = pos >>> 5, r = pos & 31;
  return ((words[i] ?? 0) >>> r) | (((words[i + 1] ?? 0) << (31 - r)) << 1);
}

/** Read n (0..32) bits at pos; zeros past the end. */
function get(words: Uint32Array, pos: number, n: number): number {
  const v = peek(words, pos);
  return n === 32 ? v : v & ((1 << n) - 1);
}

/** Zeros at pos before the next one-bit, at most `limit`. Runs are short: one 32-bit window usually settles it. */
function zerosAt(words: Uint32Array, pos: number, limit: number): number {
  for (let z = 0; ; z += 32, pos += 32) {
    const w = peek(words, pos);
    if (w !== 0) return Math.min(z + ctz(w), limit);
    if (z + 32 >= limit) return limit;
  }
}

export class PlaneCoder {
  /** The block's bit planes: the mask of plane k occupies words k·MAX_WORDS … */
  private readonly planes = new Int32Array(64 * MAX_WORDS);
  /** Where the last one- or two-word plane loop stopped: the lowest plane it did (the first plane asked, if none), and the coefficients then significant. */
  private stoppedAt = 0;
  private significant = 0;

  /**
   * Fill `planes` lo … hi−1, all within the 32-plane half of the coefficient
   * words `u` that starts at plane `first` (0 or 32).
   */
  private fillPlanes(u: Int32Array, size: number, first: number, lo: number, hi: number): void {
    const planes = this.planes;
    if (testBitwise(size, hi - lo)) {
      for (let k = lo; k < hi; k++) {
        const sh = k - first;
        for (let j = 0, i = 0; i < size; j++) {
          let m = 0;
          const end = i + 32 < size ? i + 32 : size;
          for (let b = 0; i < end; i++, b++) m |= ((u[i]! >>> sh) & 1) << b;
          planes[k * MAX_WORDS + j] = m;
        }
      }
      return;
    }
    if (size <= 16) {
      planesOf16(u, size, planes, first * MAX_WORDS, MAX_WORDS, lo - first, hi - first);
      return;
    }
    let g = 0;
    if (hi - lo <= 16) {
      for (; (g + 2) * 32 <= size; g += 2) planesOfPair(u, 32 * g, planes, first * MAX_WORDS + g, first * MAX_WORDS + g + 1, MAX_WORDS, lo - first, hi - first);
    }
    for (; g * 32 < size; g++) {
      planesOf(u, 32 * g, Math.min(32, size - 32 * g), planes, first * MAX_WORDS + g, MAX_WORDS, lo - first, hi - first);
    }
  }

  /** Inverse of fillPlanes: the half's coefficient words from planes lo … hi−1 (lower planes zero). */
  private fillCoefficients(u: Int32Array, size: number, first: number, lo: number, hi: number): void {
    const planes = this.planes;
    if (testBitwise(size, hi - lo)) {
      u.fill(0, 0, size);
      for (let k = lo; k < hi; k++) {
        const bit = 1 << (k - first);
        for (let j = 0; j * 32 < size; j++) {
          let m = planes[k * MAX_WORDS + j]!;
          while (m !== 0) {
            const t = m & -m;
            u[(j << 5) + 31 - Math.clz32(t)]! |= bit;
            m ^= t;
          }
        }
      }
      return;
    }
    if (size <= 16) {
      coefficientsOf16(planes, first * MAX_WORDS, MAX_WORDS, lo - first, hi - first, u, size);
      return;
    }
    let g = 0;
    if (hi - lo <= 16) {
      for (; (g + 2) * 32 <= size; g += 2) coefficientsOfPair(planes, first * MAX_WORDS + g, first * MAX_WORDS + g + 1, MAX_WORDS, lo - first, hi - first, u, 32 * g);
    }
    for (; g * 32 < size; g++) {
      coefficientsOf(planes, first * MAX_WORDS + g, MAX_WORDS, lo - first, hi - first, u, 32 * g, Math.min(32, size - 32 * g));
    }
  }

  /** Coefficients (uhi, ulo) from planes lowest … intprec−1. */
  private assemble(uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, lowest: number): void {
    if (intprec === 64) this.fillCoefficients(uhi, size, 32, Math.max(lowest, 32), 64);
    if (lowest < 32) this.fillCoefficients(ulo, size, 0, lowest, 32);
    else if (intprec === 32) ulo.fill(0, 0, size); // no plane coded at all
  }

  /** Position of the first one-bit at or after `from` in the plane at `base`, or -1. */
  private nextOne(base: number, from: number, size: number): number {
    const planes = this.planes;
    const words = (size + 31) >> 5;
    let j = from >> 5;
    if (j >= words) return -1;
    let m = planes[base + j]! & (-1 << (from & 31));
    while (m === 0) {
      if (++j >= words) return -1;
      m = planes[base + j]!;
    }
    return (j << 5) + ctz(m);
  }

  /** Write the first n bits of the plane at `base` at pos. */
  private putFirst(words: Uint32Array, pos: number, base: number, n: number): void {
    for (let j = 0; n > 0; j++, n -= 32, pos += 32) put(words, pos, this.planes[base + j]!, n < 32 ? n : 32);
  }

  /** Encode planes intprec-1 … intprec-maxprec; returns bits written. */
  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const kmin = intprec > maxprec ? intprec - maxprec : 0;
    if (budgetBinds(maxbits, maxprec, size)) return this.encodeBudget(w, maxbits >>> 0, kmin, uhi, ulo, size, intprec, out);
    const unbounded = beyondPlanes(intprec, kmin, size);
    const words = w.words;
    const start = w.pos;
    let end: number;
    // As in decode: planes all in the upper words are read straight from the transposition's rows.
    if (size <= 16 && intprec === 64 && kmin >= 32 && !testBitwise(size, 64 - kmin)) {
      transposeCoefficients16(uhi, size, kmin - 32);
      end = this.codeOneWord(words, start, 0, kmin, intprec, size, kmin, start + unbounded);
    } else if (size === 64 && intprec === 64 && kmin >= 48 && !testBitwise(size, 64 - kmin)) {
      transposeCoefficientsPair(uhi, 0, kmin - 32);
      end = this.codeTwoWords(words, start, kmin, intprec, true);
    } else {
      if (intprec === 64) this.fillPlanes(uhi, size, 32, Math.max(kmin, 32), 64);
      if (kmin < 32) this.fillPlanes(ulo, size, 0, kmin, 32);
      end =
        size <= 16
          ? this.codeOneWord(words, start, 0, kmin, intprec, size, -1, start + unbounded)
          : size === 64
            ? this.codeTwoWords(words, start, kmin, intprec, false)
            : this.codeWords(words, start, kmin, intprec, size);
    }
    w.pos = end;
    out.planes = intprec - kmin;
    out.lowest = kmin;
    return end - start;
  }

  /*
   * The unconstrained plane loop in three shapes that differ only in how they find the next
   * one-bit: 1D and 2D planes are one word, 3D planes two (both kept in registers), 4D planes
   * eight (read from `planes`). `direct` (codeTwoWords) or `rows` (codeOneWord): take the planes
   * from the transposition rows (see encode) instead of `planes`. Each returns the stream
   * position after the last plane; codeOneWord also serves the budgeted encoder.
   */

  /**
   * Code planes khi − 1 down to kmin, with n coefficients significant before them, stopping after
   * the plane that reaches `end` (it may pass it: see encodeBudgetOneWord). `rows`: where the
   * planes come from, the base plane of the transposition rows (see encode), or −1 for `planes`.
   * Records the lowest plane coded and the coefficients then significant.
   */
  private codeOneWord(words: Uint32Array, pos: number, n: number, kmin: number, khi: number, size: number, rows: number, end: number): number {
    let k = khi;
    while (k > kmin && pos < end) {
      k--;
      const x = rows >= 0 ? plane16(k - rows) : this.planes[k * MAX_WORDS]!;
      put(words, pos, x, n);
      pos += n;
      while (n < size) {
        const rest = x >>> n;
        if (rest === 0) {
          pos++; // negative group test
          break;
        }
        const j = n + ctz(rest);
        pos = emitRun(words, pos, n, j, size);
        n = j + 1;
      }
    }
    this.stoppedAt = k;
    this.significant = n;
    return pos;
  }

  private codeTwoWords(words: Uint32Array, pos: number, kmin: number, intprec: number, direct: boolean): number {
    let n = 0;
    for (let k = intprec; k-- > kmin; ) {
      const x0 = direct ? planePairA(k - kmin) : this.planes[k * MAX_WORDS]!;
      const x1 = direct ? planePairB(k - kmin) : this.planes[k * MAX_WORDS + 1]!;
      if (n <= 32) put(words, pos, x0, n);
      else {
        put(words, pos, x0, 32);
        put(words, pos + 32, x1, n - 32);
      }
      pos += n;
      while (n < 64) {
        const j = firstOne(x0, x1, n);
        if (j < 0) {
          pos++;
          break;
        }
        pos = emitRun(words, pos, n, j, 64);
        n = j + 1;
      }
    }
    return pos;
  }

  private codeWords(words: Uint32Array, pos: number, kmin: number, intprec: number, size: number): number {
    let n = 0;
    for (let k = intprec; k-- > kmin; ) {
      const base = k * MAX_WORDS;
      this.putFirst(words, pos, base, n);
      pos += n;
      while (n < size) {
        const j = this.nextOne(base, n, size);
        if (j < 0) {
          pos++;
          break;
        }
        pos = emitRun(words, pos, n, j, size);
        n = j + 1;
      }
    }
    return pos;
  }

  /**
   * encodeBudget for one-word planes (1D, 2D). zfp's code for a plane the budget cuts is its whole
   * code cut short, so the planes are coded whole (codeOneWord) and the last one trimmed back to
   * the budget. Planes in the upper words come from the transposition rows, the lower ones from
   * `planes`, filled only if the budget reaches them.
   */
  private encodeBudgetOneWord(w: BitWriter, maxbits: number, kmin: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const words = w.words;
    const start = w.pos, end = start + maxbits;
    let pos: number;
    if (intprec === 64) {
      transposeCoefficients16(uhi, size, 0);
      pos = this.codeOneWord(words, start, 0, Math.max(kmin, 32), 64, size, 32, end);
      if (this.stoppedAt === 32 && kmin < 32 && pos < end) {
        this.fillPlanes(ulo, size, 0, kmin, 32);
        pos = this.codeOneWord(words, pos, this.significant, kmin, 32, size, -1, end);
      }
    } else {
      this.fillPlanes(ulo, size, 0, kmin, 32);
      pos = this.codeOneWord(words, start, 0, kmin, intprec, size, -1, end);
    }
    const k = this.stoppedAt;
    const cut = pos > end;
    if (cut) {
      clearFrom(words, end, pos);
      pos = end;
    }
    w.pos = pos;
    out.planes = intprec - k - (cut ? 1 : 0);
    out.lowest = k;
    return pos - start;
  }

  private encodeBudget(w: BitWriter, maxbits: number, kmin: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    if (size <= 16) return this.encodeBudgetOneWord(w, maxbits, kmin, uhi, ulo, size, intprec, out);
    const words = w.words;
    let pos = w.pos;
    let bits = maxbits;
    let planes = 0;
    let n = 0;
    let k = intprec;
    // 3D: the top 16 planes are read from the transposition rows (see encode).
    const directPair = size === 64 && intprec === 64;
    // The budget usually runs out long before the lower planes are needed: fill them on demand.
    if (directPair) transposeCoefficientsPair(uhi, 0, 16);
    else if (intprec === 64) this.fillPlanes(uhi, size, 32, Math.max(kmin, 32), 64);
    else this.fillPlanes(ulo, size, 0, kmin, 32);
    while (bits > 0 && k-- > kmin) {
      if (k === 47 && directPair) this.fillPlanes(uhi, size, 32, Math.max(kmin, 32), 48);
      if (k === 31 && intprec === 64) this.fillPlanes(ulo, size, 0, kmin, 32);
      const base = k * MAX_WORDS;
      // 3D planes are held in two registers; 4D ones are read from `planes`.
      let x0 = 0, x1 = 0;
      if (directPair && k >= 48) {
        x0 = planePairA(k - 48);
        x1 = planePairB(k - 48);
      } else if (size === 64) {
        x0 = this.planes[base]!;
        x1 = this.planes[base + 1]!;
      }
      const m = n < bits ? n : bits;
      bits -= m;
      if (size > 64) {
        this.putFirst(words, pos, base, m);
      } else if (m <= 32) {
        put(words, pos, x0, m);
      } else {
        put(words, pos, x0, 32);
        put(words, pos + 32, x1, m - 32);
      }
      pos += m;
      let complete = m === n;
      let ended = false;
      while (bits > 0 && n < size) {
        bits--;
        const j = size === 64 ? firstOne(x0, x1, n) : this.nextOne(base, n, size);
        if (j < 0) {
          pos++;
          ended = true;
          break;
        }
        setBit(words, pos++);
        // Explicit bits for positions n..min(j, size-2): zeros, then the one at j.
        const zeros = (j < size - 1 ? j : size - 1) - n;
        const len = j < size - 1 ? zeros + 1 : zeros;
        if (len > bits) {
          pos += bits;
          bits = 0;
          complete = false;
          break;
        }
        pos += zeros;
        if (j < size - 1) setBit(words, pos++);
        bits -= len;
        n = j + 1;
      }
      if (complete && (ended || n === size)) planes++;
    }
    w.pos = pos;
    out.planes = planes;
    out.lowest = Math.max(k, kmin);
    return maxbits - bits;
  }

  /** Read the first n bits of the plane at `base` from pos; clear the rest of the plane. */
  private getFirst(words: Uint32Array, pos: number, base: number, n: number, size: number): void {
    const planes = this.planes;
    for (let j = 0; j * 32 < size; j++, n -= 32, pos += 32) planes[base + j] = n > 0 ? get(words, pos, n < 32 ? n : 32) : 0;
  }

  /**
   * Decode what encode() wrote into (uhi, ulo); returns bits read. For 64-bit
   * coefficients coded no lower than plane 32 (out.lowest ≥ 32) every low word
   * is zero, and `ulo` is left as it was: the double inverse never reads it,
   * and the other readers clear it first.
   */
  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const kmin = intprec > maxprec ? intprec - maxprec : 0;
    if (budgetBinds(maxbits, maxprec, size)) return this.decodeBudget(r, maxbits >>> 0, kmin, uhi, ulo, size, intprec, out);
    const unbounded = beyondPlanes(intprec, kmin, size);
    const words = r.words;
    const start = r.pos;
    let pos: number;
    // Planes that all lie in the upper words go straight into the transposition's rows:
    // up to 32 of them for 1D and 2D blocks, up to 16 for 3D blocks.
    if (size <= 16 && intprec === 64 && kmin >= 32) {
      clearPlanes16();
      pos = this.decodeOneWord(words, start, 0, kmin, intprec, size, kmin, start + unbounded);
      coefficientsFromPlanes16(kmin - 32, uhi, size);
    } else if (size === 64 && intprec === 64 && kmin >= 48) {
      clearPlanesPair();
      pos = this.decodeTwoWords(words, start, kmin, intprec, true, start + unbounded);
      coefficientsFromPlanesPair(kmin - 32, uhi, 0);
    } else {
      pos =
        size <= 16
          ? this.decodeOneWord(words, start, 0, kmin, intprec, size, -1, start + unbounded)
          : size === 64
            ? this.decodeTwoWords(words, start, kmin, intprec, false, start + unbounded)
            : this.decodeWords(words, start, kmin, intprec, size);
      this.assemble(uhi, ulo, size, intprec, kmin);
    }
    r.pos = pos;
    out.planes = intprec - kmin;
    out.lowest = kmin;
    return pos - start;
  }

  /*
   * The unconstrained decoding loop in the encoder's three shapes: 1D and 2D planes are one
   * word and 3D planes two (both kept in registers), 4D planes eight (built in `planes`).
   * `direct` (decodeTwoWords) or `rows` ≥ 0, the base plane of the rows (decodeOneWord): hand
   * each plane to the transposition rows (see decode) instead of `planes`. Each returns the
   * stream position after the last plane. Both also serve the budgeted decoder: they undo the
   * plane that passes `end` and stop.
   */

  private decodeOneWord(words: Uint32Array, pos: number, n: number, kmin: number, khi: number, size: number, rows: number, end: number): number {
    let k = khi - 1;
    // With at most 16 coefficients, verbatim bits and runs each fit one 32-bit window.
    for (; k >= kmin; k--) {
      const from = pos, was = n;
      const w = peek(words, pos);
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
      // A plane read past `end` is undone (reading is harmless): the budgeted caller reads it again against the budget.
      if (pos > end) {
        pos = from;
        n = was;
        break;
      }
      if (rows >= 0) addPlane16(k - rows, m);
      else this.planes[k * MAX_WORDS] = m;
    }
    this.stoppedAt = k + 1;
    this.significant = n;
    return pos;
  }

  private decodeTwoWords(words: Uint32Array, pos: number, kmin: number, intprec: number, direct: boolean, end: number): number {
    let n = 0;
    let k = intprec - 1;
    for (; k >= kmin; k--) {
      const from = pos, was = n;
      const w0 = peek(words, pos);
      let m0 = n < 32 ? w0 & ((1 << n) - 1) : w0;
      let m1 = n <= 32 ? 0 : n < 64 ? peek(words, pos + 32) & ((1 << (n - 32)) - 1) : peek(words, pos + 32);
      pos += n;
      // As in decodeOneWord: a plane that adds no coefficient often ends within the first window.
      if (n < 32 && ((w0 >>> n) & 1) === 0) pos++;
      else while (n < 64 && get(words, pos++, 1)) {
        const z = zerosAt(words, pos, 63 - n);
        pos += z;
        n += z;
        if (n < 63) pos++;
        if (n < 32) m0 |= 1 << n;
        else m1 |= 1 << (n - 32);
        n++;
      }
      // As in decodeOneWord: a plane read past `end` is undone.
      if (pos > end) {
        pos = from;
        n = was;
        break;
      }
      if (direct) {
        addPlanePair(k - kmin, m0, m1);
      } else {
        this.planes[k * MAX_WORDS] = m0;
        this.planes[k * MAX_WORDS + 1] = m1;
      }
    }
    this.stoppedAt = k + 1;
    this.significant = n;
    return pos;
  }

  private decodeWords(words: Uint32Array, pos: number, kmin: number, intprec: number, size: number): number {
    const planes = this.planes;
    let n = 0;
    for (let k = intprec; k-- > kmin; ) {
      const base = k * MAX_WORDS;
      this.getFirst(words, pos, base, n, size);
      pos += n;
      while (n < size && get(words, pos++, 1)) {
        const z = zerosAt(words, pos, size - 1 - n);
        pos += z;
        n += z;
        if (n < size - 1) pos++;
        planes[base + (n >> 5)]! |= 1 << (n & 31);
        n++;
      }
    }
    return pos;
  }

  private decodeBudget(r: BitReader, maxbits: number, kmin: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const words = r.words;
    const planes = this.planes;
    const start = r.pos;
    let pos = start;
    let k = intprec;
    let n = 0;
    const end = start + maxbits;
    // 1D to 3D: the unconstrained loops take the planes that fit the budget whole; the one it
    // cuts is decoded against it below. 1D and 2D planes in the upper words go straight into the
    // transposition rows (see decode), the lower ones into `planes`.
    const direct = size <= 16 && intprec === 64;
    if (direct) {
      clearPlanes16();
      pos = this.decodeOneWord(words, pos, 0, Math.max(kmin, 32), 64, size, 32, end);
      if (this.stoppedAt === 32 && kmin < 32) pos = this.decodeOneWord(words, pos, this.significant, kmin, 32, size, -1, end);
    } else if (size <= 16) {
      pos = this.decodeOneWord(words, pos, 0, kmin, intprec, size, -1, end);
    } else if (size === 64) {
      pos = this.decodeTwoWords(words, pos, kmin, intprec, false, end);
    }
    if (size <= 64) {
      k = this.stoppedAt;
      n = this.significant;
    }
    let count = intprec - k;
    let bits = maxbits - (pos - start);
    while (bits > 0 && k-- > kmin) {
      const base = k * MAX_WORDS;
      const verbatim = n < bits ? n : bits;
      bits -= verbatim;
      // One-word planes (1D, 2D) stay in a register; wider ones are built in `planes`.
      let m = 0;
      if (size <= 16) m = peek(words, pos) & ((1 << verbatim) - 1);
      else this.getFirst(words, pos, base, verbatim, size);
      pos += verbatim;
      let complete = verbatim === n;
      let ended = false;
      while (bits > 0 && n < size) {
        bits--;
        if (get(words, pos++, 1)) {
          // Scan for the next one-bit within the budget; a run cut short still deposits at n, as zfp does.
          const limit = size - 1 - n < bits ? size - 1 - n : bits;
          const z = zerosAt(words, pos, limit);
          pos += z;
          n += z;
          bits -= z;
          if (n < size - 1 && bits > 0) {
            pos++;
            bits--;
          } else if (n < size - 1) {
            complete = false;
          }
          if (size <= 16) m |= 1 << n;
          else planes[base + (n >> 5)]! |= 1 << (n & 31);
          n++;
        } else {
          ended = true;
          break;
        }
      }
      if (direct && k >= 32) addPlane16(k - 32, m);
      else if (size <= 16) planes[base] = m;
      if (complete && (ended || n === size)) count++;
    }
    const lowest = Math.max(k, kmin);
    if (direct) {
      coefficientsFromPlanes16(0, uhi, size);
      if (lowest < 32) this.fillCoefficients(ulo, size, 0, lowest, 32);
    } else {
      this.assemble(uhi, ulo, size, intprec, lowest);
    }
    r.pos = pos;
    out.planes = count;
    out.lowest = lowest;
    return maxbits - bits;
  }
}
