import type { BitReader, BitWriter } from '../bitstream.ts';

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

/** Mutable result of the last encode/decode: bit planes coded completely. */
export interface PlaneCount {
  planes: number;
}

/** Is the bit budget tighter than the worst case? (zfp's with_maxbits, in unsigned arithmetic.) */
export function budgetBinds(maxbits: number, maxprec: number, size: number): boolean {
  return ((maxprec + 1) * size - 1) >>> 0 > maxbits >>> 0;
}

function ctz(m: number): number {
  return 31 - Math.clz32(m & -m);
}

/** Set the bit at `pos` (the buffer is zero elsewhere). */
function setBit(words: Uint32Array, pos: number): void {
  words[pos >>> 5]! |= 1 << (pos & 31);
}

/** Write n (0..32) bits of v at pos into a zeroed buffer. */
function put(words: Uint32Array, pos: number, v: number, n: number): void {
  if (n === 0) return;
  if (n < 32) v &= (1 << n) - 1;
  const i = pos >>> 5, r = pos & 31;
  words[i]! |= v << r;
  if (r + n > 32) words[i + 1]! |= v >>> (32 - r);
}

/** Read n (0..32) bits at pos; zeros past the end. */
function get(words: Uint32Array, pos: number, n: number): number {
  if (n === 0) return 0;
  const i = pos >>> 5, r = pos & 31;
  let v = (words[i] ?? 0) >>> r;
  if (r + n > 32) v |= (words[i + 1] ?? 0) << (32 - r);
  return n === 32 ? v | 0 : v & ((1 << n) - 1);
}

/** Zeros at pos before the next one-bit, at most `limit`. */
function zerosAt(words: Uint32Array, pos: number, limit: number): number {
  let z = 0;
  while (z < limit) {
    const r = pos & 31;
    const w = (words[pos >>> 5] ?? 0) >>> r;
    if (w !== 0) return Math.min(z + ctz(w), limit);
    z += 32 - r;
    pos += 32 - r;
  }
  return limit;
}

export class PlaneCoder {
  private readonly mask = new Int32Array(MAX_WORDS);

  /** Gather bit k of every coefficient into the plane mask. */
  private extract(uhi: Int32Array, ulo: Int32Array, size: number, k: number): void {
    const u = k >= 32 ? uhi : ulo;
    const sh = k & 31;
    const mask = this.mask;
    for (let j = 0, i = 0; i < size; j++) {
      let m = 0;
      const end = i + 32 < size ? i + 32 : size;
      for (let b = 0; i < end; i++, b++) m |= ((u[i]! >>> sh) & 1) << b;
      mask[j] = m;
    }
  }

  /** Position of the first one-bit at or after `from`, or -1. */
  private nextOne(from: number, size: number): number {
    const mask = this.mask;
    const words = (size + 31) >> 5;
    let j = from >> 5;
    if (j >= words) return -1;
    let m = mask[j]! & (-1 << (from & 31));
    while (m === 0) {
      if (++j >= words) return -1;
      m = mask[j]!;
    }
    return (j << 5) + ctz(m);
  }

  /** Write the mask's first n bits at pos. */
  private putFirst(words: Uint32Array, pos: number, n: number): void {
    for (let j = 0; n > 0; j++, n -= 32, pos += 32) put(words, pos, this.mask[j]!, n < 32 ? n : 32);
  }

