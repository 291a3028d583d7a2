import type { BitReader, BitWriter } from '../bitstream.ts';
import { minbitsAfter, padToMinbits, skipToMinbits } from '../block-padding.ts';
import { ZfpDataError } from '../errors.ts';
import { blockPrecision, isReversible } from '../params.ts';
import { inverseSequencyPermutation, sequencyPermutation } from '../sequency.ts';
import { blockSize, traitsOf, type ScalarTraits } from '../traits.ts';
import type { ScalarType, StreamParams } from '../types.ts';
import { fwdXform32, invXform32, revFwdXform32, revInvXform32 } from './lift32.ts';
import { fwdXform64, invXform64, revFwdXform64, revInvXform64 } from './lift64.ts';
import { castToSplit, fwdOrderSplit, fwdOrderWrapping, fwdXformSplit } from './lift-split.ts';
import { fwdCastXformOrder3 } from './forward-3d.ts';
import { Forward2dRows } from './forward-2d.ts';
import { coefficientsColumnLimit2d, coefficientsInverseExact, invOrderXformDouble3, invXformDouble, wrapImpossible } from './lift-double.ts';
import { fwdOrder32, fwdOrder64, invOrder32, invOrder64, invOrderToDouble } from './negabinary.ts';
import { invOrderXform2dToField, type Inverse2dRows } from './inverse-2d.ts';
import { planeCoderFor, type PlaneCoder, type PlaneCount } from './plane-coder.ts';
import { WORD_PLANES } from './plane-coding.ts';
import { gatherBlock, scatterBlock, type BlockPosition } from './gather.ts';
import type { Layout } from '../layout.ts';
import { blockExponent, castFromInts, castToInts, pow2, reinterpretFromInts, reinterpretToInts, reversibleCast, scaleOverflows } from './block-float.ts';

/** Marks "no common exponent" (all-zero block, integer type) in per-block statistics. */
export const NO_EXPONENT = -32768;

/** Where a lossy block's coefficients come from (see encodeLossy). */
type LossyFront = 'splits' | 'fused3d' | 'ints';

/**
 * Encodes and decodes single blocks of one scalar type, dimensionality and
 * parameter set, bit for bit as zfp 1.0 does. Holds all scratch memory, so a
 * block costs no allocation. A block is read from, or written to, a field given
 * as (array, layout, block position): float64 values, float32 values as their
 * IEEE bits (a float32 NaN's payload would not survive a trip through a double,
 * and reversible mode must keep it), int32 values, int64 values as (lo, hi)
 * int32 pairs. Each call returns the block's size in bits; after it, `emax`
 * and `planes` describe the block.
 */
export class BlockCodec {
  readonly traits: ScalarTraits;
  readonly size: number;
  /** Float values of the current block (float32 values held exactly as doubles). */
  private readonly fblock: Float64Array;
  /** float32 blocks: the values' bits, and the same memory as floats. */
  private readonly bits32: Int32Array;
  private readonly values32: Float32Array;
  /** The block's integers: (hi, lo) words for 64-bit types, lo alone for 32-bit types. */
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  /** The last block's common exponent, or NO_EXPONENT. */
  private exponent = NO_EXPONENT;
  private readonly uhi: Int32Array;
  private readonly ulo: Int32Array;
  /** float64 blocks in the lossy modes: integers as a + b in doubles (see lift-split.ts). */
  private readonly sa: Float64Array;
  private readonly sb: Int32Array;
  private readonly perm: Uint8Array;
  private readonly iperm: Uint8Array;
  private readonly coder: PlaneCoder;
  private readonly count: PlaneCount = { planes: 0, lowest: 0 };
  private readonly reversible: boolean;
  /** Lossy 2D float64 blocks: a full block's front end, as a row of one block (see forward-2d.ts); null otherwise. */
  private readonly front2d: Forward2dRows | null;
  /** Lossy 3D float64 blocks: lifted in doubles by the fused forward (see forward-3d.ts). */
  private readonly fused3d: boolean;

