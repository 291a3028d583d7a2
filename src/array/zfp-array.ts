import type { NdArray } from 'ndarray';
import { BitReader, BitWriter } from '../zfp/bitstream.ts';
import { BlockCursor, gatherBlock, placeBlock, scatterBlock, type BlockPosition } from '../zfp/fast/gather.ts';
import { BlockCodec, NO_EXPONENT, resolveParams, traitsOf, ZfpDataError, ZfpParameterError, type BlockStatsTable } from '../zfp/index.ts';
import { checkExtent, isContiguous, layoutOf, type Layout } from '../zfp/layout.ts';
import { isReversible } from '../zfp/params.ts';
import type { Shape, StreamParams, ZfpConfig } from '../zfp/types.ts';
import { copyBits } from './bit-range.ts';
import { BlockCache, type BlockValues } from './block-cache.ts';
import { BlockGrid } from './block-grid.ts';
import { createBlockStore, maxBlockBits, type BlockStore } from './block-store.ts';
import { forEachInBlockOrder } from './block-order.ts';
import { blockStatsTable, CompressionSummary, type CompressionStats } from './compression-stats.ts';
import { ArrayIndexError, RepresentationRangeError, RepresentationShapeError } from './errors.ts';
import { FLOAT32_MAX, FLOAT32_OVERFLOW } from './float32.ts';
import { ZfpArrayView } from './zfp-array-view.ts';
import { zfpName } from './zfp-name.ts';

/** Scalar types a ZfpArray holds. */
export type ZfpArrayType = 'float64' | 'float32';

export interface ZfpArrayOptions {
  /** Scalar type of the elements (default float64); float32 elements round on set and on bulk writes. */
  readonly type?: ZfpArrayType;
  /** Blocks the write-back cache holds (default 16); the least recently used is evicted. */
  readonly cacheBlocks?: number;
}

/**
 * A float64 field, or a strided ndarray view of one. NdArray shapes are slowest axis first,
 * as NumPy and zfpy have them: a view of shape [nz, ny, nx] matches an array of shape [nx, ny, nz].
 */
export type FieldSource = Float64Array | NdArray<Float64Array>;

/** One compressed block: where it lies in the array and in storage, and what its encoding kept. */
export interface BlockInfo {
  readonly index: number;
  /** Coordinates of its first element, fastest axis first. */
  readonly origin: readonly number[];
  /** Valid elements per axis (1..4; fewer than 4 at the far edges). */
  readonly extent: readonly number[];
  readonly bitOffset: number;
  readonly bits: number;
  /** Common exponent, or null for blocks without one (all zero; reversible raw bits). */
  readonly emax: number | null;
  readonly planes: number;
}

/** Where (i, j, k, l) lies inside its block: x fastest, 4 per axis. */
function offsetInBlock(i: number, j: number, k: number, l: number): number {
  return (i & 3) | ((j & 3) << 2) | ((k & 3) << 4) | ((l & 3) << 6);
}

/** Bytes the write-back cache may take: far above any useful cache, below an allocation that fails. */
const MAX_CACHE_BYTES = 2 ** 30;

/**
 * A 1D–4D array stored as independently compressed zfp blocks (see block-store.ts), read and
 * written element by element through a write-back cache of decompressed blocks, or all at once
 * at codec speed. Element reads see earlier writes; the compressed blocks change when a
 * modified block leaves the cache or on flush(). Storage statistics describe the compressed
 * blocks, so flush() first to have them include pending writes.
 */
