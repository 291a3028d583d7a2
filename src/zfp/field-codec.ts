import { BitReader, BitWriter, checkStreamBits, DEFAULT_WORD_BITS, readerWordCount, readerWords, type StreamWordBits } from './bitstream.ts';
import { ZfpFormatError, ZfpParameterError } from './errors.ts';
import { BlockCodec, NO_EXPONENT } from './fast/block-codec.ts';
import { Forward2dRows } from './fast/forward-2d.ts';
import { Inverse2dRows } from './fast/inverse-2d.ts';
import { BlockCursor, blockPosition, placeBlock } from './fast/gather.ts';
import { readHeader, writeHeader } from './header.ts';
import { checkExtent, layoutOf, type Layout } from './layout.ts';
import { isReversible, maximumSize, minimumBlockBits, resolveParams } from './params.ts';
import { traitsOf } from './traits.ts';
import type { Field, ScalarArray, ScalarType, Shape, StreamParams, ZfpConfig } from './types.ts';

/** Per-block statistics of a whole field, in block order (x fastest). */
export interface BlockStatsTable {
  readonly count: number;
  /** Common exponent, or NO_EXPONENT (−32768) for all-zero blocks and integer types. */
  readonly emax: Int16Array;
  /** Bit planes coded completely. */
  readonly planes: Uint8Array;
  /** Bits the block occupies. */
  readonly bits: Uint32Array;
}

export interface Compressed {
  readonly bytes: Uint8Array;
  readonly params: StreamParams;
  readonly blocks: BlockStatsTable;
}

export interface CompressOptions {
  /** Write zfp's full header first, as `zfp -h` does. */
  readonly header?: boolean;
  /** Stream word size of the libzfp build to match (default: Debian's zfp 1.0, 8 bits). */
  readonly wordBits?: StreamWordBits;
}

export type DecodeSpec =
  | { readonly header: true }
  | { readonly header?: false; readonly type: ScalarType; readonly shape: Shape; readonly config: ZfpConfig };

export interface DecompressOptions {
  /** Copy the field into this array (its scalar type and exact element count) once the whole stream decoded. */
  readonly into?: ScalarArray;
  /** Refuse (ZfpParameterError) a stream whose declared field takes more bytes than this. */
  readonly maxOutputBytes?: number;
}

/** The default output limit: far above any field the workbench runs, far below what would exhaust a machine. */
export const DEFAULT_MAX_OUTPUT_BYTES = 2 ** 31;

export interface Decompressed {
  readonly type: ScalarType;
  readonly shape: Shape;
  readonly data: ScalarArray;
  readonly params: StreamParams;
  readonly blocks: BlockStatsTable;
}

function statsTable(count: number): BlockStatsTable {
  return { count, emax: new Int16Array(count), planes: new Uint8Array(count), bits: new Uint32Array(count) };
}

function record(t: BlockStatsTable, i: number, codec: BlockCodec, bits: number): void {
  t.emax[i] = codec.emax;
  t.planes[i] = codec.planes;
  t.bits[i] = bits;
}

/** What a value is, for messages: its class name or its typeof. */
function kindOf(value: unknown): string {
  return (value as object | undefined)?.constructor?.name ?? typeof value;
}

function checkData(field: Field): void {
  if (typeof field !== 'object' || field === null) throw new ZfpParameterError(`compress needs a field { type, shape, data }, got ${String(field)}`);
  const want = traitsOf(field.type)?.array?.name;
  if (!want) throw new ZfpParameterError(`unknown scalar type ${JSON.stringify(field.type)}: expected int32, int64, float32 or float64`);
  if (kindOf(field.data) !== want) throw new ZfpParameterError(`a ${field.type} field needs its data in a ${want}, got ${kindOf(field.data)}`);
}

/** The IEEE bits of a float32 array. */
function bitsOf(data: Float32Array): Int32Array {
  return new Int32Array(data.buffer, data.byteOffset, data.length);
}

/** The 32-bit words of an int64 array: lo at 2i, hi at 2i + 1. */
function words64(data: BigInt64Array): Int32Array {
  return new Int32Array(data.buffer, data.byteOffset, data.length * 2);
}

