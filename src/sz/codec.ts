import { SzFormatError, SzParameterError } from './errors.ts';
import { headerBytes, readHeader, writeHeader, type SzHeader } from './header.ts';
import { buildTable, huffmanDecode, huffmanEncode } from './huffman.ts';
import { KeptBuffer } from './kept-buffer.ts';
import { losslessCompress, losslessDecompress } from './lossless.ts';
import { checkBound, DEFAULT_RADIUS, dequantize, quantizeTransient } from './lorenzo.ts';
import type { SzArray, SzConfig, SzField, SzScalarType } from './types.ts';

/** DEFLATE expands at most 1032:1; a header declaring more than this body is corrupt, caught before allocating. */
const MAX_INFLATE_RATIO = 1032;

export interface SzDecompressOptions {
  /** Decompress into this array (of the stream's type and value count) instead of a new one. */
  readonly into?: SzArray;
}

export interface SzCompressOptions {
  /** Quantization radius (bins − 1)/2; DEFAULT_RADIUS unless set. */
  readonly radius?: number;
}

/** The absolute bound a configuration means for this field (`rel`: ratio × range of its finite values). */
export function resolveBound(config: SzConfig, data: SzArray): number {
  if (config.mode === 'abs') {
    checkBound(config.tolerance);
    return config.tolerance;
  }
  const ratio = config.ratio;
  if (!(ratio >= 0) || !Number.isFinite(ratio)) throw new SzParameterError(`relative error bound must be finite and ≥ 0, got ${ratio}`);
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min && v !== -Infinity) min = v;
    if (v > max && v !== Infinity) max = v;
  }
  if (min > max) return 0; // no finite value: every value is stored exactly
  // ratio·max − ratio·min stays finite where max − min overflows.
  const bound = Number.isFinite(max - min) ? ratio * (max - min) : ratio * max - ratio * min;
  if (!Number.isFinite(bound)) throw new SzParameterError(`relative bound ${ratio} × value range overflows`);
  return bound;
}

const widthOf = (type: SzScalarType): number => (type === 'float32' ? 4 : 8);

/** Compresses a field so that every decompressed value is within the resolved bound of the original. */
export function compress(field: SzField, config: SzConfig, options: SzCompressOptions = {}): Uint8Array {
  if (field.type !== 'float32' && field.type !== 'float64') throw new SzParameterError(`scalar type ${String(field.type)} is not float32 or float64`);
  const bound = resolveBound(config, field.data);
  const radius = options.radius ?? DEFAULT_RADIUS;
  const { codes, unpredictable } = quantizeTransient(field, bound, radius);
  const body = encodeBody(codes, unpredictable, field.type, 2 * radius);
  const header = writeHeader({ type: field.type, shape: field.shape, config, bound, radius, bodyBytes: body.length });
  const packed = losslessCompress(body);
  const stream = new Uint8Array(header.length + packed.length);
  stream.set(header);
  stream.set(packed, header.length);
  return stream;
}

/** What a stream decompresses to, with the header that describes it. */
export interface SzDecompressed extends SzField {
  readonly header: SzHeader;
}

/**
 * Decompresses a stream. Work and memory are bounded by the stream's length: the header's sizes are
 * checked against what DEFLATE and one-bit-per-value Huffman codes can produce before anything is allocated.
 */
export function decompress(stream: Uint8Array, options: SzDecompressOptions = {}): SzDecompressed {
  const header = readHeader(stream);
  const packed = stream.subarray(headerBytes(header.shape.length));
  const count = header.shape.reduce((a, b) => a * b, 1);
  if (header.bodyBytes > MAX_INFLATE_RATIO * packed.length + 64) throw new SzFormatError(`header declares a ${header.bodyBytes}-byte body, more than ${packed.length} compressed bytes can hold`);
  if (count > 8 * header.bodyBytes) throw new SzFormatError(`header declares ${count} values, more than a ${header.bodyBytes}-byte body can code`);
  const body = losslessDecompress(packed, header.bodyBytes, kept.inflated);
  const { codes, unpredictable } = decodeBody(body, header.type, 2 * header.radius, count);
  const data = dequantize(header.type, header.shape, header.bound, header.radius, codes, unpredictable, options.into);
  return { type: header.type, shape: header.shape, data, header };
}