export class ZfpArray {
  readonly type: ZfpArrayType;
  readonly shape: Shape;
  readonly config: ZfpConfig;
  readonly params: StreamParams;
  /** The configuration's name, e.g. zfp-rate-16; used in error messages. */
  readonly name: string;
  private readonly grid: BlockGrid;
  private readonly codec: BlockCodec;
  /** One block's values in the array's scalar type (x fastest, padding included): rounded, trial-coded or read out. */
  private readonly blockValues: BlockValues;
  /** float32 arrays: the IEEE bits of `blockValues` and of the cache, as the codec takes float32 values; null for float64. */
  private readonly blockIeee: Int32Array | null;
  private readonly cacheIeee: Int32Array | null;
  private readonly store: BlockStore;
  private readonly table: BlockStatsTable;
  private readonly cache: BlockCache;
  /** Layout of one cache line, to pad partial blocks as zfp does before encoding them. */
  private readonly lineLayout: Layout;
  /** A walk over the blocks of the array's own contiguous layout, reused; the position of a cache line. */
  private readonly fieldBlocks: BlockCursor;
  private readonly lineAt: BlockPosition;
  /** Whether every extent is a multiple of 4, so that no block is partial. */
  private readonly fullBlocksOnly: boolean;
  /** The whole of `blockValues` as a block of `lineLayout`. */
  private readonly wholeBlock: BlockPosition;
  /** One block's bits on their way into the store. */
  private readonly scratch: BitWriter;
  /** Lossy modes cannot hold NaN or ±Inf: values must be below this in magnitude. Null in reversible mode. */
  private readonly limit: number | null;
  /**
   * A lossy block decodes below 2^(emax + 1), so only a block holding a magnitude of at least this
   * (2^(ebias − 1)) can decode to ±Inf: such blocks are encoded and decoded on trial before they are
   * accepted, so no stored block is ever unreadable. Null in reversible mode.
   */
  private readonly huge: number | null;
  /** Cache lines that may hold such magnitudes (set when one is written or decoded there). */
  private readonly hugeLines: Uint8Array;
  /** The exponent of `huge`: a decoded block with this common exponent or more may hold such magnitudes. */
  private readonly hugeExponent: number;
  /** The cache's values, and the shape and blocks per axis with 1 past dims: what element access reads. */
  private readonly values: BlockValues;
  private readonly nx: number;
  private readonly ny: number;
  private readonly nz: number;
  private readonly nw: number;
  private readonly bx: number;
  private readonly by: number;
  private readonly bz: number;
  /** The cache's most recent block (−1 for none), its line and that line's offset in `values`. */
  private hitBlock = -1;
  private hitLine = 0;
  private hitBase = 0;
  /** Whether the cache has hitBlock marked modified, so a set may store straight into it. */
  private hitWritable = false;

  constructor(shape: Shape, config: ZfpConfig, options: ZfpArrayOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new ZfpParameterError(`ZfpArray options must be an object, got ${String(options)}`);
    const type = options.type ?? 'float64';
    if (type !== 'float64' && type !== 'float32') throw new ZfpParameterError(`a ZfpArray holds float64 or float32 values, not ${type}`);
    const cacheBlocks = options.cacheBlocks ?? 16;
    this.grid = new BlockGrid(shape);
    const lineBytes = this.grid.blockSize * (type === 'float64' ? 8 : 4);
    if (!Number.isInteger(cacheBlocks) || cacheBlocks < 1 || cacheBlocks * lineBytes > MAX_CACHE_BYTES) {
      throw new ZfpParameterError(`cacheBlocks must be an integer from 1 to ${Math.floor(MAX_CACHE_BYTES / lineBytes)} (a 1 GiB cache of ${lineBytes}-byte blocks), got ${cacheBlocks}`);
    }
    // More lines than blocks would never be used.
    const lines = Math.min(cacheBlocks, this.grid.blockCount);
    this.type = type;
    this.shape = this.grid.shape;
    this.config = config;
    this.params = resolveParams(config, type, this.grid.dims);
    this.name = type === 'float64' ? zfpName(config) : `${zfpName(config)}-float32`;
    this.codec = new BlockCodec(type, this.grid.dims, this.params);
    this.blockValues = type === 'float64' ? new Float64Array(this.grid.blockSize) : new Float32Array(this.grid.blockSize);
    this.blockIeee = type === 'float64' ? null : new Int32Array(this.blockValues.buffer);
    this.store = createBlockStore(this.params, type, this.grid.dims, this.grid.blockCount);
    this.table = blockStatsTable(this.grid.blockCount);
    const size = this.grid.blockSize;
    const values = type === 'float64' ? new Float64Array(lines * size) : new Float32Array(lines * size);
    this.cache = new BlockCache(lines, this.grid.blockCount, size, values, {
      decode: (block, into, base) => this.decodeLine(block, into, base),
      encode: (block, from, base) => this.encodeLine(block, from, base),
    });
    this.lineLayout = layoutOf(this.shape.map(() => 4));
    this.fieldBlocks = new BlockCursor(this.grid.layout);
    this.lineAt = this.grid.positionIn(this.lineLayout);
    this.fullBlocksOnly = this.shape.every((n) => n % 4 === 0);
    this.wholeBlock = this.grid.positionIn(this.lineLayout);
    placeBlock(this.wholeBlock, this.lineLayout, 0, 0, 0, 0);
    this.scratch = new BitWriter(maxBlockBits(this.params, type, this.grid.dims) / 8);
    this.limit = isReversible(this.params) ? null : type === 'float64' ? Infinity : FLOAT32_OVERFLOW;
    this.huge = isReversible(this.params) ? null : 2 ** (traitsOf(type).ebias - 1);
    this.hugeLines = new Uint8Array(lines);
    this.hugeExponent = traitsOf(type).ebias - 1;
    this.values = values;
    this.cacheIeee = type === 'float64' ? null : new Int32Array(values.buffer);
    [this.nx, this.ny, this.nz, this.nw] = this.grid.layout.n;
    [this.bx, this.by, this.bz] = this.grid.layout.nb;
    // All zeros: every stride 0, so each element reads the one zero.
    const zeros = layoutOf(this.shape, this.shape.map(() => 0));
    this.encodeAll(new Float64Array(1), new BlockCursor(zeros));
  }