/**
 * A zeroed stream buffer kept from the last compress for the next: a writer needs room for the
 * worst case (for accuracy mode several times what is written), and a fresh zeroed buffer of
 * that size costs more than clearing the part the last stream used. Kept only up to SPARE_BYTES.
 */
let spare: Uint32Array | null = null;
const SPARE_BYTES = 64 * 2 ** 20;

/** A writer of at least `capacity` bytes, on the spare buffer when it is large enough. */
function streamWriter(capacity: number): BitWriter {
  const words = spare;
  if (words === null || words.byteLength < capacity + 8) return new BitWriter(capacity);
  spare = null; // taken: a compress that throws never hands back a buffer it wrote
  return new BitWriter(words);
}

/** Clear what `w` wrote and keep its buffer as the spare. */
function keepSpare(w: BitWriter): void {
  if (w.words.byteLength > SPARE_BYTES || (spare !== null && spare.length >= w.words.length)) return;
  w.words.fill(0, 0, Math.min(w.words.length, (w.pos >>> 5) + 2));
  spare = w.words;
}

/** The blocks of a 2D float64 field, a row of blocks at a time: full blocks through Forward2dRows, others as usual. */
function compressFloat64Rows2d(w: BitWriter, data: Float64Array, L: Layout, codec: BlockCodec, stats: BlockStatsTable, reversible: boolean): void {
  const [nbx, nby] = L.nb, [sx, sy] = L.s;
  const fullX = L.n[0] >>> 2, fullY = L.n[1] >>> 2;
  const rows = new Forward2dRows(fullX, reversible), at = blockPosition(L);
  for (let by = 0, i = 0; by < nby; by++) {
    const lifting = by < fullY ? fullX : 0, base = L.offset + 4 * by * sy;
    if (reversible) rows.liftRowReversible(data, base, sx, sy, lifting);
    else rows.liftRow(data, base, sx, sy, lifting);
    for (let bx = 0; bx < nbx; bx++, i++) {
      let bits: number;
      if (bx < lifting && rows.lifted[bx]) {
        bits = reversible ? codec.encodeLiftedReversible(w, rows.emax[bx]!, rows.a, rows.wide, 16 * bx) : codec.encodeLiftedFloat64(w, rows.emax[bx]!, rows.a, rows.b, 16 * bx);
      } else {
        placeBlock(at, L, 4 * bx, 4 * by, 0, 0);
        bits = codec.encodeFloat64From(w, data, L, at);
      }
      record(stats, i, codec, bits);
    }
  }
}

/** Compress a field exactly as zfp 1.0's zfp_compress (after zfp_write_header when asked). */
export function compress(field: Field, config: ZfpConfig, options: CompressOptions = {}): Compressed {
  checkData(field);
  const L = layoutOf(field.shape, field.strides, field.offset ?? 0);
  checkExtent(L, field.data.length);
  const wordBits = options.wordBits ?? DEFAULT_WORD_BITS;
  const params = resolveParams(config, field.type, L.dims, wordBits);
  // Every block takes at least minbits (all of fixed rate's size): refuse before encoding what cannot fit.
  checkStreamBits(L.blocks * params.minbits, 'the compressed stream');
  const w = streamWriter(maximumSize(params, field.type, L.dims, L.blocks));
  if (options.header) writeHeader(w, field.type, field.shape, params);
  const codec = new BlockCodec(field.type, L.dims, params);
  const stats = statsTable(L.blocks);
  const data = field.data;
  if (field.type === 'float64' && L.dims === 2) compressFloat64Rows2d(w, data as Float64Array, L, codec, stats, isReversible(params));
  else if (field.type === 'float64') {
    for (const c = new BlockCursor(L); c.next(); ) record(stats, c.index, codec, codec.encodeFloat64From(w, data as Float64Array, L, c.block));
  } else if (field.type === 'float32') {
    const src = bitsOf(data as Float32Array);
    for (const c = new BlockCursor(L); c.next(); ) record(stats, c.index, codec, codec.encodeFloat32From(w, src, L, c.block));
  } else if (field.type === 'int32') {
    for (const c = new BlockCursor(L); c.next(); ) record(stats, c.index, codec, codec.encodeInt32From(w, data as Int32Array, L, c.block));
  } else {
    const src = words64(data as BigInt64Array);
    const lo64 = { ...L, offset: 2 * L.offset, s: L.s.map((s) => 2 * s) as unknown as Layout['s'] };
    for (const c = new BlockCursor(lo64); c.next(); ) record(stats, c.index, codec, codec.encodeInt64From(w, src, lo64, c.block));
  }
  w.flush(wordBits);
  checkStreamBits(w.pos, 'the compressed stream');
  const bytes = w.bytes();
  keepSpare(w);
  return { bytes, params, blocks: stats };
}

