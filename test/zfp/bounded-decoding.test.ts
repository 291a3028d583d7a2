/**
 * Work and memory bounded by the input: the decoder refuses, before allocating, a field its stream
 * cannot hold at the format's true minimum bits per block, stops within one block of the stream's end,
 * honours maxOutputBytes, checks its arguments at runtime and touches `into` only after success.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BitWriter } from '../../src/zfp/bitstream.ts';
import { ZfpFormatError, ZfpParameterError } from '../../src/zfp/errors.ts';
import { compress, decompress } from '../../src/zfp/field-codec.ts';
import { writeHeader } from '../../src/zfp/header.ts';
import { minimumBlockBits, resolveParams } from '../../src/zfp/params.ts';
import type { Field, ScalarType, Shape, ZfpConfig } from '../../src/zfp/types.ts';
import { countDecodedBlocks as countBlocks } from './decode-work.ts';

const TYPES: readonly ScalarType[] = ['int32', 'int64', 'float32', 'float64'];
const CONFIGS: readonly ZfpConfig[] = [
  { mode: 'rate', rate: 2 },
  { mode: 'precision', precision: 64 },
  { mode: 'precision', precision: 5 },
  { mode: 'accuracy', tolerance: 1e-3 },
  { mode: 'reversible' },
  { mode: 'expert', minbits: 3, maxbits: 20, maxprec: 40, minexp: -30 },
];

function zeros(type: ScalarType, shape: Shape): Field {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = { int32: Int32Array, int64: BigInt64Array, float32: Float32Array, float64: Float64Array }[type];
  return { type, shape, data: new data(n) };
}

/** A header for `shape` followed by `payloadBits` zero bits. */
function headerOnly(type: ScalarType, shape: Shape, config: ZfpConfig, payloadBits: number): Uint8Array {
  const w = new BitWriter(16 + payloadBits / 8);
  writeHeader(w, type, shape, resolveParams(config, type, shape.length));
  w.pad(payloadBits);
  w.flush(8);
  return w.bytes();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the minimum bits per block', () => {
  it.each(TYPES)('is what an all-zero %s block actually takes, in every mode (so the up-front check is tight and safe)', (type) => {
    for (const config of CONFIGS) {
      for (const shape of [[8], [4, 8], [4, 4, 8], [4, 4, 4, 8]]) {
        const params = resolveParams(config, type, shape.length);
        const { blocks } = compress(zeros(type, shape), config);
        // Reversible float zero blocks skip minbits padding when written; the decoder still skips it.
        const written = Math.min(...blocks.bits);
        const least = minimumBlockBits(params, type);
        if (config.mode === 'reversible' && (type === 'float32' || type === 'float64')) expect(written).toBe(1);
        else expect(written, `${type} ${JSON.stringify(config)} ${shape.length}D`).toBe(least);
      }
    }
  });

  it('is 64 bits for an int64 block at full precision, 1 bit for a float block', () => {
    const full = resolveParams({ mode: 'precision', precision: 64 }, 'int64', 4);
    expect(minimumBlockBits(full, 'int64')).toBe(64);
    expect(minimumBlockBits(full, 'float64')).toBe(1);
    expect(minimumBlockBits(resolveParams({ mode: 'rate', rate: 8 }, 'float32', 2), 'float32')).toBe(128);
  });
});