  constructor(type: ScalarType, readonly dims: number, readonly params: StreamParams) {
    this.traits = traitsOf(type);
    this.size = blockSize(dims);
    this.fblock = new Float64Array(this.size);
    this.bits32 = new Int32Array(this.size);
    this.values32 = new Float32Array(this.bits32.buffer);
    this.hi = new Int32Array(this.size);
    this.lo = new Int32Array(this.size);
    this.uhi = new Int32Array(this.size);
    this.ulo = new Int32Array(this.size);
    this.sa = new Float64Array(this.size);
    this.sb = new Int32Array(this.size);
    this.perm = sequencyPermutation(dims);
    this.iperm = inverseSequencyPermutation(dims);
    this.reversible = isReversible(params);
    this.coder = planeCoderFor(this.size);
    this.front2d = type === 'float64' && dims === 2 && !this.reversible ? new Forward2dRows(1, false) : null;
    this.fused3d = type === 'float64' && dims === 3 && !this.reversible;
  }

  /** Common exponent of the last block, or NO_EXPONENT (all zero; integer type; reversible raw bits). */
  get emax(): number {
    return this.exponent;
  }

  /** Bit planes the last block coded completely. */
  get planes(): number {
    return this.count.planes;
  }

  /**
   * Encode the float64 block of `field` (layout L) at `at`, padded as zfp pads partial blocks. A
   * full lossy 2D block is read where it lies and lifted as a row of one block, unless that
   * leaves it to the general path (see forward-2d.ts).
   */
  encodeFloat64From(w: BitWriter, field: Float64Array, L: Layout, at: BlockPosition): number {
    const front = this.front2d;
    if (front !== null && at.full) {
      front.liftRow(field, at.base, at.sx, at.rows[1]!, 1);
      if (front.lifted[0] !== 0) return this.encodeLossy(w, front.emax[0]!, 'splits', front.a, front.b, 0);
    }
    gatherBlock(this.fblock, field, L, at);
    return this.encodeFloat(w);
  }

  /**
   * encodeFloat64From for a block of blocks stored one after another (a ZfpArray's cache lines):
   * a full lossy 3D block held as one run of 64 values whose values lift in doubles is read
   * where it lies, without the gather into the codec's block. A method apart, so that the bulk
   * path's encodeFloat64From keeps its size for V8's inlining budget.
   */
  encodeFloat64Run(w: BitWriter, values: Float64Array, L: Layout, at: BlockPosition): number {
    if (this.fused3d && at.full && at.sx === 1 && at.rows[1] === 4 && at.rows[4] === 16) {
      const emax = blockExponent(values, this.size, this.traits, true, at.base);
      // NaN for a non-finite value, which the general path names.
      if (!Number.isNaN(emax) && this.liftsInDoubles(emax)) return this.encodeLossy(w, emax, 'fused3d', values, this.sb, at.base);
    }
    return this.encodeFloat64From(w, values, L, at);
  }

  /** Encode the float32 block at `at` of a field given by its IEEE bits. */
  encodeFloat32From(w: BitWriter, bits: Int32Array, L: Layout, at: BlockPosition): number {
    gatherBlock(this.bits32, bits, L, at);
    for (let i = 0; i < this.size; i++) this.fblock[i] = this.values32[i]!;
    return this.encodeFloat(w);
  }

  encodeInt32From(w: BitWriter, field: Int32Array, L: Layout, at: BlockPosition): number {
    gatherBlock(this.lo, field, L, at);
    return this.encodeInt(w);
  }

  /** Encode the int64 block at `at` of a field of (lo, hi) word pairs; L and `at` address the lo words. */
  encodeInt64From(w: BitWriter, words: Int32Array, L: Layout, at: BlockPosition): number {
    gatherBlock(this.lo, words, L, at);
    at.base++;
    gatherBlock(this.hi, words, L, at);
    at.base--;
    return this.encodeInt(w);
  }

  /**
   * Decode a float64 block into `field` (layout L) at block position `at`, padding dropped.
   * A full block whose inverse runs in doubles goes from the last pass straight into the
   * field, skipping a store and reload of every value; any other block is decoded into
   * `fblock` and scattered.
   */
  decodeFloat64Into(r: BitReader, field: Float64Array, L: Layout, at: BlockPosition): number {
    const bits = this.reversible ? this.decodeFloatReversible(r) : this.decodeFloatLossy(r);
    this.finishFloat64Into(field, L, at);
    return bits;
  }

  /**
   * Decode a full 2D float64 block of a row of blocks (see inverse-2d.ts): lifted along y into
   * `rows` at block k when its inverse runs in doubles (see columnLimit2d), else left
   * (rows.pending[k] = 0) for finishFloat64Into at the block's position.
   */
  decodeFloat64IntoRow(r: BitReader, rows: Inverse2dRows, k: number): number {
    const bits = this.reversible ? this.decodeFloatReversible(r) : this.decodeFloatLossy(r);
    const lowest = this.count.lowest;
    const limit = !this.reversible && this.coefficientsPending() ? coefficientsColumnLimit2d(lowest, this.uhi, this.ulo) : 0;
    if (limit === 0 || !rows.liftColumns(k, this.uhi, this.ulo, lowest >= 32, this.iperm, pow2(this.exponent - 62), limit)) rows.leave(k);
    return bits;
  }