/**
 * The word buffer the last decompress read its stream from, kept for the next (up to
 * SPARE_BYTES): a reader reads 32-bit words, so the stream's bytes are copied into words, and
 * fresh memory for that copy costs far more than the copy (the system maps and zeroes every page
 * on first touch).
 */
let keptWords: Uint32Array | null = null;

/** A reader of `bytes`, on the kept word buffer when the stream fits it. */
function streamReader(bytes: Uint8Array): BitReader {
  if (4 * readerWordCount(bytes.length) > SPARE_BYTES) return new BitReader(bytes);
  const words = readerWords(bytes, keptWords);
  keptWords = new Uint32Array(words.buffer); // the spare it used, or the larger one it made
  return new BitReader(words, 0, bytes.length * 8);
}

/**
 * A decode buffer kept beside each caller's `into` array: the stream decodes there and is copied
 * into `into` only once it has decoded whole, and a loop decoding into the same array allocates
 * once, not at every call.
 */
const scratchBuffers = new WeakMap<ScalarArray, ScalarArray>();

function scratchFor(into: ScalarArray): ScalarArray {
  let scratch = scratchBuffers.get(into);
  if (scratch === undefined) {
    scratch = new (into.constructor as new (length: number) => ScalarArray)(into.length);
    scratchBuffers.set(into, scratch);
  }
  return scratch;
}

/** Throw unless the caller's output array fits the declared field. */
function checkInto(type: ScalarType, count: number, into: ScalarArray): void {
  const want = traitsOf(type).array;
  if (kindOf(into) !== want.name || into.length !== count) {
    throw new ZfpParameterError(`the output array must be a ${want.name} of ${count} elements, got ${kindOf(into)}${into?.length === undefined ? '' : ` of ${into.length}`}`);
  }
}

function checkOutputBytes(bytes: number, shape: Shape, limit: number): void {
  if (!(limit >= 0)) throw new ZfpParameterError(`maxOutputBytes must be a non-negative number, got ${limit}`);
  if (bytes > limit) {
    throw new ZfpParameterError(`the stream declares a field of ${bytes} bytes (shape [${shape.join(', ')}]), above maxOutputBytes = ${limit}`);
  }
}

function checkSpec(spec: DecodeSpec, options: DecompressOptions): void {
  if (typeof spec !== 'object' || spec === null) {
    throw new ZfpParameterError(`decompress needs { header: true } or { type, shape, config }, got ${String(spec)}`);
  }
  if (typeof options !== 'object' || options === null) throw new ZfpParameterError(`decompress options must be an object, got ${String(options)}`);
}