describe('a stream too short for its declared field', () => {
  it('an int64 header claiming 100^4 values over 48 KB is refused before allocating anything', () => {
    const bytes = headerOnly('int64', [100, 100, 100, 100], { mode: 'precision', precision: 64 }, 48_000 * 8);
    const work = countBlocks();
    expect(() => decompress(bytes, { header: true })).toThrow(/390625 int64 blocks need at least 25000000 bits/);
    expect(work.blocks).toBe(0);
  });

  it.each(TYPES)('a truncated %s stream fails within one block of its end, not after decoding every block', (type) => {
    const shape = [64, 64];
    const data = Float64Array.from({ length: 64 * 64 }, (_, i) => Math.sin(i) * 1e6);
    const values = { int32: Int32Array.from(data), int64: BigInt64Array.from(data, (v) => BigInt(Math.round(v))), float32: Float32Array.from(data), float64: data }[type];
    const config: ZfpConfig = { mode: 'precision', precision: 64 };
    const full = compress({ type, shape, data: values }, config);
    const kept = full.bytes.length >> 2;
    const bytes = full.bytes.slice(0, kept);
    const work = countBlocks();
    expect(() => decompress(bytes, { type, shape, config })).toThrow(ZfpFormatError);
    // Blocks that fit the kept bytes, plus the one that ran past the end.
    let fit = 0;
    for (let bits = 0; fit < full.blocks.count && bits + full.blocks.bits[fit]! <= kept * 8; fit++) bits += full.blocks.bits[fit]!;
    expect(work.blocks).toBe(fit + 1);
    expect(work.blocks).toBeLessThan(full.blocks.count / 2);
  });
});

describe('maxOutputBytes', () => {
  const field: Field = { type: 'float64', shape: [16, 16], data: new Float64Array(256).fill(1.5) };
  const config: ZfpConfig = { mode: 'rate', rate: 8 };
  const { bytes } = compress(field, config);

  it('refuses a declared field above the limit with ZfpParameterError, before decoding a block', () => {
    const work = countBlocks();
    expect(() => decompress(bytes, { type: 'float64', shape: [16, 16], config }, { maxOutputBytes: 2047 })).toThrow(ZfpParameterError);
    expect(work.blocks).toBe(0);
    expect(decompress(bytes, { type: 'float64', shape: [16, 16], config }, { maxOutputBytes: 2048 }).data).toHaveLength(256);
  });

  it('defaults to 2 GiB: a 1 MB float stream declaring 4 GiB is refused', () => {
    const bytes = headerOnly('float64', [256, 256, 128, 64], { mode: 'precision', precision: 8 }, 8 * 2 ** 20);
    expect(() => decompress(bytes, { header: true })).toThrow(/field of 4294967296 bytes .* above maxOutputBytes = 2147483648/);
  });
});

describe('runtime argument checks of the public API', () => {
  const field: Field = { type: 'float64', shape: [4], data: new Float64Array([1, 2, 3, 4]) };
  it('names the problem with a ZfpParameterError, not a TypeError', () => {
    const untyped = compress as (f: unknown, c: unknown) => unknown;
    expect(() => untyped(field, { mode: 'bogus' })).toThrow(/unknown zfp mode "bogus"/);
    expect(() => untyped(field, null)).toThrow(ZfpParameterError);
    expect(() => untyped(null, { mode: 'reversible' })).toThrow(ZfpParameterError);
    const { bytes } = compress(field, { mode: 'reversible' });
    const loose = decompress as (b: unknown, s: unknown, o?: unknown) => unknown;
    expect(() => loose(bytes, null)).toThrow(ZfpParameterError);
    expect(() => loose(bytes, undefined)).toThrow(ZfpParameterError);
    expect(() => loose(bytes, { type: 'float64', shape: [4], config: { mode: 'bogus' } })).toThrow(ZfpParameterError);
    expect(() => loose(bytes, { type: 'float64', shape: [4], config: { mode: 'reversible' } }, null)).toThrow(ZfpParameterError);
  });
});

describe('decompress into a caller array', () => {
  it('leaves the array untouched when the stream fails, fills it when it decodes', () => {
    const shape = [32, 32];
    const data = Float64Array.from({ length: 1024 }, (_, i) => Math.cos(i / 5));
    const config: ZfpConfig = { mode: 'precision', precision: 30 };
    const { bytes } = compress({ type: 'float64', shape, data }, config);
    const into = new Float64Array(1024).fill(7);
    expect(() => decompress(bytes.slice(0, bytes.length - 40), { type: 'float64', shape, config }, { into })).toThrow(ZfpFormatError);
    expect(into.every((v) => v === 7)).toBe(true);
    const out = decompress(bytes, { type: 'float64', shape, config }, { into });
    expect(out.data).toBe(into);
    expect(into).toEqual(decompress(bytes, { type: 'float64', shape, config }).data);
  });
});
