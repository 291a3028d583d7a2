import type { BitReader, BitWriter } from '../bitstream.ts';
import { minbitsAfter, padToMinbits, skipToMinbits } from '../block-padding.ts';
import { ZfpDataError, ZfpParameterError } from '../errors.ts';
import { blockPrecision, isReversible } from '../params.ts';
import { traitsOf } from '../traits.ts';
import type { StreamParams } from '../types.ts';
import { bitPlanes } from './bit-planes.ts';
import { blockExponent, fromBlockFloat, toBlockFloat, type FloatType } from './block-float.ts';
import { decodeInts, encodeInts } from './embedded-coder.ts';
import {
  forwardReversibleTransform,
  forwardTransform,
  inverseReversibleTransform,
  inverseTransform,
  type IntWidth,
} from './lifting.ts';
import { fromNegabinaryBlock, toNegabinaryBlock } from './negabinary.ts';
import { ieeeBitsToInts, intsToIeeeBits } from './reinterpret.ts';
import { reorder, unorder } from './reorder.ts';

/**
 * One float block through every stage, in the order zfp 1.0 runs them, with
 * each intermediate kept for inspection. Writes (and reads) the same bits as
 * the bulk codec in src/zfp/fast; the tests hold them to that.
 */

/**
 * How a block is represented:
 *  - 'zero': a single 0 bit (all values zero, or in lossy mode nothing above the accuracy threshold);
 *  - 'block-float': integers relative to the common exponent;
 *  - 'ieee-bits': reversible mode only, the values' own bits, when block-float is not exact.
 */
export type BlockForm = 'zero' | 'block-float' | 'ieee-bits';

/** The integer stages of a coded block (on decoding: what was reconstructed at each stage). */
export interface StageValues {
  /** Block integers in raster order (x fastest): block-floating-point or reinterpreted bits. */
  readonly ints: BigInt64Array;
  /** After the decorrelating transform. */
  readonly coefficients: BigInt64Array;
  /** Coefficients in sequency order. */
  readonly reordered: BigInt64Array;
  /** Their negabinary digits. */
  readonly negabinary: BigUint64Array;
  /** planes[k]: bit k of every coefficient, as a mask over sequency positions. */
  readonly planes: readonly bigint[];
}

export interface BlockTrace {
  readonly form: BlockForm;
  /** The block's common exponent (−ebias for an all-zero block). */
  readonly emax: number;
  /** Bit planes the embedded coder was allowed: zfp's precision() in lossy mode, the planes needed in reversible mode. */
  readonly precision: number;
  /** Null for a block coded as a single zero bit. */
  readonly stages: StageValues | null;
  /** Bit planes coded completely. */
  readonly planes: number;
  /** Bits the block occupies, padding to minbits included. */
  readonly bits: number;
}

export interface DecodedBlock {
  /** The block's values in raster order (float32 values held exactly). */
  readonly values: Float64Array;
  readonly trace: BlockTrace;
}

function widthOf(type: FloatType): IntWidth {
  return traitsOf(type).intprec;
}

function checkBlock(values: ArrayLike<number>, type: FloatType, dims: number): void {
  if (type !== 'float32' && type !== 'float64') throw new ZfpParameterError(`staged blocks are float32 or float64, got ${type}`);
  if (!Number.isInteger(dims) || dims < 1 || dims > 4) throw new ZfpParameterError(`dimensionality must be an integer in 1..4, got ${dims}`);
  if (values.length !== 4 ** dims) throw new ZfpParameterError(`a ${dims}D block has ${4 ** dims} values, got ${values.length}`);
}

/**
 * zfp's budgets are unsigned: when the header bits already exceed maxbits the
 * subtraction wraps to a huge budget instead of going negative.
 */
function budgetAfter(maxbits: number, spent: number): number {
  return (maxbits - spent) >>> 0;
}

function zeroBlock(emax: number, bits: number): BlockTrace {
  return { form: 'zero', emax, precision: 0, stages: null, planes: 0, bits };
}

