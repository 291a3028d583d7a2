/**
 * One block through the codec's own stage API (src/zfp/stages): what the forward stages made of it,
 * once per block, and what a mode and parameter keep of it, once per setting. Nothing here codes a
 * bit itself; it calls the stages and reads back the bits they wrote.
 */
import { BitReader, BitWriter, resolveParams, stages, traitsOf, ZfpParameterError, type StreamParams, type ZfpConfig } from '../../../src/zfp/index.ts';
import { kAccuracy, kBeta, kRate } from '../../../theorems/index.ts';
import type { Block } from './values.ts';

/** The modes the view offers: the lossy ones with one parameter each, and reversible (lossless). */
export type BlockConfig = Extract<ZfpConfig, { mode: 'precision' | 'rate' | 'accuracy' | 'reversible' }>;

/** The two ways zfp 1.0 codes a float block: lossy block-float with the orthogonal-ish lifting, or reversible with the integer-exact one. */
export type StagePath = 'lossy' | 'reversible';

export const pathOf = (config: BlockConfig): StagePath => (config.mode === 'reversible' ? 'reversible' : 'lossy');

/** Reversible mode's own stages, as the stage API decides them. */
export interface ReversibleStages {
  /** Whether the block-float integers give back every value bit for bit: if not, the values' IEEE bits are coded instead. */
  readonly blockFloatExact: boolean;
  /** The planes coded: intprec minus the trailing zeros every negabinary digit shares (0 for an all-zero block). */
  readonly precision: number;
}

/** What the forward stages make of a block; no lossy mode's parameter changes any of it. */
export interface BlockAnatomy {
  readonly block: Block;
  readonly path: StagePath;
  /** Bit planes of the block integers (zfp's intprec): 64 for float64, 32 for float32. */
  readonly intprec: 32 | 64;
  /**
   * The bits before the first plane: lossy, the coded-block flag and the biased exponent; reversible,
   * two flag bits, the biased exponent unless the IEEE bits are coded, and the precision field.
   */
  readonly headerBits: number;
  /** The block at full precision (reversible: as it is coded): its exponent, integers, coefficients, digits and planes (null stages for an all-zero block). */
  readonly trace: stages.BlockTrace;
  /** sequencyIndex[s]: the raster index of the coefficient at sequency position s (zfp's own reorder of 0, 1, 2…). */
  readonly sequencyIndex: readonly number[];
  /** Bits the embedded coder spends on the top j planes when no budget stops it, j = 0 … intprec. */
  readonly cumulativeBits: readonly number[];
  /** significantBefore[j]: coefficients already significant when the j-th plane from the top is coded; their bits go out verbatim. */
  readonly significantBefore: readonly number[];
  /**
   * True when the block-float scale 2^(q − emax) overflowed the type (float64 emax < −961, float32
   * emax < −97: subnormal blocks among them): zfp 1.0 turns every value into the conversion's
   * out-of-range integer, −2^(q+1), which no value in range can give, and loses the block. K's
   * derivation assumes the conversion succeeds, so it says nothing about such a block.
   */
  readonly conversionOverflow: boolean;
  /** Null in the lossy path. */
  readonly reversible: ReversibleStages | null;
}

/** What one setting does to the block: the codec's trace, its bits, and the decoded block. */
export interface CodedBlock {
  readonly config: BlockConfig;
  readonly params: StreamParams;
  readonly trace: stages.BlockTrace;
  /** The bits encodeBlockStaged wrote, in stream order, as '0'/'1'. */
  readonly stream: string;
  /** Of those, the bits of the bit planes (the rest is the header and, in fixed rate, padding). */
  readonly planeBits: number;
  readonly decoded: Float64Array;
  /** decoded − original, per value. */
  readonly errors: Float64Array;
  /** ‖error‖∞ / ‖x_B‖∞ (NaN for an all-zero block). */
  readonly relativeError: number;
  /** The theorem's constant for this mode and block (null for an all-zero block, nothing to bound, and for a block zfp loses in conversion). */
  readonly k: number | null;
}

/** Bytes enough for any block of up to 3 dimensions coded without a budget (64 planes × 65 bits). */
const BLOCK_BYTES = 1024;

/** Lossy: every plane (precision 0 is zfp's "all of them"); reversible has no parameter. */
function fullParams(block: Block, path: StagePath): StreamParams {
  return resolveParams(path === 'lossy' ? { mode: 'precision', precision: 0 } : { mode: 'reversible' }, block.type, block.dims);
}

function headerBitsOf(trace: stages.BlockTrace, type: Block['type'], path: StagePath): number {
  const { ebits, pbits } = traitsOf(type);
  if (path === 'lossy') return 1 + ebits;
  if (trace.form === 'zero') return 1;
  return 2 + (trace.form === 'block-float' ? ebits : 0) + pbits;
}