  /** The float64 block just decoded (by decodeFloat64Into, or left by decodeFloat64IntoRow) into `field` at `at`, padding dropped. */
  finishFloat64Into(field: Float64Array, L: Layout, at: BlockPosition): void {
    const inField = !this.reversible && this.coefficientsPending() && this.inverseLossy64(at.full ? field : null, at);
    if (!inField) scatterBlock(this.fblock, field, L, at);
  }

  /** Decode a float32 block into a field given by its IEEE bits, padding dropped. */
  decodeFloat32Into(r: BitReader, bits: Int32Array, L: Layout, at: BlockPosition): number {
    const n = this.decodeFloat(r);
    scatterBlock(this.bits32, bits, L, at);
    return n;
  }

  decodeInt32Into(r: BitReader, field: Int32Array, L: Layout, at: BlockPosition): number {
    const n = this.decodeInt(r);
    scatterBlock(this.lo, field, L, at);
    return n;
  }

  /** Decode an int64 block into a field of (lo, hi) word pairs; L and `at` address the lo words. */
  decodeInt64Into(r: BitReader, words: Int32Array, L: Layout, at: BlockPosition): number {
    const n = this.decodeInt(r);
    scatterBlock(this.lo, words, L, at);
    at.base++;
    scatterBlock(this.hi, words, L, at);
    at.base--;
    return n;
  }

  /** Encode the float block in `fblock`, float32 values held there as doubles. */
  private encodeFloat(w: BitWriter): number {
    return this.reversible ? this.encodeFloatReversible(w) : this.encodeFloatLossy(w);
  }

  /** Encode the integer block in (hi, lo). */
  private encodeInt(w: BitWriter): number {
    const { minbits, maxbits, maxprec } = this.params;
    this.exponent = NO_EXPONENT;
    return this.reversible ? this.encodeIntsReversible(w) : this.encodeInts(w, minbits, maxbits, maxprec);
  }

  /** Decode a float block into `fblock` and, for float32, `bits32`. */
  private decodeFloat(r: BitReader): number {
    if (this.reversible) return this.decodeFloatReversible(r);
    const bits = this.decodeFloatLossy(r);
    if (this.coefficientsPending()) this.inverseLossy64(null, null);
    this.narrowToFloat32();
    return bits;
  }

  /** Decode an integer block into (hi, lo). */
  private decodeInt(r: BitReader): number {
    const { minbits, maxbits, maxprec } = this.params;
    this.exponent = NO_EXPONENT;
    return this.reversible ? this.decodeIntsReversible(r, minbits, maxbits) : this.decodeInts(r, minbits, maxbits, maxprec);
  }

  private encodeFloatLossy(w: BitWriter): number {
    const emax = blockExponent(this.fblock, this.size, this.traits, true);
    if (Number.isNaN(emax)) {
      const bad = this.fblock.find((v) => !Number.isFinite(v));
      throw new ZfpDataError(`lossy zfp modes cannot represent ${bad}; use reversible mode or remove non-finite values`);
    }
    if (!this.liftsInDoubles(emax)) return this.encodeLossy(w, emax, 'ints', this.sa, this.sb, 0);
    if (this.dims === 3) return this.encodeLossy(w, emax, 'fused3d', this.fblock, this.sb, 0);
    castToSplit(this.fblock, this.sa, this.sb, this.size, emax);
    fwdXformSplit(this.sa, this.sb, this.dims);
    return this.encodeLossy(w, emax, 'splits', this.sa, this.sb, 0);
  }

  /**
   * Encode a float64 block whose front end ran elsewhere (see forward-2d.ts): finite values of
   * common exponent emax whose block-float scale is finite, lifted into the splits at a[from …],
   * b[from …]. Same bits as encodeFloat64From on the block's values.
   */
  encodeLiftedFloat64(w: BitWriter, emax: number, a: Float64Array, b: Int32Array, from: number): number {
    return this.encodeLossy(w, emax, 'splits', a, b, from);
  }