  get dims(): number {
    return this.grid.dims;
  }

  /** Number of elements. */
  get length(): number {
    return this.grid.layout.count;
  }

  get blockCount(): number {
    return this.grid.blockCount;
  }

  /**
   * The element at (i, j, k, l), fastest axis first (i along x), as many coordinates as the array
   * has axes; or at `index`, an array of them. Out-of-range or non-integer coordinates throw
   * ArrayIndexError. Reads of the block last accessed take a compare and a load.
   */
  get(i: number, j?: number, k?: number, l?: number): number;
  get(index: ArrayLike<number>): number;
  get(i: number | ArrayLike<number>, j?: number, k?: number, l?: number): number {
    if (typeof i !== 'number') return this.getAt(i);
    const dims = this.dims;
    if (arguments.length !== dims) this.badIndex([i, j, k, l].slice(0, arguments.length));
    // The axes past dims are 0; a coordinate left undefined within dims fails blockOf's test. One call site,
    // so that the engine inlines the hit path into get, and get into its caller's loop.
    return this.valueAt(i, dims > 1 ? j! : 0, dims > 2 ? k! : 0, dims > 3 ? l! : 0);
  }

  /**
   * Set the element at (i, j, k, l) — coordinates as get() takes them, the value last — or at `index`.
   * Lossy modes refuse, before changing anything, NaN and ±Inf (and float32 overflow) with
   * RepresentationRangeError, and a value whose block would decode to ±Inf with ZfpDataError.
   */
  set(i: number, value: number): void;
  set(i: number, j: number, value: number): void;
  set(i: number, j: number, k: number, value: number): void;
  set(i: number, j: number, k: number, l: number, value: number): void;
  set(index: ArrayLike<number>, value: number): void;
  set(i: number | ArrayLike<number>, j: number, k?: number, l?: number, m?: number): void {
    if (typeof i !== 'number') return this.setAt(i, j);
    const dims = this.dims;
    if (arguments.length !== dims + 1) this.badIndex([i, j, k, l, m].slice(0, arguments.length - 1));
    // The value comes after the coordinates; one call site, as in get.
    const value = dims === 3 ? l! : dims === 2 ? k! : dims === 1 ? j : m!;
    this.storeAt(i, dims > 1 ? j : 0, dims > 2 ? k! : 0, dims > 3 ? l! : 0, value);
  }

  /**
   * Call `visit` with every element and its coordinates (0 on the axes the array lacks), block by
   * block in zfp's order: each block is decoded once however small the cache.
   */
  forEach(visit: (value: number, i: number, j: number, k: number, l: number) => void): void {
    forEachInBlockOrder([], this.shape, (i, j, k, l) => visit(this.valueAt(i, j, k, l), i, j, k, l));
  }

  /**
   * The sub-box of `shape` from `origin` (both fastest axis first), read and written in place:
   * coordinates relative to the origin, bounds checked against the box.
   */
  view(origin: readonly number[], shape: Shape): ZfpArrayView {
    return new ZfpArrayView(this, origin, shape);
  }