function reversibleStages(block: Block, trace: stages.BlockTrace, params: StreamParams): ReversibleStages {
  // An all-zero block is a single 0 bit: no integers, no planes.
  if (!trace.stages) return { blockFloatExact: true, precision: 0 };
  const { type, values } = block;
  const emax = stages.blockExponent(values, type);
  return {
    blockFloatExact: stages.blockFloatIsExact(values, stages.toBlockFloat(values, emax, type), emax, type),
    precision: stages.reversiblePrecision(trace.stages.negabinary, traitsOf(type).intprec, params.maxprec),
  };
}

export function anatomyOf(block: Block, path: StagePath = 'lossy'): BlockAnatomy {
  const { type, dims, values } = block;
  const { intprec } = traitsOf(type);
  const outOfRange = -(2n ** BigInt(stages.fractionBits(type) + 1));
  const params = fullParams(block, path);
  const trace = stages.encodeBlockStaged(new BitWriter(BLOCK_BYTES), values, type, dims, params);
  const size = values.length;
  const order = stages.reorder(BigInt64Array.from({ length: size }, (_, i) => BigInt(i)), dims);
  const cumulativeBits = [0];
  const significantBefore = [0];
  if (trace.stages) {
    for (let j = 1; j <= intprec; j++) {
      cumulativeBits.push(stages.encodeInts(new BitWriter(BLOCK_BYTES), Infinity, j, trace.stages.negabinary, intprec).bits);
      // A coefficient turns significant at its first one bit; the coder learns them as a prefix in sequency order.
      const plane = trace.stages.planes[intprec - j]!;
      significantBefore.push(Math.max(significantBefore[j - 1]!, plane === 0n ? 0 : plane.toString(2).length));
    }
  }
  return {
    block,
    path,
    intprec: intprec as 32 | 64,
    headerBits: headerBitsOf(trace, type, path),
    trace,
    sequencyIndex: Array.from(order, Number),
    cumulativeBits,
    significantBefore: significantBefore.slice(0, -1),
    // Reversible mode codes such a block's IEEE bits instead, and loses nothing.
    conversionOverflow: path === 'lossy' && (trace.stages?.ints.some((y) => y === outOfRange) ?? false),
    reversible: path === 'reversible' ? reversibleStages(block, trace, params) : null,
  };
}

function bitsWritten(writer: BitWriter): string {
  const reader = new BitReader(writer.words, 0, writer.pos);
  let bits = '';
  for (let i = 0; i < writer.pos; i++) bits += reader.readBit();
  return bits;
}

function kOf(config: BlockConfig, trace: stages.BlockTrace, anatomy: BlockAnatomy): number | null {
  const { block } = anatomy;
  const { dims, type } = block;
  if (config.mode === 'reversible') return 0;
  if (anatomy.conversionOverflow) return null;
  if (trace.form === 'zero') return config.mode === 'accuracy' && block.values.some((v) => v !== 0) ? kAccuracy(trace.emax, config.tolerance, dims, type) : null;
  switch (config.mode) {
    // The planes this block kept: β itself unless the block's exponent is too small for β planes.
    case 'precision':
      return kBeta(trace.planes, dims, type);
    case 'rate':
      return kRate(trace.planes, dims, type);
    case 'accuracy':
      return kAccuracy(trace.emax, config.tolerance, dims, type);
  }
}

/** Encode the block with one setting (encodeBlockStaged, as compress codes it) and decode it back. */
export function codeBlock(anatomy: BlockAnatomy, config: BlockConfig): CodedBlock {
  const { block, headerBits, cumulativeBits, intprec } = anatomy;
  if (pathOf(config) !== anatomy.path) throw new ZfpParameterError(`this block's stages were traced for ${anatomy.path} mode, not for ${config.mode}`);
  const { type, dims, values } = block;
  const params = resolveParams(config, type, dims);
  const writer = new BitWriter(BLOCK_BYTES);
  const trace = stages.encodeBlockStaged(writer, values, type, dims, params);
  const decoded = stages.decodeBlockStaged(new BitReader(writer.words, 0, writer.pos), type, dims, params).values;
  const errors = decoded.map((x, i) => x - values[i]!);
  const norm = (a: Float64Array) => a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  // The planes stop where the precision (at most intprec planes exist) or the budget left after the header ends, whichever comes first.
  const planeBits = trace.form === 'zero' ? 0 : Math.min(cumulativeBits[Math.min(trace.precision, intprec)]!, params.maxbits - headerBits);
  return {
    config,
    params,
    trace,
    stream: bitsWritten(writer),
    planeBits,
    decoded,
    errors,
    relativeError: norm(errors) / norm(values),
    k: kOf(config, trace, anatomy),
  };
}