  /** Encode planes intprec-1 … intprec-maxprec; returns bits written. */
  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const kmin = intprec > maxprec ? intprec - maxprec : 0;
    if (budgetBinds(maxbits, maxprec, size)) return this.encodeBudget(w, maxbits >>> 0, kmin, uhi, ulo, size, intprec, out);
    const words = w.words;
    const start = w.pos;
    let pos = start;
    let n = 0;
    for (let k = intprec; k-- > kmin; ) {
      this.extract(uhi, ulo, size, k);
      this.putFirst(words, pos, n);
      pos += n;
      while (n < size) {
        const j = this.nextOne(n, size);
        if (j < 0) {
          pos++; // negative group test
          break;
        }
        setBit(words, pos++);
        if (j < size - 1) {
          pos += j - n;
          setBit(words, pos++);
        } else {
          pos += size - 1 - n;
        }
        n = j + 1;
      }
    }
    w.pos = pos;
    out.planes = intprec - kmin;
    return pos - start;
  }

  private encodeBudget(w: BitWriter, maxbits: number, kmin: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const words = w.words;
    let pos = w.pos;
    let bits = maxbits;
    let planes = 0;
    let n = 0;
    for (let k = intprec; bits > 0 && k-- > kmin; ) {
      this.extract(uhi, ulo, size, k);
      const m = n < bits ? n : bits;
      bits -= m;
      this.putFirst(words, pos, m);
      pos += m;
      let complete = m === n;
      let ended = false;
      while (bits > 0 && n < size) {
        bits--;
        const j = this.nextOne(n, size);
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
    return maxbits - bits;
  }

  /** Deposit the plane mask as bit k of the coefficients. */
  private deposit(uhi: Int32Array, ulo: Int32Array, size: number, k: number): void {
    const u = k >= 32 ? uhi : ulo;
    const bit = 1 << (k & 31);
    const nwords = (size + 31) >> 5;
    for (let j = 0; j < nwords; j++) {
      let m = this.mask[j]!;
      while (m !== 0) {
        const t = m & -m;
        u[(j << 5) + 31 - Math.clz32(t)]! |= bit;
        m ^= t;
      }
    }
  }

  /** Read the mask's first n bits at pos; clear the rest. */
  private getFirst(words: Uint32Array, pos: number, n: number): void {
    const mask = this.mask;
    mask.fill(0);
    for (let j = 0; n > 0; j++, n -= 32, pos += 32) mask[j] = get(words, pos, n < 32 ? n : 32);
  }

  /** Decode what encode() wrote into (uhi, ulo); returns bits read. */
  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    uhi.fill(0, 0, size);
    ulo.fill(0, 0, size);
    const kmin = intprec > maxprec ? intprec - maxprec : 0;
    if (budgetBinds(maxbits, maxprec, size)) return this.decodeBudget(r, maxbits >>> 0, kmin, uhi, ulo, size, intprec, out);
    const words = r.words;
    const mask = this.mask;
    const start = r.pos;
    let pos = start;
    let n = 0;
    for (let k = intprec; k-- > kmin; ) {
      this.getFirst(words, pos, n);
      pos += n;
      while (n < size && get(words, pos++, 1)) {
        const z = zerosAt(words, pos, size - 1 - n);
        pos += z;
        n += z;
        if (n < size - 1) pos++; // the one-bit that ended the run
        mask[n >> 5]! |= 1 << (n & 31);
        n++;
      }
      this.deposit(uhi, ulo, size, k);
    }
    r.pos = pos;
    out.planes = intprec - kmin;
    return pos - start;
  }

  private decodeBudget(r: BitReader, maxbits: number, kmin: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const words = r.words;
    const mask = this.mask;
    let pos = r.pos;
    let bits = maxbits;
    let planes = 0;
    let n = 0;
    for (let k = intprec; bits > 0 && k-- > kmin; ) {
      const m = n < bits ? n : bits;
      bits -= m;
      this.getFirst(words, pos, m);
      pos += m;
      let complete = m === n;
      let ended = false;
      while (bits > 0 && n < size) {
        bits--;
        if (get(words, pos++, 1)) {
          // Scan for the next one-bit within the budget; a run cut short still deposits at n, as zfp does.
          const limit = size - 1 - n;
          const z = zerosAt(words, pos, limit < bits ? limit : bits);
          pos += z;
          n += z;
          bits -= z;
          if (n < size - 1 && bits > 0) {
            pos++;
            bits--;
          } else if (n < size - 1) {
            complete = false;
          }
          mask[n >> 5]! |= 1 << (n & 31);
          n++;
        } else {
          ended = true;
          break;
        }
      }
      if (complete && (ended || n === size)) planes++;
      this.deposit(uhi, ulo, size, k);
    }
    r.pos = pos;
    out.planes = planes;
    return maxbits - bits;
  }
}