  /** Compress every modified cached block into storage. */
  flush(): void {
    this.cache.flush();
    this.hitWritable = false;
  }

  /** Decompress the whole array into `target` (pending writes are flushed first). */
  read(target: FieldSource): void {
    this.flush();
    if (target instanceof Float64Array) this.decodeAll(this.checkLength(target, 'read into'), this.fieldBlocks.restart());
    else {
      const layout = this.viewLayout(target, 'read into');
      this.decodeAll(target.data, new BlockCursor(layout));
    }
  }

  /**
   * Compress `source` as the array's new contents, block by block in zfp's stream order. Rejected
   * values (NaN, ±Inf in lossy modes) throw RepresentationRangeError, values whose block would decode
   * to ±Inf ZfpDataError; either leaves the contents as they were.
   */
  write(source: FieldSource): void {
    if (source instanceof Float64Array) this.encodeChecked(this.checkLength(source, 'write from'), this.fieldBlocks.restart());
    else {
      const layout = this.viewLayout(source, 'write from');
      this.encodeChecked(source.data, new BlockCursor(layout));
    }
  }

  /** Decode one block's 4^d values (padding included, x fastest) into `out`, from storage alone. */
  readBlock(index: number, out: Float64Array): void {
    this.checkBlock(index);
    if (out.length !== this.grid.blockSize) throw new RepresentationShapeError(`a block holds ${this.grid.blockSize} values, output has ${out.length}`);
    this.flushBlock(index);
    this.decodeField(index, out, this.lineLayout, this.wholeBlock);
  }

  /** Append one block's compressed bits to `writer` (whose buffer is zero from its position on). */
  copyBlockBits(index: number, writer: BitWriter): void {
    this.checkBlock(index);
    this.flushBlock(index);
    const bits = this.store.bitLength(index);
    copyBits(this.store.words, this.store.bitOffset(index), writer.words, writer.pos, bits);
    writer.pos += bits;
  }

  /** The blocks in zfp's order (x fastest), after flushing pending writes. */
  *blocks(): Generator<BlockInfo> {
    this.flush();
    for (let index = 0; index < this.grid.blockCount; index++) {
      const origin = this.grid.origin(index);
      const emax = this.table.emax[index]!;
      yield {
        index,
        origin,
        extent: origin.map((x, a) => Math.min(4, this.shape[a]! - x)),
        bitOffset: this.store.bitOffset(index),
        bits: this.store.bitLength(index),
        emax: emax === NO_EXPONENT ? null : emax,
        planes: this.table.planes[index]!,
      };
    }
  }

  /** Bytes of the compressed blocks (the index and the cache are not counted). */
  get byteLength(): number {
    return Math.ceil(this.store.payloadBits / 8);
  }

  get bitsPerValue(): number {
    return this.store.payloadBits / this.length;
  }

  /** Uncompressed bytes (of the array's scalar type) over compressed bytes. */
  get compressionRatio(): number {
    return (this.length * this.bytesPerValue) / this.byteLength;
  }

  /** Size, ratio, and the plane and exponent ranges of the blocks as last encoded; refills `into` when given. */
  stats(into: CompressionSummary = new CompressionSummary()): CompressionStats {
    return into.update(this.table, this.store.payloadBits, this.length * this.bytesPerValue);
  }

  private get bytesPerValue(): number {
    return this.type === 'float64' ? 8 : 4;
  }

  private flushBlock(block: number): void {
    this.cache.flushBlock(block);
    if (block === this.hitBlock) this.hitWritable = false;
  }

  /**
   * The block holding (i, j, k, l), the axes past dims given as 0 (their extent is 1). Throws
   * ArrayIndexError outside the shape. One test for all axes keeps the hit path short.
   */
  private blockOf(i: number, j: number, k: number, l: number): number {
    // (x >>> 0) === x holds for integers 0 ≤ x < 2^32 only: NaN, fractions and negatives fail.
    if (!((i >>> 0) === i && i < this.nx && (j >>> 0) === j && j < this.ny && (k >>> 0) === k && k < this.nz && (l >>> 0) === l && l < this.nw)) {
      this.badIndex([i, j, k, l].slice(0, this.dims));
    }
    return (i >> 2) + this.bx * ((j >> 2) + this.by * ((k >> 2) + this.bz * (l >> 2)));
  }