  /**
   * The lossy block of exponent emax, its coefficients made by `front`: from the lifted splits
   * (a, b) at `from`, from the values a[from …] by the fused 3D forward (b unused), or from
   * `fblock` in integers.
   */
  private encodeLossy(w: BitWriter, emax: number, front: LossyFront, a: Float64Array, b: Int32Array, from: number): number {
    const t = this.traits;
    const { minbits, maxbits } = this.params;
    const maxprec = blockPrecision(emax, this.params, this.dims);
    const e = maxprec ? emax + t.ebias : 0;
    if (e) {
      this.exponent = emax;
      const bits = 1 + t.ebits;
      w.writeBits(2 * e + 1, bits);
      const rest = minbitsAfter(minbits, bits), budget = (maxbits - bits) >>> 0;
      if (front !== 'ints') {
        if (front === 'fused3d') fwdCastXformOrder3(a, emax, this.sa, this.sb, this.iperm, this.uhi, this.ulo, maxprec <= WORD_PLANES, from);
        else fwdOrderSplit(this.uhi, this.ulo, a, b, this.perm, this.size, maxprec <= WORD_PLANES, from);
        return bits + this.encodePlanes(w, rest, budget, maxprec);
      }
      castToInts(this.fblock, this.hi, this.lo, this.size, emax, t);
      return bits + this.encodeInts(w, rest, budget, maxprec);
    }
    this.exponent = NO_EXPONENT;
    this.count.planes = 0;
    w.writeBit(0);
    return padToMinbits(w, 1, minbits);
  }

  /** float64 blocks whose block-float scale is finite are lifted in doubles (see lift-split.ts, lift-double.ts); others as zfp's integers. */
  private liftsInDoubles(emax: number): boolean {
    return this.traits.intprec === 64 && !scaleOverflows(emax, this.traits);
  }

  /** After decodeFloatLossy: are the block's coefficients still to be inverted (by inverseLossy64)? */
  private coefficientsPending(): boolean {
    return this.exponent !== NO_EXPONENT && this.liftsInDoubles(this.exponent);
  }

  /** float32 blocks: the decoded doubles into `bits32`'s memory as floats. */
  private narrowToFloat32(): void {
    if (this.traits.intprec === 32) for (let i = 0; i < this.size; i++) this.values32[i] = this.fblock[i]!;
  }

  /** Decode a lossy float block into `fblock`, except the inverse of pending coefficients (see coefficientsPending). */
  private decodeFloatLossy(r: BitReader): number {
    const t = this.traits;
    const { minbits, maxbits } = this.params;
    if (r.readBit()) {
      const bits = 1 + t.ebits;
      const emax = r.readBits(t.ebits) - t.ebias;
      this.exponent = emax;
      const maxprec = blockPrecision(emax, this.params, this.dims);
      const rest = minbitsAfter(minbits, bits), budget = (maxbits - bits) >>> 0;
      // The inverse is left to the caller (inverseLossy64), which may send the values to a field.
      if (this.liftsInDoubles(emax)) return bits + this.decodePlanes(r, rest, budget, maxprec);
      const n = this.decodeInts(r, rest, budget, maxprec);
      castFromInts(this.hi, this.lo, this.fblock, this.size, emax, t);
      return bits + n;
    }
    this.exponent = NO_EXPONENT;
    this.count.planes = 0;
    this.fblock.fill(0);
    return skipToMinbits(r, 1, minbits);
  }

  private encodeFloatReversible(w: BitWriter): number {
    const t = this.traits;
    const emax = blockExponent(this.fblock, this.size, t);
    if (reversibleCast(this.fblock, this.hi, this.lo, this.size, emax, t)) {
      if (emax === -t.ebias) {
        // All-zero block: one bit, and (as in zfp 1.0) no padding to minbits.
        this.exponent = NO_EXPONENT;
        this.count.planes = 0;
        w.writeBit(0);
        return 1;
      }
      this.revFwdXformOrder();
      return this.encodeReversibleBlock(w, emax);
    }
    this.exponent = NO_EXPONENT;
    reinterpretToInts(this.fblock, this.bits32, this.hi, this.lo, this.size, t);
    this.revFwdXformOrder();
    w.writeBits(3, 2);
    return 2 + this.encodeReversibleCoefficients(w, 2);
  }