/** Encode one float block (4^dims values, raster order) into `writer`, exactly as zfp 1.0. */
export function encodeBlockStaged(writer: BitWriter, values: ArrayLike<number>, type: FloatType, dims: number, params: StreamParams): BlockTrace {
  checkBlock(values, type, dims);
  return isReversible(params) ? encodeReversible(writer, values, type, dims, params) : encodeLossy(writer, values, type, dims, params);
}

/** Decode one float block that encodeBlockStaged (or zfp 1.0) wrote. */
export function decodeBlockStaged(reader: BitReader, type: FloatType, dims: number, params: StreamParams): DecodedBlock {
  checkBlock({ length: 4 ** dims }, type, dims);
  return isReversible(params) ? decodeReversible(reader, type, dims, params) : decodeLossy(reader, type, dims, params);
}

/** The stages after the integers: transform, sequency order, negabinary, bit planes. */
function forwardStages(ints: BigInt64Array, dims: number, width: IntWidth, transform: typeof forwardTransform): StageValues {
  const coefficients = transform(ints, dims, width);
  const reordered = reorder(coefficients, dims);
  const negabinary = toNegabinaryBlock(reordered, width);
  return { ints, coefficients, reordered, negabinary, planes: bitPlanes(negabinary, width) };
}

/** The same stages undone, from the decoded negabinary coefficients back to the block integers. */
function inverseStages(negabinary: BigUint64Array, dims: number, width: IntWidth, transform: typeof inverseTransform): StageValues {
  const reordered = fromNegabinaryBlock(negabinary, width);
  const coefficients = unorder(reordered, dims);
  const ints = transform(coefficients, dims, width);
  return { ints, coefficients, reordered, negabinary, planes: bitPlanes(negabinary, width) };
}

function encodeLossy(writer: BitWriter, values: ArrayLike<number>, type: FloatType, dims: number, params: StreamParams): BlockTrace {
  const { ebits, ebias } = traitsOf(type);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new ZfpDataError(`lossy zfp modes cannot represent ${values[i]} (block value ${i})`);
  }
  const emax = blockExponent(values, type);
  const precision = blockPrecision(emax, params, dims);
  const biased = emax + ebias;
  if (precision === 0 || biased === 0) {
    writer.writeBit(0);
    writer.pad(Math.max(0, params.minbits - 1));
    return zeroBlock(emax, Math.max(1, params.minbits));
  }
  // A 1 bit (block is coded) followed by the biased exponent, as one (1 + ebits)-bit field.
  const headerBits = 1 + ebits;
  writer.writeBits(2 * biased + 1, headerBits);
  const width = widthOf(type);
  const stages = forwardStages(toBlockFloat(values, emax, type), dims, width, forwardTransform);
  const coded = encodeInts(writer, budgetAfter(params.maxbits, headerBits), precision, stages.negabinary, width);
  const bits = headerBits + padToMinbits(writer, coded.bits, minbitsAfter(params.minbits, headerBits));
  return { form: 'block-float', emax, precision, stages, planes: coded.planes, bits };
}

function decodeLossy(reader: BitReader, type: FloatType, dims: number, params: StreamParams): DecodedBlock {
  const { ebits, ebias } = traitsOf(type);
  if (!reader.readBit()) {
    reader.skip(Math.max(0, params.minbits - 1));
    return { values: new Float64Array(4 ** dims), trace: zeroBlock(-ebias, Math.max(1, params.minbits)) };
  }
  const headerBits = 1 + ebits;
  const emax = reader.readBits(ebits) - ebias;
  const precision = blockPrecision(emax, params, dims);
  const width = widthOf(type);
  const decoded = decodeInts(reader, budgetAfter(params.maxbits, headerBits), precision, 4 ** dims, width);
  const bits = headerBits + skipToMinbits(reader, decoded.bits, minbitsAfter(params.minbits, headerBits));
  const stages = inverseStages(decoded.ublock, dims, width, inverseTransform);
  const trace: BlockTrace = { form: 'block-float', emax, precision, stages, planes: decoded.planes, bits };
  return { values: fromBlockFloat(stages.ints, emax, type), trace };
}