  private badIndex(index: readonly (number | undefined)[]): never {
    throw new ArrayIndexError(index as number[], this.shape);
  }

  /** Make `block` the cache's most recent: the one the hit path reads. */
  private touch(block: number): void {
    this.hitLine = this.cache.read(block);
    this.hitBase = this.hitLine * this.grid.blockSize;
    this.hitBlock = block;
    this.hitWritable = false;
  }

  /** Store `value` at (i, j, k, l) (as blockOf takes them), after the checks set() promises. */
  private storeAt(i: number, j: number, k: number, l: number, value: number): void {
    const block = this.blockOf(i, j, k, l), local = offsetInBlock(i, j, k, l);
    if (this.limit !== null && !(Math.abs(value) < this.limit)) this.reject(value, this.flatIndex(block, local));
    if (block !== this.hitBlock) this.touch(block);
    if (this.huge !== null && (Math.abs(value) >= this.huge || this.hugeLines[this.hitLine])) {
      this.checkLineWith(block, this.hitLine, local, value, this.flatIndex(block, local));
      this.hugeLines[this.hitLine] = 1;
    }
    if (!this.hitWritable) {
      this.cache.markModified(this.hitLine);
      this.hitWritable = true;
    }
    this.values[this.hitBase + local] = value;
  }

  private getAt(index: ArrayLike<number>): number {
    const [i, j, k, l] = this.coordinates(index);
    return this.valueAt(i, j, k, l);
  }

  /** An index array's coordinates, 0 on the axes past dims. */
  private coordinates(index: ArrayLike<number>): [number, number, number, number] {
    if (index?.length !== this.dims) this.badIndex(Array.from(index ?? []));
    const d = this.dims;
    return [index[0]!, d > 1 ? index[1]! : 0, d > 2 ? index[2]! : 0, d > 3 ? index[3]! : 0];
  }

  /** The element at (i, j, k, l), the axes past dims given as 0. */
  private valueAt(i: number, j: number, k: number, l: number): number {
    const block = this.blockOf(i, j, k, l);
    if (block !== this.hitBlock) this.touch(block);
    return this.values[this.hitBase + offsetInBlock(i, j, k, l)]!;
  }

  private setAt(index: ArrayLike<number>, value: number): void {
    const [i, j, k, l] = this.coordinates(index);
    this.storeAt(i, j, k, l, value);
  }

  /** Encode the block at `at` of `values` (layout L) in the array's type; `ieee` their bits for float32 arrays, else null. */
  private encodeValues(w: BitWriter, values: BlockValues, ieee: Int32Array | null, L: Layout, at: BlockPosition): number {
    return ieee === null ? this.codec.encodeFloat64Run(w, values as Float64Array, L, at) : this.codec.encodeFloat32From(w, ieee, L, at);
  }

  /** Decode `r`'s block into `values` at `at`, as encodeValues reads them. */
  private decodeValues(r: BitReader, values: BlockValues, ieee: Int32Array | null, L: Layout, at: BlockPosition): number {
    return ieee === null ? this.codec.decodeFloat64Into(r, values as Float64Array, L, at) : this.codec.decodeFloat32Into(r, ieee, L, at);
  }

  /** Encode the block at `at` of a float64 field; a float32 array rounds its values first. */
  private encodeField(w: BitWriter, data: Float64Array, L: Layout, at: BlockPosition): number {
    if (this.blockIeee === null) return this.codec.encodeFloat64From(w, data, L, at);
    gatherBlock<BlockValues>(this.blockValues, data, L, at);
    return this.codec.encodeFloat32From(w, this.blockIeee, this.lineLayout, this.wholeBlock);
  }

  /** Decode stored `block` into a float64 field at `at`. */
  private decodeField(block: number, data: Float64Array, L: Layout, at: BlockPosition): void {
    const r = this.store.reader(block);
    if (this.blockIeee === null) {
      this.codec.decodeFloat64Into(r, data, L, at);
      return;
    }
    this.codec.decodeFloat32Into(r, this.blockIeee, this.lineLayout, this.wholeBlock);
    scatterBlock<BlockValues>(this.blockValues, data, L, at);
  }

