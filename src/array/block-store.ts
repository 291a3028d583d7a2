import { BitReader, BitWriter, checkStreamBits, MAX_STREAM_BITS } from '../zfp/bitstream.ts';
import { isReversible, maximumSize } from '../zfp/params.ts';
import type { ScalarType, StreamParams } from '../zfp/types.ts';
import { clearBits, copyBits } from './bit-range.ts';

/**
 * Where the compressed blocks of an array live. Every block is decodable on its own: a reader
 * positioned at its first bit is all the codec needs. Two ways to change the contents:
 * re-encode every block in order (start, then writer → encode → commit per block), which
 * lays the blocks out exactly as zfp's whole-field stream; or replace one block.
 */
export interface BlockStore {
  /** The storage words (replaced when the store grows: do not keep). */
  readonly words: Uint32Array;
  /** Compressed bits of all blocks together. */
  readonly payloadBits: number;
  bitOffset(block: number): number;
  bitLength(block: number): number;
  /** A reader positioned at the block's first bit. */
  reader(block: number): BitReader;
  /** Begin re-encoding every block, in block order. */
  start(): void;
  /** The writer for the next block, with room for the largest block. */
  writer(): BitWriter;
  /** The block just written by writer() is `block`. */
  commit(block: number): void;
  /** Replace one block by `bits` bits of `source` (from bit 0), leaving the others where they are. */
  replace(block: number, source: Uint32Array, bits: number): void;
}

/** Upper bound on the bits of one block (zfp's maximum size for one block, header room included). */
export function maxBlockBits(params: StreamParams, type: ScalarType, dims: number): number {
  return maximumSize(params, type, dims, 1) * 8;
}

/** Fixed rate: every block takes exactly maxbits, so block i starts at i·maxbits and no index is kept. */
class FixedRateStore implements BlockStore {
  readonly words: Uint32Array;
  readonly payloadBits: number;
  private readonly out: BitWriter;
  private readonly in: BitReader;

  constructor(count: number, private readonly blockBits: number) {
    this.payloadBits = count * blockBits;
    this.words = new Uint32Array(Math.ceil(this.payloadBits / 32) + 2);
    this.out = new BitWriter(this.words);
    this.in = new BitReader(this.words, 0, this.payloadBits);
  }

  bitOffset(block: number): number {
    return block * this.blockBits;
  }

  bitLength(): number {
    return this.blockBits;
  }

  reader(block: number): BitReader {
    this.in.pos = block * this.blockBits;
    return this.in;
  }

  start(): void {
    this.words.fill(0);
    this.out.pos = 0;
  }

  writer(): BitWriter {
    return this.out;
  }

  commit(): void {}

  replace(block: number, source: Uint32Array, bits: number): void {
    const at = block * this.blockBits;
    if ((this.blockBits & 31) === 0) {
      // Slots of whole words (and every block fills its slot): a word copy, no bit shuffling.
      for (let i = 0, to = at >>> 5, n = this.blockBits >>> 5; i < n; i++) this.words[to + i] = source[i]!;
      return;
    }
    clearBits(this.words, at, this.blockBits);
    copyBits(source, 0, this.words, at, bits);
  }
}

/**
 * Variable rate: one arena of bit-packed blocks plus an index (offset, length, slot capacity).
 * Re-encoding everything packs the blocks in order, as zfp's stream. Replacing one block
 * rewrites it in place when it fits its slot, else appends it at the arena's end and leaves
 * the old slot as garbage; when the arena is full, every live block is repacked in block
 * order into a fresh arena with as much room again. No other block is ever re-encoded.
 * Invariant: every bit from `end` on is zero (the codec's writer ORs into zeroed words).
 */
class VariableRateStore implements BlockStore {
  words: Uint32Array;
  payloadBits = 0;
  private out: BitWriter;
  private in: BitReader;
  /** Below 2^32 (see createBlockStore); small integers, so readers' positions stay integers for V8. */
  private readonly offsets: Uint32Array;
  private readonly lengths: Uint32Array;
  private readonly slots: Uint32Array;
  /** First unused bit of the arena. */
  private end = 0;

