import type { BitReader, BitWriter } from '../bitstream.ts';

/*
 * zfp's embedded coder on negabinary coefficients held as 32-bit words
 * (u64 coefficients as (hi, lo) pairs). Bit planes go from the most significant
 * down; within a plane the first n bits (coefficients already significant) are
 * sent verbatim and the rest by group tests: "any one-bit left?" then the run
 * of zeros up to it. A plane is a bit mask over the block's coefficients.
 */

const MAX_WORDS = 8; // 256 coefficients in a 4D block

/** Mutable result of the last encode/decode: bit planes coded completely. */
export interface PlaneCount {
  planes: number;
}

/** Does the rate-unconstrained coder suffice? (zfp's with_maxbits, in unsigned arithmetic.) */
export function budgetBinds(maxbits: number, maxprec: number, size: number): boolean {
  return ((maxprec + 1) * size - 1) >>> 0 > maxbits >>> 0;
}

function ctz(m: number): number {
  return 31 - Math.clz32(m & -m);
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
      const end = Math.min(size, i + 32);
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

  private writeFirst(w: BitWriter, n: number): void {
    let j = 0;
    for (; n >= 32; n -= 32) w.writeBits(this.mask[j++]!, 32);
    w.writeBits(this.mask[j]!, n);
  }

  /** Encode planes intprec-1 … intprec-maxprec; returns bits written. */
  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const kmin = intprec > maxprec ? intprec - maxprec : 0;
    if (budgetBinds(maxbits, maxprec, size)) return this.encodeBudget(w, maxbits >>> 0, kmin, uhi, ulo, size, intprec, out);
    const start = w.tell();
    let n = 0;
    for (let k = intprec; k-- > kmin; ) {
      this.extract(uhi, ulo, size, k);
      this.writeFirst(w, n);
      while (n < size) {
        const j = this.nextOne(n, size);
        if (j < 0) {
          w.writeBit(0);
          break;
        }
        w.writeBit(1);
        if (j < size - 1) {
          w.pad(j - n);
          w.writeBit(1);
        } else {
          w.pad(size - 1 - n);
        }
        n = j + 1;
      }
    }
    out.planes = intprec - kmin;
    return w.tell() - start;
  }

  private encodeBudget(w: BitWriter, maxbits: number, kmin: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    let bits = maxbits;
    let planes = 0;
    let n = 0;
    for (let k = intprec; bits > 0 && k-- > kmin; ) {
      this.extract(uhi, ulo, size, k);
      const m = Math.min(n, bits);
      bits -= m;
      this.writeFirst(w, m);
      let complete = m === n;
      let ended = false;
      while (bits > 0 && n < size) {
        bits--;
        const j = this.nextOne(n, size);
        if (j < 0) {
          w.writeBit(0);
          ended = true;
          break;
        }
        w.writeBit(1);
        // Explicit bits for positions n..min(j, size-2): zeros, then the one at j.
        const zeros = Math.min(j, size - 1) - n;
        const len = j < size - 1 ? zeros + 1 : zeros;
        if (len > bits) {
          w.pad(bits);
          bits = 0;
          n = size + 1; // out of budget mid-plane
          break;
        }
        w.pad(zeros);
        if (j < size - 1) w.writeBit(1);
        bits -= len;
        n = j + 1;
      }
      complete &&= ended || n === size;
      if (complete) planes++;
    }
    out.planes = planes;
    return maxbits - bits;
  }

  /** Deposit the plane mask as bit k of the coefficients. */
  private deposit(uhi: Int32Array, ulo: Int32Array, size: number, k: number): void {
    const u = k >= 32 ? uhi : ulo;
    const bit = 1 << (k & 31);
    const words = (size + 31) >> 5;
    for (let j = 0; j < words; j++) {
      let m = this.mask[j]!;
      while (m !== 0) {
        const t = m & -m;
        u[(j << 5) + 31 - Math.clz32(t)]! |= bit;
        m ^= t;
      }
    }
  }

  private readFirst(r: BitReader, n: number): void {
    const mask = this.mask;
    mask.fill(0);
    let j = 0;
    for (; n >= 32; n -= 32) mask[j++] = r.readBits(32) | 0;
    mask[j] = r.readBits(n);
  }

  /** Decode what encode() wrote into zeroed-then-filled (uhi, ulo); returns bits read. */
  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    uhi.fill(0, 0, size);
    ulo.fill(0, 0, size);
    const kmin = intprec > maxprec ? intprec - maxprec : 0;
    if (budgetBinds(maxbits, maxprec, size)) return this.decodeBudget(r, maxbits >>> 0, kmin, uhi, ulo, size, intprec, out);
    const start = r.tell();
    const mask = this.mask;
    let n = 0;
    for (let k = intprec; k-- > kmin; ) {
      this.readFirst(r, n);
      while (n < size && r.readBit()) {
        while (n < size - 1 && !r.readBit()) n++;
        mask[n >> 5]! |= 1 << (n & 31);
        n++;
      }
      this.deposit(uhi, ulo, size, k);
    }
    out.planes = intprec - kmin;
    return r.tell() - start;
  }

  private decodeBudget(r: BitReader, maxbits: number, kmin: number, uhi: Int32Array, ulo: Int32Array, size: number, intprec: number, out: PlaneCount): number {
    const mask = this.mask;
    let bits = maxbits;
    let planes = 0;
    let n = 0;
    for (let k = intprec; bits > 0 && k-- > kmin; ) {
      const m = Math.min(n, bits);
      bits -= m;
      this.readFirst(r, m);
      let complete = m === n;
      let ended = false;
      while (bits > 0 && n < size) {
        bits--;
        if (r.readBit()) {
          while (bits > 0 && n < size - 1) {
            bits--;
            if (r.readBit()) break;
            n++;
          }
          mask[n >> 5]! |= 1 << (n & 31);
          n++;
        } else {
          ended = true;
          break;
        }
      }
      complete &&= ended || n === size;
      if (complete) planes++;
      this.deposit(uhi, ulo, size, k);
    }
    out.planes = planes;
    return maxbits - bits;
  }
}