  private record(block: number, bits: number): void {
    this.table.emax[block] = this.codec.emax;
    this.table.planes[block] = this.codec.planes;
    this.table.bits[block] = bits;
  }

  private decodeAll(data: Float64Array, blocks: BlockCursor): void {
    while (blocks.next()) this.decodeField(blocks.index, data, blocks.L, blocks.block);
  }

  private encodeChecked(data: Float64Array, blocks: BlockCursor): void {
    if (this.limit !== null && this.checkValues(data, blocks.L, this.limit) >= this.huge!) this.checkBlocks(data, blocks);
    this.cache.invalidate();
    this.hitBlock = -1;
    this.hitWritable = false;
    this.hugeLines.fill(0);
    this.encodeAll(data, blocks.restart());
  }

  /** Trial-encode every block of `data` holding a huge magnitude; throw for the first that would not decode finite. */
  private checkBlocks(data: Float64Array, blocks: BlockCursor): void {
    const { L, block: at } = blocks;
    const block = this.blockValues;
    while (blocks.next()) {
      gatherBlock<BlockValues>(block, data, L, at);
      // The largest valid value (padding repeats valid ones) names the culprit.
      let largest = 0, where = 0;
      for (let i = 0; i < block.length; i++) {
        const inside = (i & 3) < at.mx && ((i >> 2) & 3) < at.my && ((i >> 4) & 3) < at.mz && ((i >> 6) & 3) < at.mw;
        if (inside && Math.abs(block[i]!) > largest) [largest, where] = [Math.abs(block[i]!), i];
      }
      if (largest < this.huge!) continue;
      const value = block[where]!;
      if (!this.decodesFinite()) this.refuse(value, this.flatIndex(blocks.index, where));
    }
  }

  /** Throw unless `block`, cached in `line`, would decode finite with `value` at `local`; the line is left as it was. */
  private checkLineWith(block: number, line: number, local: number, value: number, flat: number): void {
    const { values } = this.cache;
    const base = line * this.grid.blockSize;
    const old = values[base + local]!;
    values[base + local] = value;
    const at = this.lineAt;
    this.grid.position(block, this.grid.layout, at);
    at.base = base;
    gatherBlock<BlockValues>(this.blockValues, values, this.lineLayout, at);
    values[base + local] = old;
    if (!this.decodesFinite()) this.refuse(value, flat);
  }

  /** Encode `blockValues` into scratch and decode them back in place: are all finite? */
  private decodesFinite(): boolean {
    const { blockValues, blockIeee, lineLayout, wholeBlock } = this;
    const w = this.scratch;
    const bits = this.encodeValues(w, blockValues, blockIeee, lineLayout, wholeBlock);
    this.decodeValues(new BitReader(w.words, 0, bits), blockValues, blockIeee, lineLayout, wholeBlock);
    this.clearScratch();
    return blockValues.every(Number.isFinite);
  }

  private refuse(value: number, flat: number): never {
    throw new ZfpDataError(`${this.name} cannot store ${value} at index ${flat}: its block would decode to ±Infinity (values this close to the largest ${this.type} overflow after rounding); the array is unchanged`);
  }

  /** The flat index of value `local` (x fastest, 4 per axis; a valid one) of `block`. */
  private flatIndex(block: number, local: number): number {
    const origin = this.grid.origin(block);
    let flat = 0;
    for (let a = this.dims - 1; a >= 0; a--) {
      flat = flat * this.shape[a]! + origin[a]! + ((local >> (2 * a)) & 3);
    }
    return flat;
  }

  private encodeAll(data: Float64Array, blocks: BlockCursor): void {
    const { store } = this;
    const { L, block: at } = blocks;
    store.start();
    while (blocks.next()) {
      this.record(blocks.index, this.encodeField(store.writer(), data, L, at));
      store.commit(blocks.index);
    }
  }