/** The blocks of a 2D float64 field, a row of blocks at a time: full blocks through Inverse2dRows where they can, others as usual. */
function decompressFloat64Rows2d(r: BitReader, data: Float64Array, L: Layout, codec: BlockCodec, stats: BlockStatsTable): void {
  const [nbx, nby] = L.nb, [sx, sy] = L.s;
  const fullX = L.n[0] >>> 2, fullY = L.n[1] >>> 2;
  const rows = new Inverse2dRows(fullX), at = blockPosition(L);
  for (let by = 0, i = 0; by < nby; by++) {
    const inRow = by < fullY ? fullX : 0;
    for (let bx = 0; bx < nbx; bx++, i++) {
      let bits: number;
      if (bx < inRow) {
        bits = codec.decodeFloat64IntoRow(r, rows, bx);
        if (rows.pending[bx] === 0) {
          placeBlock(at, L, 4 * bx, 4 * by, 0, 0);
          codec.finishFloat64Into(data, L, at);
        }
      } else {
        placeBlock(at, L, 4 * bx, 4 * by, 0, 0);
        bits = codec.decodeFloat64Into(r, data, L, at);
      }
      record(stats, i, codec, bits);
      // Reads past the end yield zeros: checking after every block stops a corrupt stream within one block of its end.
      r.check();
    }
    rows.toField(data, L.offset + 4 * by * sy, sx, sy, inRow);
  }
}

/** Decompress a zfp 1.0 stream, with its header or with the field and configuration given. */
export function decompress(bytes: Uint8Array, spec: DecodeSpec, options: DecompressOptions = {}): Decompressed {
  if (!(bytes instanceof Uint8Array)) throw new ZfpParameterError('compressed data must be a Uint8Array');
  checkSpec(spec, options);
  const r = streamReader(bytes);
  let type: ScalarType, shape: Shape, params: StreamParams;
  if (spec.header) {
    ({ type, shape, params } = readHeader(r));
    r.check();
  } else {
    if (!traitsOf(spec.type)?.array) throw new ZfpParameterError(`unknown scalar type ${JSON.stringify(spec.type)}`);
    type = spec.type;
    shape = spec.shape;
    layoutOf(shape);
    params = resolveParams(spec.config, type, shape.length);
  }
  const L = layoutOf(shape);
  // Refuse shapes the stream cannot hold before allocating: then the blocks decoded are at most its bits.
  const leastBits = minimumBlockBits(params, type);
  if (L.blocks * leastBits > r.remaining()) {
    throw new ZfpFormatError(
      `compressed stream is truncated or does not match shape [${shape.join(', ')}]: ${L.blocks} ${type} blocks need at least ${L.blocks * leastBits} bits, the stream has ${r.remaining()}`,
    );
  }
  checkOutputBytes(L.count * traitsOf(type).size, shape, options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  if (options.into !== undefined) checkInto(type, L.count, options.into);
  const codec = new BlockCodec(type, L.dims, params);
  const stats = statsTable(L.blocks);
  const data = options.into === undefined ? new (traitsOf(type).array)(L.count) : scratchFor(options.into);
  // Reads past the end yield zeros: checking after every block stops a corrupt stream within one block of its end.
  if (type === 'float64' && L.dims === 2) decompressFloat64Rows2d(r, data as Float64Array, L, codec, stats);
  else if (type === 'float64') {
    for (const c = new BlockCursor(L); c.next(); ) {
      record(stats, c.index, codec, codec.decodeFloat64Into(r, data as Float64Array, L, c.block));
      r.check();
    }
  } else if (type === 'float32') {
    const dst = bitsOf(data as Float32Array);
    for (const c = new BlockCursor(L); c.next(); ) {
      record(stats, c.index, codec, codec.decodeFloat32Into(r, dst, L, c.block));
      r.check();
    }
  } else if (type === 'int32') {
    for (const c = new BlockCursor(L); c.next(); ) {
      record(stats, c.index, codec, codec.decodeInt32Into(r, data as Int32Array, L, c.block));
      r.check();
    }
  } else {
    const dst = words64(data as BigInt64Array);
    const lo64 = { ...L, s: L.s.map((s) => 2 * s) as unknown as Layout['s'] };
    for (const c = new BlockCursor(lo64); c.next(); ) {
      record(stats, c.index, codec, codec.decodeInt64Into(r, dst, lo64, c.block));
      r.check();
    }
  }
  if (options.into === undefined) return { type, shape: [...shape], data, params, blocks: stats };
  (options.into as Float64Array).set(data as Float64Array);
  return { type, shape: [...shape], data: options.into, params, blocks: stats };
}

export { NO_EXPONENT };