  /**
   * Encode a float64 block in reversible mode whose cast to integers was exact and whose
   * reversible lifting ran elsewhere (see forward-2d.ts): a nonzero block of common exponent
   * emax, its integers (modulo 2^64) the splits a + b at a[from …], b[from …].
   */
  encodeLiftedReversible(w: BitWriter, emax: number, a: Float64Array, b: Float64Array, from: number): number {
    fwdOrderWrapping(this.uhi, this.ulo, a, b, this.perm, this.size, from);
    return this.encodeReversibleBlock(w, emax);
  }

  /** A float block of exponent emax whose cast was exact, its coefficients in (uhi, ulo). */
  private encodeReversibleBlock(w: BitWriter, emax: number): number {
    const t = this.traits;
    this.exponent = emax;
    w.writeBits(1, 2);
    w.writeBits(emax + t.ebias, t.ebits);
    return 2 + t.ebits + this.encodeReversibleCoefficients(w, 2 + t.ebits);
  }

  private decodeFloatReversible(r: BitReader): number {
    const t = this.traits;
    const { minbits, maxbits } = this.params;
    if (!r.readBit()) {
      this.exponent = NO_EXPONENT;
      this.count.planes = 0;
      this.fblock.fill(0);
      this.narrowToFloat32();
      return skipToMinbits(r, 1, minbits);
    }
    if (r.readBit()) {
      // Raw IEEE bits: a float32 block goes straight to `bits32`, keeping NaN payloads.
      this.exponent = NO_EXPONENT;
      const n = this.decodeIntsReversible(r, minbitsAfter(minbits, 2), (maxbits - 2) >>> 0);
      reinterpretFromInts(this.hi, this.lo, this.fblock, this.bits32, this.size, t);
      return 2 + n;
    }
    const bits = 2 + t.ebits;
    const emax = r.readBits(t.ebits) - t.ebias;
    this.exponent = emax;
    const n = this.decodeIntsReversible(r, minbitsAfter(minbits, bits), (maxbits - bits) >>> 0);
    if (emax === -t.ebias) this.fblock.fill(0);
    else castFromInts(this.hi, this.lo, this.fblock, this.size, emax, t);
    this.narrowToFloat32();
    return bits + n;
  }

  /** The decoded low words of 64-bit coefficients, cleared when no plane below 32 was coded (see PlaneCoder.decode). */
  private lowWords(): Int32Array {
    if (this.count.lowest >= 32) this.ulo.fill(0, 0, this.size);
    return this.ulo;
  }

  /**
   * Reorder, inverse transform and scale the pending coefficients (uhi, ulo): in doubles where
   * that is exact (see lift-double.ts), the values then going to `field` at `at` if given, else
   * in integers into `fblock`. Returns whether the values went to `field`. A full 2D block
   * goes to the field by the fused inverse, checked as it runs (columnLimit2d), or in integers.
   */
  private inverseLossy64(field: Float64Array | null, at: BlockPosition | null): boolean {
    const { fblock, size, exponent: emax } = this;
    const lowest = this.count.lowest;
    if (this.dims === 2 && field !== null && at !== null) {
      const limit = coefficientsColumnLimit2d(lowest, this.uhi, this.ulo);
      if (limit !== 0 && invOrderXform2dToField(this.uhi, this.ulo, lowest >= 32, this.iperm, pow2(emax - 62), field, at, limit)) return true;
    } else if (coefficientsInverseExact(lowest, this.dims, this.uhi, this.ulo, size)) {
      const watch = !wrapImpossible(lowest), scale = pow2(emax - 62);
      if (this.dims === 3 && !watch) {
        if (invOrderXformDouble3(this.uhi, this.ulo, this.iperm, lowest >= 32, fblock, scale, field, at)) return field !== null;
      } else {
        invOrderToDouble(this.uhi, this.ulo, fblock, this.iperm, size, lowest >= 32);
        if (invXformDouble(fblock, this.dims, watch, scale, field, at)) return field !== null;
      }
    }
    invOrder64(this.uhi, this.lowWords(), this.hi, this.lo, this.iperm, size);
    invXform64(this.hi, this.lo, this.dims);
    castFromInts(this.hi, this.lo, fblock, size, emax, this.traits);
    return false;
  }

  private encodeInts(w: BitWriter, minbits: number, maxbits: number, maxprec: number): number {
    if (this.traits.intprec === 64) fwdXform64(this.hi, this.lo, this.dims);
    else fwdXform32(this.lo, this.dims);
    return this.encodeCoefficients(w, minbits, maxbits, maxprec);
  }