/** True when the block-float integers give back every value bit for bit (signed zeros included): reversible mode's choice of form. */
export function blockFloatIsExact(values: ArrayLike<number>, ints: BigInt64Array, emax: number, type: FloatType): boolean {
  const back = fromBlockFloat(ints, emax, type);
  for (let i = 0; i < values.length; i++) if (!Object.is(back[i], values[i])) return false;
  return true;
}

/**
 * The planes reversible mode needs: intprec minus the trailing zero bits all
 * coefficients share (at least 1, at most maxprec).
 */
export function reversiblePrecision(ublock: BigUint64Array, width: IntWidth, maxprec: number): number {
  const all = ublock.reduce((acc, u) => acc | u, 0n);
  let trailingZeros = 0;
  if (all === 0n) trailingZeros = width;
  else while (!((all >> BigInt(trailingZeros)) & 1n)) trailingZeros++;
  return Math.max(1, Math.min(width - trailingZeros, maxprec));
}

function encodeReversible(writer: BitWriter, input: ArrayLike<number>, type: FloatType, dims: number, params: StreamParams): BlockTrace {
  const { ebits, ebias, pbits } = traitsOf(type);
  // The scalar type's own array: it rounds float32 data once and keeps NaN payloads, which Math.fround may not.
  const values = type === 'float32' ? Float32Array.from(input) : Float64Array.from(input);
  const emax = blockExponent(values, type);
  const allZero = emax === -ebias;
  const castInts = allZero ? new BigInt64Array(values.length) : toBlockFloat(values, emax, type);
  const exact = blockFloatIsExact(values, castInts, emax, type);
  if (exact && allZero) {
    // Unlike lossy mode, zfp 1.0 does not pad this single bit to minbits.
    writer.writeBit(0);
    return zeroBlock(emax, 1);
  }
  let form: BlockForm, ints: BigInt64Array, headerBits: number;
  if (exact) {
    [form, ints, headerBits] = ['block-float', castInts, 2 + ebits];
    writer.writeBits(0b01, 2);
    writer.writeBits(emax + ebias, ebits);
  } else {
    [form, ints, headerBits] = ['ieee-bits', ieeeBitsToInts(values, type), 2];
    writer.writeBits(0b11, 2);
  }
  const width = widthOf(type);
  const stages = forwardStages(ints, dims, width, forwardReversibleTransform);
  const precision = reversiblePrecision(stages.negabinary, width, params.maxprec);
  writer.writeBits(precision - 1, pbits);
  const budget = budgetAfter(budgetAfter(params.maxbits, headerBits), pbits);
  const coded = encodeInts(writer, budget, precision, stages.negabinary, width);
  const bits = headerBits + padToMinbits(writer, pbits + coded.bits, minbitsAfter(params.minbits, headerBits));
  return { form, emax, precision, stages, planes: coded.planes, bits };
}

function decodeReversible(reader: BitReader, type: FloatType, dims: number, params: StreamParams): DecodedBlock {
  const { ebits, ebias, pbits } = traitsOf(type);
  if (!reader.readBit()) {
    reader.skip(Math.max(0, params.minbits - 1));
    return { values: new Float64Array(4 ** dims), trace: zeroBlock(-ebias, Math.max(1, params.minbits)) };
  }
  const form: BlockForm = reader.readBit() ? 'ieee-bits' : 'block-float';
  const headerBits = form === 'ieee-bits' ? 2 : 2 + ebits;
  const emax = form === 'ieee-bits' ? -ebias : reader.readBits(ebits) - ebias;
  const precision = reader.readBits(pbits) + 1;
  const width = widthOf(type);
  const budget = budgetAfter(budgetAfter(params.maxbits, headerBits), pbits);
  const decoded = decodeInts(reader, budget, precision, 4 ** dims, width);
  const bits = headerBits + skipToMinbits(reader, pbits + decoded.bits, minbitsAfter(params.minbits, headerBits));
  const stages = inverseStages(decoded.ublock, dims, width, inverseReversibleTransform);
  const { ints } = stages;
  const values =
    form === 'ieee-bits' ? intsToIeeeBits(ints, type) : emax === -ebias ? new Float64Array(ints.length) : fromBlockFloat(ints, emax, type);
  return { values, trace: { form, emax, precision, stages, planes: decoded.planes, bits } };
}
