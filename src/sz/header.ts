import { SzFormatError } from './errors.ts';
import { checkShape } from './shape.ts';
import type { SzConfig, SzScalarType, SzShape } from './types.ts';
import { MAX_RADIUS } from './lorenzo.ts';

/** "SZWB" read as a little-endian u32. */
export const MAGIC = 0x42575a53;
export const VERSION = 1;

/** Everything a decoder needs besides the compressed body; see docs/sz-format.md. */
export interface SzHeader {
  readonly type: SzScalarType;
  readonly shape: SzShape;
  /** The mode and parameter the caller asked for. */
  readonly config: SzConfig;
  /** The absolute bound the stream guarantees (for `rel`, resolved on the field's value range). */
  readonly bound: number;
  readonly radius: number;
  /** Length of the body before the lossless stage. */
  readonly bodyBytes: number;
}

const TYPE_CODES: readonly SzScalarType[] = ['float32', 'float64'];
const MODE_CODES = ['abs', 'rel'] as const;

export const headerBytes = (dims: number): number => 8 + 4 * dims + 8 + 8 + 4 + 4;

export function writeHeader(h: SzHeader): Uint8Array {
  const out = new Uint8Array(headerBytes(h.shape.length));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  out[4] = VERSION;
  out[5] = TYPE_CODES.indexOf(h.type);
  out[6] = h.shape.length;
  out[7] = MODE_CODES.indexOf(h.config.mode);
  let at = 8;
  for (const n of h.shape) {
    view.setUint32(at, n, true);
    at += 4;
  }
  view.setFloat64(at, h.config.mode === 'abs' ? h.config.tolerance : h.config.ratio, true);
  view.setFloat64(at + 8, h.bound, true);
  view.setUint32(at + 16, h.radius, true);
  view.setUint32(at + 20, h.bodyBytes, true);
  return out;
}

/** Parses and checks a header; every field outside what the encoder writes is a format error. */
export function readHeader(stream: Uint8Array): SzHeader {
  if (stream.length < 8) throw new SzFormatError(`stream of ${stream.length} bytes is shorter than a header`);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new SzFormatError('not an SZ-style stream (bad magic)');
  if (stream[4] !== VERSION) throw new SzFormatError(`unsupported stream version ${stream[4]}`);
  const type = TYPE_CODES[stream[5]!];
  if (!type) throw new SzFormatError(`unknown scalar type code ${stream[5]}`);
  const dims = stream[6]!;
  if (dims < 1 || dims > 3) throw new SzFormatError(`stream declares ${dims} dimensions`);
  const mode = MODE_CODES[stream[7]!];
  if (!mode) throw new SzFormatError(`unknown error mode code ${stream[7]}`);
  if (stream.length < headerBytes(dims)) throw new SzFormatError(`stream of ${stream.length} bytes is shorter than its ${headerBytes(dims)}-byte header`);
  const shape: number[] = [];
  for (let d = 0; d < dims; d++) shape.push(view.getUint32(8 + 4 * d, true));
  try {
    checkShape(shape);
  } catch (cause) {
    throw new SzFormatError(`bad shape in header: ${(cause as Error).message}`);
  }
  const at = 8 + 4 * dims;
  const param = view.getFloat64(at, true);
  const bound = view.getFloat64(at + 8, true);
  const radius = view.getUint32(at + 16, true);
  const bodyBytes = view.getUint32(at + 20, true);
  if (!(param >= 0) || !Number.isFinite(param)) throw new SzFormatError(`bad error parameter ${param} in header`);
  if (!(bound >= 0) || !Number.isFinite(bound)) throw new SzFormatError(`bad error bound ${bound} in header`);
  if (radius < 1 || radius > MAX_RADIUS) throw new SzFormatError(`bad quantization radius ${radius} in header`);
  const config: SzConfig = mode === 'abs' ? { mode, tolerance: param } : { mode, ratio: param };
  return { type, shape, config, bound, radius, bodyBytes };
}
