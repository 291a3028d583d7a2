import type { BitReader, BitWriter } from './bitstream.ts';
import { ZfpFormatError, ZfpParameterError } from './errors.ts';
import { checkParams, modeOf } from './params.ts';
import { traitsOf, typeFromCode, ZFP_MIN_EXP, ZFP_MAX_BITS, ZFP_MAX_PREC, ZFP_MIN_BITS } from './traits.ts';
import type { ScalarType, Shape, StreamParams } from './types.ts';

/** zfp 1.0's codec version, the fourth byte of the magic word. */
export const ZFP_CODEC_VERSION = 5;

const SHORT_MODE_MAX = 4094;

/** What a full zfp header (magic, field metadata, mode) says. */
export interface HeaderInfo {
  readonly type: ScalarType;
  readonly shape: Shape;
  readonly params: StreamParams;
}

/** Bits each extent gets in the 48-bit metadata field, by dimensionality. */
const EXTENT_BITS = [48, 24, 16, 12] as const;

function fieldMetadata(type: ScalarType, shape: Shape): bigint {
  const bits = BigInt(EXTENT_BITS[shape.length - 1]!);
  let meta = 0n;
  for (let i = shape.length - 1; i >= 0; i--) {
    const extent = BigInt(shape[i]! - 1);
    if (extent >> bits) {
      throw new ZfpParameterError(`shape [${shape.join(', ')}] does not fit in a zfp header: ${shape.length}D extents must be below 2^${bits}`);
    }
    meta = (meta << bits) | extent;
  }
  meta = (meta << 2n) | BigInt(shape.length - 1);
  return (meta << 2n) | BigInt(traitsOf(type).code - 1);
}

/** zfp_stream_mode: the 12-bit short code of a common mode, or the 64-bit long form. */
export function modeCode(p: StreamParams): bigint {
  switch (modeOf(p)) {
    case 'rate':
      if (p.maxbits <= 2048) return BigInt(p.maxbits - 1);
      break;
    case 'precision':
      return BigInt(p.maxprec - 1 + 2048);
    case 'accuracy':
      if (p.minexp <= 843) return BigInt(p.minexp - ZFP_MIN_EXP + 2048 + 128 + 1);
      break;
    case 'reversible':
      return BigInt(2048 + 128);
    default:
      break;
  }
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));
  let mode = BigInt(clamp(p.minexp + 16495, 0, 0x7fff));
  mode = (mode << 7n) + BigInt(clamp(p.maxprec, 1, 0x80) - 1);
  mode = (mode << 15n) + BigInt(clamp(p.maxbits, 1, 0x8000) - 1);
  mode = (mode << 15n) + BigInt(clamp(p.minbits, 1, 0x8000) - 1);
  return (mode << 12n) + 0xfffn;
}

/** zfp_stream_set_mode: the parameters a mode code stands for. */
export function paramsOfModeCode(mode: bigint): StreamParams {
  if (mode <= SHORT_MODE_MAX) {
    const m = Number(mode);
    if (m < 2048) return { minbits: m + 1, maxbits: m + 1, maxprec: ZFP_MAX_PREC, minexp: ZFP_MIN_EXP };
    const unlimited = { minbits: ZFP_MIN_BITS, maxbits: ZFP_MAX_BITS, maxprec: ZFP_MAX_PREC };
    if (m < 2048 + 128) return { ...unlimited, maxprec: m + 1 - 2048, minexp: ZFP_MIN_EXP };
    if (m === 2048 + 128) return { ...unlimited, minexp: ZFP_MIN_EXP - 1 };
    return { ...unlimited, minexp: m + ZFP_MIN_EXP - (2048 + 128 + 1) };
  }
  const field = (shift: bigint, mask: bigint) => Number((mode >> shift) & mask);
  const params = {
    minbits: field(12n, 0x7fffn) + 1,
    maxbits: field(27n, 0x7fffn) + 1,
    maxprec: field(42n, 0x7fn) + 1,
    minexp: field(49n, 0x7fffn) - 16495,
  };
  try {
    return checkParams(params);
  } catch {
    throw new ZfpFormatError(`zfp header holds invalid compression parameters (minbits ${params.minbits} > maxbits ${params.maxbits}, or maxprec ${params.maxprec} outside 1..64)`);
  }
}

function writeBig(w: BitWriter, value: bigint, n: number): void {
  w.writeBits64(Number((value >> 32n) & 0xffffffffn), Number(value & 0xffffffffn), n);
}

function readBig(r: BitReader, n: number): bigint {
  const lo = BigInt(r.readBits(Math.min(n, 32)));
  return n > 32 ? (BigInt(r.readBits(n - 32)) << 32n) | lo : lo;
}

/** Write the header `zfp -h` writes: 32-bit magic, 52-bit field metadata, 12- or 64-bit mode. */
export function writeHeader(w: BitWriter, type: ScalarType, shape: Shape, p: StreamParams): void {
  const meta = fieldMetadata(type, shape);
  for (const byte of [0x7a, 0x66, 0x70, ZFP_CODEC_VERSION]) w.writeBits(byte, 8);
  writeBig(w, meta, 52);
  const mode = modeCode(p);
  writeBig(w, mode, mode > SHORT_MODE_MAX ? 64 : 12);
}

/** Reads past the end give zeros: report a short header as truncated before interpreting what was read. */
export function readHeader(r: BitReader): HeaderInfo {
  const magic = [r.readBits(8), r.readBits(8), r.readBits(8)];
  r.check();
  if (magic[0] !== 0x7a || magic[1] !== 0x66 || magic[2] !== 0x70) {
    throw new ZfpFormatError(`not a zfp stream: expected the magic bytes "zfp", found ${magic.map((b) => '0x' + b.toString(16)).join(' ')}`);
  }
  const version = r.readBits(8);
  r.check();
  if (version !== ZFP_CODEC_VERSION) {
    throw new ZfpFormatError(`unsupported zfp codec version ${version}: this decoder reads version ${ZFP_CODEC_VERSION} (zfp 1.0)`);
  }
  let meta = readBig(r, 52);
  const type = typeFromCode(Number(meta & 3n) + 1)!;
  meta >>= 2n;
  const dims = Number(meta & 3n) + 1;
  meta >>= 2n;
  const bits = BigInt(EXTENT_BITS[dims - 1]!);
  // zfp 1.0 reads at most 32 bits of a 1D extent.
  const mask = dims === 1 ? 0xffffffffn : (1n << bits) - 1n;
  const shape: number[] = [];
  for (let i = 0; i < dims; i++, meta >>= bits) shape.push(Number(meta & mask) + 1);
  let mode = readBig(r, 12);
  if (mode > SHORT_MODE_MAX) mode += readBig(r, 52) << 12n;
  r.check();
  return { type, shape, params: paramsOfModeCode(mode) };
}
