import { ZfpFormatError, ZfpParameterError } from './errors.ts';

/**
 * zfp streams are built from words of a size fixed when libzfp is compiled
 * (BIT_STREAM_WORD_TYPE): 64 bits by default, 8 bits in Debian's zfp 1.0 package.
 * The payload bits are the same; only the zero padding at the end of a stream
 * and the alignment of word-aligned fixed rate depend on it.
 */
export type StreamWordBits = 8 | 16 | 32 | 64;

/** The word size of the zfp 1.0 this workbench is tested against (Debian's package). */
export const DEFAULT_WORD_BITS: StreamWordBits = 8;

/**
 * The hot loops index words by pos >>> 5, a 32-bit operation: a stream holds at most 2^32 bits
 * (512 MiB), and positions that fit a small integer keep V8 on its integer paths.
 */
export const MAX_STREAM_BITS = 2 ** 32;

/** Throw unless `bits` bits fit a stream; `what` names it for the message. */
export function checkStreamBits(bits: number, what: string): void {
  if (bits > MAX_STREAM_BITS) {
    throw new ZfpParameterError(`${what} would take ${Math.ceil(bits / 8)} bytes; streams here hold at most 512 MiB (2^32 bits)`);
  }
}

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
  throw new Error('zfp-workbench needs a little-endian platform');
}

/**
 * Writes bits least significant first, as zfp's bitstream does: bit i of the
 * stream is bit (i mod 8) of byte i/8. The buffer starts zeroed, so writing a
 * zero only advances `pos`; hot loops work on `words` and `pos` directly.
 */
export class BitWriter {
  readonly words: Uint32Array;
  /** Bit offset of the next bit to be written. */
  pos = 0;

  /**
   * A zeroed buffer of at least `capacityBytes` (at most a stream's 512 MiB: a caller whose
   * bound is larger checks the size it wrote), or an existing zeroed word buffer to fill.
   */
  constructor(capacity: number | Uint32Array) {
    this.words = typeof capacity === 'number' ? new Uint32Array(Math.ceil(Math.min(capacity, MAX_STREAM_BITS / 8) / 4) + 2) : capacity;
  }

  tell(): number {
    return this.pos;
  }

  writeBit(bit: number): number {
    if (bit) this.words[this.pos >>> 5]! |= 1 << (this.pos & 31);
    this.pos++;
    return bit;
  }

  /** Write the low n (0..32) bits of value. */
  writeBits(value: number, n: number): void {
    if (n === 0) return;
    if (n < 32) value &= (1 << n) - 1;
    const i = this.pos >>> 5;
    const r = this.pos & 31;
    this.words[i]! |= value << r;
    if (r + n > 32) this.words[i + 1]! |= value >>> (32 - r);
    this.pos += n;
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
    this.pos += n;
  }

  /** Pad with zeros to the next word boundary. */
  flush(wordBits: StreamWordBits): void {
    const r = this.pos % wordBits;
    if (r) this.pos += wordBits - r;
  }

  /** The bytes written so far; call flush() first for a zfp-compatible stream. */
  bytes(): Uint8Array {
    return new Uint8Array(this.words.buffer, 0, Math.ceil(this.pos / 8)).slice();
  }
}

/** How many words a reader of `length` bytes reads: the bytes, then two zero words so that reads past the end yield zeros. */
export const readerWordCount = (length: number): number => Math.ceil(length / 4) + 2;

/**
 * `bytes` as the words a BitReader reads (readerWordCount of them): in a view of `spare` when it is
 * long enough (its words past the bytes cleared), else in a new array.
 */
export function readerWords(bytes: Uint8Array, spare: Uint32Array | null = null): Uint32Array {
  const count = readerWordCount(bytes.length);
  let words: Uint32Array;
  if (spare !== null && spare.length >= count) {
    words = spare.subarray(0, count);
    words.fill(0, bytes.length >>> 2);
  } else words = new Uint32Array(count);
  new Uint8Array(words.buffer, words.byteOffset, bytes.length).set(bytes);
  return words;
}

/**
 * Reads bits in the order BitWriter writes them. Reads past the end yield zeros
 * (hot loops stay branch-free); callers check `pos <= size` where it matters,
 * and `check()` turns an overrun into a ZfpFormatError.
 */
export class BitReader {
  readonly words: Uint32Array;
  /** Bits actually present. */
  readonly size: number;
  /** Bit offset of the next bit to be read. */
  pos: number;

  /** Read a copy of `bytes`, or (without copying) a word buffer holding `sizeBits` bits. */
  constructor(source: Uint8Array | Uint32Array, bitOffset = 0, sizeBits?: number) {
    if (source instanceof Uint32Array) {
      this.words = source;
      this.size = Math.min(sizeBits ?? source.length * 32, MAX_STREAM_BITS);
    } else {
      checkStreamBits(source.length * 8, 'the compressed stream');
      this.size = source.length * 8;
      this.words = readerWords(source);
    }
    this.pos = bitOffset;
  }

  tell(): number {
    return this.pos;
  }

  /** Bits left before the end of the input (negative after an overrun). */
  remaining(): number {
    return this.size - this.pos;
  }

  readBit(): number {
    const p = this.pos++;
    return ((this.words[p >>> 5] ?? 0) >>> (p & 31)) & 1;
  }

  /** Read n (0..32) bits as an unsigned number. */
  readBits(n: number): number {
    if (n === 0) return 0;
    const i = this.pos >>> 5;
    const r = this.pos & 31;
    let v = (this.words[i] ?? 0) >>> r;
    if (r + n > 32) v |= (this.words[i + 1] ?? 0) << (32 - r);
    this.pos += n;
    return n === 32 ? v >>> 0 : v & ((1 << n) - 1);
  }

  skip(n: number): void {
    this.pos += n;
  }

  /** Throw if reading has gone past the end of the input. */
  check(): void {
    if (this.pos > this.size) {
      throw new ZfpFormatError(`compressed stream is truncated: decoding needs at least ${this.pos} bits, it has ${this.size}`);
    }
  }
}
