import { ZfpFormatError } from './errors.ts';

/**
 * zfp streams are built from words of a size fixed when libzfp is compiled
 * (BIT_STREAM_WORD_TYPE): 64 bits by default, 8 bits in Debian's zfp 1.0 package.
 * The payload bits are the same; only the zero padding at the end of a stream
 * and the alignment of word-aligned fixed rate depend on it.
 */
export type StreamWordBits = 8 | 16 | 32 | 64;

/** The word size of the zfp 1.0 this workbench is tested against (Debian's package). */
export const DEFAULT_WORD_BITS: StreamWordBits = 8;

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
  throw new Error('zfp-workbench needs a little-endian platform');
}

/**
 * Writes bits least significant first, as zfp's bitstream does: bit i of the
 * stream is bit (i mod 8) of byte i/8. Words are buffered 32 bits at a time;
 * on a little-endian platform that is byte-identical to zfp's 64-bit words.
 */
export class BitWriter {
  private readonly words: Uint32Array;
  private pos = 0;
  private buf = 0;
  private nbits = 0;

  constructor(capacityBytes: number) {
    this.words = new Uint32Array(Math.ceil(capacityBytes / 8) * 2);
  }

  /** Bit offset of the next bit to be written. */
  tell(): number {
    return this.pos * 32 + this.nbits;
  }

  writeBit(bit: number): number {
    this.buf |= bit << this.nbits;
    if (++this.nbits === 32) {
      this.words[this.pos++] = this.buf;
      this.buf = 0;
      this.nbits = 0;
    }
    return bit;
  }

  /** Write the low n (0..32) bits of value. */
  writeBits(value: number, n: number): void {
    if (n === 0) return;
    if (n < 32) value &= (1 << n) - 1;
    this.buf |= value << this.nbits;
    this.nbits += n;
    if (this.nbits >= 32) {
      this.words[this.pos++] = this.buf;
      this.nbits -= 32;
      this.buf = this.nbits === 0 ? 0 : value >>> (n - this.nbits);
    }
  }

  /** Write the low n (0..64) bits of the 64-bit value hi:lo. */
  writeBits64(hi: number, lo: number, n: number): void {
    if (n <= 32) {
      this.writeBits(lo, n);
    } else {
      this.writeBits(lo, 32);
      this.writeBits(hi, n - 32);
    }
  }

  /** Append n zero bits. */
  pad(n: number): void {
    while (n >= 32) {
      this.writeBits(0, 32);
      n -= 32;
    }
    this.writeBits(0, n);
  }

  /** Pad with zeros to the next word boundary. */
  flush(wordBits: StreamWordBits): void {
    const r = this.tell() % wordBits;
    if (r) this.pad(wordBits - r);
  }

  /** The bytes written so far; call flush() first for a zfp-compatible stream. */
  bytes(): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.tell() / 8));
    out.set(new Uint8Array(this.words.buffer, 0, this.pos * 4));
    for (let i = this.pos * 4, b = this.buf, left = this.nbits; left > 0; i++, b >>>= 8, left -= 8) {
      out[i] = b & 0xff;
    }
    return out;
  }
}

/** Reads bits in the order BitWriter writes them; reading past the end is a ZfpFormatError. */
export class BitReader {
  private readonly words: Uint32Array;
  /** Bits actually present; the last word may be zero-padded. */
  readonly size: number;
  private pos = 0;
  private buf = 0;
  private nbits = 0;

  constructor(bytes: Uint8Array, bitOffset = 0) {
    this.size = bytes.length * 8;
    this.words = new Uint32Array(Math.ceil(bytes.length / 4));
    new Uint8Array(this.words.buffer).set(bytes);
    this.seek(bitOffset);
  }

  /** Bit offset of the next bit to be read. */
  tell(): number {
    return this.pos * 32 - this.nbits;
  }

  /** Bits left before the end of the input. */
  remaining(): number {
    return this.size - this.tell();
  }

  seek(offset: number): void {
    if (offset > this.size) this.truncated();
    this.pos = offset >>> 5;
    this.nbits = 0;
    this.buf = 0;
    const r = offset & 31;
    if (r) {
      this.buf = this.fetch() >>> r;
      this.nbits = 32 - r;
    }
  }

  readBit(): number {
    if (this.nbits === 0) {
      this.buf = this.fetch();
      this.nbits = 32;
    }
    const bit = this.buf & 1;
    this.buf >>>= 1;
    this.nbits--;
    return bit;
  }

  /** Read n (0..32) bits as an unsigned number. */
  readBits(n: number): number {
    if (n === 0) return 0;
    let value = this.buf;
    if (this.nbits >= n) {
      this.nbits -= n;
      this.buf = n === 32 ? 0 : this.buf >>> n;
    } else {
      const w = this.fetch();
      value |= w << this.nbits;
      const used = n - this.nbits;
      this.nbits = 32 - used;
      this.buf = used === 32 ? 0 : w >>> used;
    }
    return n === 32 ? value >>> 0 : value & ((1 << n) - 1);
  }

  skip(n: number): void {
    this.seek(this.tell() + n);
  }

  private fetch(): number {
    if (this.pos >= this.words.length) this.truncated();
    return this.words[this.pos++]!;
  }

  private truncated(): never {
    throw new ZfpFormatError(`compressed stream is truncated: it ends after ${this.size} bits`);
  }
}