  constructor(count: number, private readonly blockRoom: number, initialBits: number) {
    this.offsets = new Uint32Array(count);
    this.lengths = new Uint32Array(count);
    this.slots = new Uint32Array(count);
    this.words = new Uint32Array(arenaWords(initialBits, blockRoom));
    this.out = new BitWriter(this.words);
    this.in = new BitReader(this.words);
  }

  bitOffset(block: number): number {
    return this.offsets[block]!;
  }

  bitLength(block: number): number {
    return this.lengths[block]!;
  }

  reader(block: number): BitReader {
    this.in.pos = this.offsets[block]!;
    return this.in;
  }

  start(): void {
    this.words.fill(0, 0, Math.ceil(this.end / 32) + 1);
    this.end = 0;
    this.payloadBits = 0;
    this.out.pos = 0;
  }

  writer(): BitWriter {
    const need = this.out.pos + this.blockRoom;
    if (need > this.words.length * 32) this.adopt(this.grownCopy(need), this.out.pos);
    return this.out;
  }

  commit(block: number): void {
    const bits = this.out.pos - this.end;
    this.offsets[block] = this.end;
    this.lengths[block] = this.slots[block] = bits;
    this.payloadBits += bits;
    this.end = this.out.pos;
  }

  replace(block: number, source: Uint32Array, bits: number): void {
    this.payloadBits += bits - this.lengths[block]!;
    this.lengths[block] = bits;
    const slot = this.slots[block]!;
    if (bits <= slot) {
      clearBits(this.words, this.offsets[block]!, slot);
      copyBits(source, 0, this.words, this.offsets[block]!, bits);
      return;
    }
    this.slots[block] = 0;
    if (this.end + bits > Math.min(this.words.length * 32, MAX_STREAM_BITS)) this.repack(block, bits);
    copyBits(source, 0, this.words, this.end, bits);
    this.offsets[block] = this.end;
    this.slots[block] = bits;
    this.end += bits;
  }

  /** Copy the live blocks in block order into a fresh arena with room for as much again plus `extra` bits. */
  private repack(skip: number, extra: number): void {
    const live = this.payloadBits - this.lengths[skip]!;
    const words = new Uint32Array(arenaWords(2 * live + extra + this.blockRoom, live + extra + this.blockRoom));
    let pos = 0;
    for (let b = 0; b < this.offsets.length; b++) {
      if (b === skip) continue;
      const n = this.lengths[b]!;
      copyBits(this.words, this.offsets[b]!, words, pos, n);
      this.offsets[b] = pos;
      this.slots[b] = n;
      pos += n;
    }
    this.adopt(words, pos);
    this.end = pos;
  }

  private grownCopy(needBits: number): Uint32Array {
    const words = new Uint32Array(arenaWords(64 * this.words.length, needBits));
    words.set(this.words);
    return words;
  }

  private adopt(words: Uint32Array, writePos: number): void {
    this.words = words;
    this.out = new BitWriter(words);
    this.out.pos = writePos;
    this.in = new BitReader(words);
  }
}

/** Words for an arena of `wantBits`, short of a stream's 2^32 bits, unless `needBits` are needed. */
function arenaWords(wantBits: number, needBits: number): number {
  return Math.ceil(Math.max(Math.min(wantBits, MAX_STREAM_BITS), needBits) / 32) + 2;
}

/** The store for a parameter set: fixed rate when every block has the same size. */
export function createBlockStore(params: StreamParams, type: ScalarType, dims: number, count: number): BlockStore {
  // Bit positions are 32-bit (see MAX_STREAM_BITS): refuse an array whose blocks could pass them.
  checkStreamBits(count * maxBlockBits(params, type, dims), `an array of ${count} blocks at these parameters`);
  // Reversible mode writes an all-zero block as one bit whatever minbits says.
  if (params.minbits === params.maxbits && !isReversible(params)) return new FixedRateStore(count, params.maxbits);
  const room = maxBlockBits(params, type, dims);
  // Start at 4 bits per value; bulk encoding doubles the arena as needed.
  return new VariableRateStore(count, room, count * 4 * (1 << (2 * dims)));
}