  /** Reorder, map to negabinary and code transform coefficients already in (hi, lo). */
  private encodeCoefficients(w: BitWriter, minbits: number, maxbits: number, maxprec: number): number {
    const { hi, lo, uhi, ulo, perm, size } = this;
    if (this.traits.intprec === 64) fwdOrder64(uhi, ulo, hi, lo, perm, size);
    else fwdOrder32(ulo, lo, perm, size);
    return this.encodePlanes(w, minbits, maxbits, maxprec);
  }

  /** Code negabinary coefficients in (uhi, ulo), padding to minbits. */
  private encodePlanes(w: BitWriter, minbits: number, maxbits: number, maxprec: number): number {
    const bits = this.coder.encode(w, maxbits, maxprec, this.uhi, this.ulo, this.traits.intprec, this.count);
    return padToMinbits(w, bits, minbits);
  }

  private decodeInts(r: BitReader, minbits: number, maxbits: number, maxprec: number): number {
    const bits = this.decodeCoefficients(r, minbits, maxbits, maxprec);
    if (this.traits.intprec === 64) invXform64(this.hi, this.lo, this.dims);
    else invXform32(this.lo, this.dims);
    return bits;
  }

  /** Decode transform coefficients into (hi, lo), in raster order. */
  private decodeCoefficients(r: BitReader, minbits: number, maxbits: number, maxprec: number): number {
    const { hi, lo, uhi, ulo, iperm, size } = this;
    const bits = this.decodePlanes(r, minbits, maxbits, maxprec);
    if (this.traits.intprec === 64) invOrder64(uhi, this.lowWords(), hi, lo, iperm, size);
    else invOrder32(ulo, lo, iperm, size);
    return bits;
  }

  /** Decode negabinary coefficients into (uhi, ulo), in sequency order. */
  private decodePlanes(r: BitReader, minbits: number, maxbits: number, maxprec: number): number {
    const bits = this.coder.decode(r, maxbits, maxprec, this.uhi, this.ulo, this.traits.intprec, this.count);
    return skipToMinbits(r, bits, minbits);
  }

  private encodeIntsReversible(w: BitWriter): number {
    this.revFwdXformOrder();
    return this.encodeReversibleCoefficients(w, 0);
  }

  /** Reversible transform of (hi, lo), then sequency order and negabinary into (uhi, ulo). */
  private revFwdXformOrder(): void {
    const { hi, lo, uhi, ulo, perm, size } = this;
    if (this.traits.intprec === 64) {
      revFwdXform64(hi, lo, this.dims);
      fwdOrder64(uhi, ulo, hi, lo, perm, size);
    } else {
      revFwdXform32(lo, this.dims);
      fwdOrder32(ulo, lo, perm, size);
    }
  }

  /** Code the reversible coefficients in (uhi, ulo) after a header of headerBits, padding to minbits. */
  private encodeReversibleCoefficients(w: BitWriter, headerBits: number): number {
    const { uhi, ulo, size } = this;
    const t = this.traits;
    const { minbits, maxbits, maxprec } = this.params;
    let or = 0;
    // Planes needed to represent every coefficient: intprec minus the common trailing zeros.
    let prec = 0;
    for (let i = 0; i < size; i++) or |= ulo[i]!;
    if (or !== 0) prec = t.intprec - (31 - Math.clz32(or & -or));
    else if (t.intprec === 64) {
      for (let i = 0; i < size; i++) or |= uhi[i]!;
      if (or !== 0) prec = 32 - (31 - Math.clz32(or & -or));
    }
    prec = Math.max(Math.min(prec, maxprec), 1);
    w.writeBits(prec - 1, t.pbits);
    const bits = t.pbits + this.coder.encode(w, (maxbits - headerBits - t.pbits) >>> 0, prec, uhi, ulo, t.intprec, this.count);
    return padToMinbits(w, bits, minbitsAfter(minbits, headerBits));
  }

  private decodeIntsReversible(r: BitReader, minbits: number, maxbits: number): number {
    const { hi, lo, uhi, ulo, iperm, size } = this;
    const t = this.traits;
    const prec = r.readBits(t.pbits) + 1;
    const bits = skipToMinbits(r, t.pbits + this.coder.decode(r, (maxbits - t.pbits) >>> 0, prec, uhi, ulo, t.intprec, this.count), minbits);
    if (t.intprec === 64) {
      invOrder64(uhi, this.lowWords(), hi, lo, iperm, size);
      revInvXform64(hi, lo, this.dims);
    } else {
      invOrder32(ulo, lo, iperm, size);
      revInvXform32(lo, this.dims);
    }
    return bits;
  }
}