/**
 * The stages' intermediate arrays, kept across calls: each is used up before its call returns (the
 * body by DEFLATE, the inflated body, codes and exact values by the reconstruction), and only the
 * stream and the decompressed field leave the codec.
 */
const kept = {
  huffmanBits: new KeptBuffer(),
  body: new KeptBuffer(),
  inflated: new KeptBuffer(),
  codes: new KeptBuffer(),
  unpredictable: new KeptBuffer(),
};

/** The body stores values little-endian: on such a host their bytes are copied whole. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const bytesOf = (values: SzArray): Uint8Array => new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

/**
 * Body layout (little-endian): u32 k, k × (u16 symbol, u8 code length), u32 Huffman bytes, the
 * Huffman bits, u32 unpredictable count, the unpredictable values in the field's type.
 */
function encodeBody(codes: Uint16Array, unpredictable: SzArray, type: SzScalarType, alphabet: number): Uint8Array {
  const table = buildTable(codes, alphabet);
  const bits = huffmanEncode(codes, table, alphabet, kept.huffmanBits);
  const width = widthOf(type);
  const k = table.symbols.length;
  const size = 4 + 3 * k + 4 + bits.length + 4 + width * unpredictable.length;
  const out = kept.body.bytes(size);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let at = 0;
  view.setUint32(at, k, true);
  at += 4;
  for (let j = 0; j < k; j++, at += 3) {
    view.setUint16(at, table.symbols[j]!, true);
    out[at + 2] = table.lengths[j]!;
  }
  view.setUint32(at, bits.length, true);
  out.set(bits, at + 4);
  at += 4 + bits.length;
  view.setUint32(at, unpredictable.length, true);
  at += 4;
  if (LITTLE_ENDIAN) out.set(bytesOf(unpredictable), at);
  else {
    for (const v of unpredictable) {
      if (width === 4) view.setFloat32(at, v, true);
      else view.setFloat64(at, v, true);
      at += width;
    }
  }
  return out;
}

function decodeBody(body: Uint8Array, type: SzScalarType, alphabet: number, count: number): { codes: Uint16Array; unpredictable: SzArray } {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 0;
  const need = (bytes: number, what: string): void => {
    if (at + bytes > body.length) throw new SzFormatError(`body ends inside ${what}`);
  };
  need(4, 'the symbol count');
  const k = view.getUint32(at, true);
  at += 4;
  if (k < 1 || k > alphabet) throw new SzFormatError(`${k} Huffman symbols for an alphabet of ${alphabet}`);
  need(3 * k, 'the Huffman table');
  const symbols = new Uint16Array(k);
  const lengths = new Uint8Array(k);
  for (let j = 0; j < k; j++, at += 3) {
    symbols[j] = view.getUint16(at, true);
    lengths[j] = body[at + 2]!;
  }
  need(4, 'the Huffman length');
  const bitsBytes = view.getUint32(at, true);
  at += 4;
  need(bitsBytes, 'the Huffman data');
  if (count > 8 * bitsBytes) throw new SzFormatError(`${bitsBytes} Huffman bytes cannot code ${count} values`);
  const codes = huffmanDecode(body.subarray(at, at + bitsBytes), { symbols, lengths }, alphabet, count, kept.codes);
  at += bitsBytes;
  need(4, 'the unpredictable count');
  const exact = view.getUint32(at, true);
  at += 4;
  const width = widthOf(type);
  if (exact > count) throw new SzFormatError(`${exact} unpredictable values for ${count} values`);
  need(width * exact, 'the unpredictable values');
  if (at + width * exact !== body.length) throw new SzFormatError(`${body.length - at - width * exact} trailing bytes in the body`);
  const unpredictable = type === 'float32' ? kept.unpredictable.float32(exact) : kept.unpredictable.float64(exact);
  if (LITTLE_ENDIAN) bytesOf(unpredictable).set(body.subarray(at, at + width * exact));
  else for (let j = 0; j < exact; j++, at += width) unpredictable[j] = width === 4 ? view.getFloat32(at, true) : view.getFloat64(at, true);
  return { codes, unpredictable };
}