  /** Decode `block` into the cache line at `base` (float64 straight from the codec's last pass), noting whether it holds huge magnitudes. */
  private decodeLine(block: number, into: BlockValues, base: number): void {
    const at = this.lineAt;
    // A line holds a whole block: the decoded block goes there padding included (element access reads only the valid
    // part, encodeLine pads afresh), so the line needs no position() and its divisions by the block counts.
    at.full = true;
    at.base = base;
    this.decodeValues(this.store.reader(block), into, this.cacheIeee, this.lineLayout, at);
    const emax = this.codec.emax;
    this.hugeLines[base / this.grid.blockSize] = this.huge !== null && emax !== NO_EXPONENT && emax >= this.hugeExponent ? 1 : 0;
  }

  /** Encode a cache line as `block`: pad its valid part as zfp does, then swap the block's bits in. */
  private encodeLine(block: number, values: BlockValues, base: number): void {
    const at = this.lineAt;
    // With every extent a multiple of 4 every block is full: no position() and its divisions to learn it.
    if (this.fullBlocksOnly) at.full = true;
    else this.grid.position(block, this.grid.layout, at);
    at.base = base;
    const w = this.scratch;
    const bits = this.encodeValues(w, values, this.cacheIeee, this.lineLayout, at);
    this.store.replace(block, w.words, bits);
    this.record(block, bits);
    this.clearScratch();
  }

  private clearScratch(): void {
    const w = this.scratch, words = w.words;
    // Stores, not a call to TypedArray fill, which costs more than a block's few dozen words.
    for (let i = 0, end = (w.pos >>> 5) + 1; i < end; i++) words[i] = 0;
    w.pos = 0;
  }

  private checkLength(values: Float64Array, verb: string): Float64Array {
    if (values.length !== this.length) {
      throw new RepresentationShapeError(`cannot ${verb} ${values.length} values: the array of shape [${this.shape.join(', ')}] has ${this.length}`);
    }
    return values;
  }

  /** The layout of an ndarray view of the array's shape (its axes reversed: slowest first). */
  private viewLayout(view: NdArray<Float64Array>, verb: string): Layout {
    const expected = `a Float64Array or a Float64Array view of shape [${[...this.shape].reverse().join(', ')}] (slowest axis first)`;
    if (!(view?.data instanceof Float64Array) || !Array.isArray(view.shape)) throw new RepresentationShapeError(`cannot ${verb} ${String(view)}: expected ${expected}`);
    const shape = [...view.shape].reverse();
    if (shape.length !== this.dims || shape.some((n, a) => n !== this.shape[a])) {
      throw new RepresentationShapeError(`cannot ${verb} an ndarray of shape [${view.shape.join(', ')}]: expected ${expected}`);
    }
    const layout = layoutOf(shape, [...view.stride].reverse(), view.offset);
    checkExtent(layout, view.data.length);
    return layout;
  }

  /** Throw for the first value (in x-fastest order) the mode cannot hold; returns the largest magnitude. */
  private checkValues(data: Float64Array, layout: Layout, limit: number): number {
    let largest = 0;
    if (isContiguous(layout)) {
      // Usual case first: one comparison on the largest magnitude (NaN wins Math.max); the scan below finds the culprit.
      for (let at = layout.offset, end = at + layout.count; at < end; at++) largest = Math.max(largest, Math.abs(data[at]!));
      if (largest < limit) return largest;
    }
    const [nx, ny, nz, nw] = layout.n;
    const [sx, sy, sz, sw] = layout.s;
    let flat = 0;
    for (let w = 0; w < nw; w++)
      for (let z = 0; z < nz; z++)
        for (let y = 0; y < ny; y++) {
          const row = layout.offset + w * sw + z * sz + y * sy;
          for (let x = 0; x < nx; x++, flat++) {
            const magnitude = Math.abs(data[row + x * sx]!);
            if (!(magnitude < limit)) this.reject(data[row + x * sx]!, flat);
            largest = Math.max(largest, magnitude);
          }
        }
    return largest;
  }

  private reject(value: number, flat: number): never {
    throw new RepresentationRangeError(this.name, value, flat, this.type === 'float64' ? Number.MAX_VALUE : FLOAT32_MAX);
  }

  private checkBlock(index: number): void {
    if (!(Number.isInteger(index) && index >= 0 && index < this.grid.blockCount)) {
      throw new RepresentationShapeError(`block ${index} does not exist: the array has blocks 0..${this.grid.blockCount - 1}`);
    }
  }
}
