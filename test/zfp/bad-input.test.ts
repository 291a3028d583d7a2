/** Invalid input of every kind gets the right typed error, with a message that names the problem. */
import { describe, expect, it } from 'vitest';
import { BitWriter } from '../../src/zfp/bitstream.ts';
import { ZfpDataError, ZfpError, ZfpFormatError, ZfpParameterError } from '../../src/zfp/errors.ts';
import { compress, decompress, type DecodeSpec } from '../../src/zfp/field-codec.ts';
import { writeHeader } from '../../src/zfp/header.ts';
import { resolveParams } from '../../src/zfp/params.ts';
import type { Field, ZfpConfig } from '../../src/zfp/types.ts';

type ErrorClass = typeof ZfpFormatError | typeof ZfpParameterError | typeof ZfpDataError;

/** Runs `fn` and checks it throws exactly `kind` with a message matching `message`. */
function expectError(fn: () => unknown, kind: ErrorClass, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'should throw').toBeInstanceOf(kind);
  expect((caught as Error).message).toMatch(message);
}

const smooth = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i / 3) + i / 7);

const streams: { name: string; field: Field; config: ZfpConfig }[] = [
  { name: 'rate 2D', field: { type: 'float64', shape: [9, 7], data: smooth(63) }, config: { mode: 'rate', rate: 6 } },
  { name: 'precision 3D float32', field: { type: 'float32', shape: [5, 5, 5], data: Float32Array.from(smooth(125)) }, config: { mode: 'precision', precision: 14 } },
  { name: 'accuracy 1D', field: { type: 'float64', shape: [37], data: smooth(37) }, config: { mode: 'accuracy', tolerance: 1e-5 } },
  { name: 'reversible 4D', field: { type: 'float64', shape: [3, 4, 2, 5], data: smooth(120) }, config: { mode: 'reversible' } },
  { name: 'int32 reversible 2D', field: { type: 'int32', shape: [6, 6], data: Int32Array.from({ length: 36 }, (_, i) => i * i - 50) }, config: { mode: 'reversible' } },
];

describe('truncated streams', () => {
  it.each(streams)('every proper prefix of $name is a ZfpFormatError (with and without header)', ({ field, config }) => {
    for (const header of [true, false]) {
      const { bytes } = compress(field, config, { header });
      const spec: DecodeSpec = header ? { header: true } : { type: field.type, shape: field.shape, config };
      expect(decompress(bytes, spec).data.length).toBe(field.data.length);
      for (let n = 0; n < bytes.length; n++) expectError(() => decompress(bytes.subarray(0, n), spec), ZfpFormatError, /truncated/);
    }
  });
});

describe('corrupt headers', () => {
  const valid = compress(streams[0]!.field, streams[0]!.config, { header: true }).bytes;

  it('wrong magic', () => {
    const bytes = valid.slice();
    bytes[0] = 0x5a;
    expectError(() => decompress(bytes, { header: true }), ZfpFormatError, /not a zfp stream: expected the magic bytes "zfp", found 0x5a 0x66 0x70/);
  });

  it('wrong version byte', () => {
    const bytes = valid.slice();
    bytes[3] = 4;
    expectError(() => decompress(bytes, { header: true }), ZfpFormatError, /unsupported zfp codec version 4.*version 5/);
  });

  it('invalid mode (long form with minbits above maxbits)', () => {
    const w = new BitWriter(64);
    for (const byte of [0x7a, 0x66, 0x70, 5]) w.writeBits(byte, 8);
    w.writeBits(0, 32); // 52 bits of metadata, all zero: int32, 1D, one element
    w.writeBits(0, 20);
    // mode: low 12 bits all ones, then minbits−1 = 99, maxbits−1 = 9, maxprec−1 = 63, minexp + 16495
    w.writeBits(0xfff, 12);
    w.writeBits(99, 15);
    w.writeBits(9, 15);
    w.writeBits(63, 7);
    w.writeBits(16495 - 1074, 15);
    w.pad(64);
    expectError(() => decompress(w.bytes(), { header: true }), ZfpFormatError, /invalid compression parameters \(minbits 100 > maxbits 10/);
  });

  it('a header claiming a huge field over a short stream fails fast, before allocating', () => {
    const w = new BitWriter(64);
    const params = resolveParams({ mode: 'rate', rate: 1 }, 'float64', 3);
    writeHeader(w, 'float64', [1024, 1024, 1024], params);
    w.pad(64);
    expectError(() => decompress(w.bytes(), { header: true }), ZfpFormatError, /does not match shape \[1024, 1024, 1024\]: 16777216 float64 blocks need at least 1073741824 bits, the stream has 64/);
    const w2 = new BitWriter(64);
    writeHeader(w2, 'float64', [4000, 4000], resolveParams({ mode: 'rate', rate: 1 }, 'float64', 2));
    w2.pad(64);
    expectError(() => decompress(w2.bytes(), { header: true }), ZfpFormatError, /1000000 float64 blocks need at least 16000000 bits, the stream has \d+/);
  });
});

describe('bad shapes', () => {
  const cases: [string, number[]][] = [
    ['zero extent', [0]],
    ['negative extent', [4, -1]],
    ['non-integer extent', [2.5]],
    ['NaN extent', [NaN, 3]],
    ['no dimensions', []],
    ['five dimensions', [2, 2, 2, 2, 2]],
  ];
  it.each(cases)('%s is a ZfpParameterError in compress and decompress', (_, shape) => {
    const message = /shape (must have 1 to 4 extents|extents must be positive integers)/;
    expectError(() => compress({ type: 'float64', shape, data: new Float64Array(64) }, { mode: 'reversible' }), ZfpParameterError, message);
    expectError(() => decompress(new Uint8Array(64), { type: 'float64', shape, config: { mode: 'reversible' } }), ZfpParameterError, message);
  });

  it('an element count beyond 2^31 − 1 is refused before any allocation', () => {
    const message = /has \d+ elements, more than the 2147483647/;
    expectError(() => compress({ type: 'float64', shape: [65536, 65536], data: new Float64Array(4) }, { mode: 'reversible' }), ZfpParameterError, message);
    expectError(() => decompress(new Uint8Array(16), { type: 'float32', shape: [2 ** 40], config: { mode: 'rate', rate: 1 } }), ZfpParameterError, message);
    expectError(() => decompress(new Uint8Array(16), { type: 'float32', shape: [2 ** 16, 2 ** 16, 2 ** 16, 2 ** 16], config: { mode: 'rate', rate: 1 } }), ZfpParameterError, message);
  });

  it('a stream beyond 2^32 bits (512 MiB) is refused: bit positions are 32-bit', () => {
    // Strides 0 let one value stand for 2^28; fixed rate 64 makes that 2^34 bits, known before encoding.
    const huge = { type: 'float64', shape: [2 ** 14, 2 ** 14], strides: [0, 0], data: new Float64Array(1) } as const;
    expectError(() => compress(huge, { mode: 'rate', rate: 64 }), ZfpParameterError, /512 MiB/);
    expectError(() => decompress(new Uint8Array(2 ** 29 + 1), { type: 'float64', shape: [4], config: { mode: 'rate', rate: 8 } }), ZfpParameterError, /512 MiB/);
  });

  it('a shape too large for the header is refused when writing one', () => {
    expectError(() => compress({ type: 'float64', shape: [5000, 1, 1, 1], data: new Float64Array(5000) }, { mode: 'reversible' }, { header: true }), ZfpParameterError, /4D extents must be below 2\^12/);
  });
});

describe('bad data arrays', () => {
  it('too short for the shape', () => {
    expectError(() => compress({ type: 'float64', shape: [4, 4], data: new Float64Array(15) }, { mode: 'reversible' }), ZfpParameterError, /address elements 0\.\.15, outside the data array of length 15/);
  });

  it('strides and offset reaching outside the array', () => {
    const data = new Float64Array(16);
    expectError(() => compress({ type: 'float64', shape: [4, 4], data, strides: [1, -4] }, { mode: 'reversible' }), ZfpParameterError, /outside the data array/);
    expectError(() => compress({ type: 'float64', shape: [4, 4], data, offset: 1 }, { mode: 'reversible' }), ZfpParameterError, /outside the data array/);
    expectError(() => compress({ type: 'float64', shape: [4, 4], data, offset: -1 }, { mode: 'reversible' }), ZfpParameterError, /offset must be a non-negative integer, got -1/);
    expectError(() => compress({ type: 'float64', shape: [4, 4], data, strides: [1] }, { mode: 'reversible' }), ZfpParameterError, /strides must be 2 integers/);
    expectError(() => compress({ type: 'float64', shape: [4, 4], data, strides: [1, 4.5] }, { mode: 'reversible' }), ZfpParameterError, /strides must be 2 integers/);
  });

  it('the wrong typed-array class for the type', () => {
    expectError(() => compress({ type: 'float64', shape: [4], data: new Float32Array(4) }, { mode: 'reversible' }), ZfpParameterError, /a float64 field needs its data in a Float64Array, got Float32Array/);
    expectError(() => compress({ type: 'int64', shape: [4], data: new Int32Array(4) }, { mode: 'reversible' }), ZfpParameterError, /BigInt64Array, got Int32Array/);
    const plain = [1, 2, 3, 4] as unknown as Float64Array;
    expectError(() => compress({ type: 'float64', shape: [4], data: plain }, { mode: 'reversible' }), ZfpParameterError, /needs its data in a Float64Array, got Array/);
  });

  it('an unknown scalar type', () => {
    const type = 'float16' as unknown as 'float64';
    expectError(() => compress({ type, shape: [4], data: new Float64Array(4) }, { mode: 'reversible' }), ZfpParameterError, /unknown scalar type "float16"/);
    expectError(() => decompress(new Uint8Array(8), { type, shape: [4], config: { mode: 'reversible' } }), ZfpParameterError, /unknown scalar type "float16"/);
  });

  it('an output array of the wrong class or length', () => {
    const { field, config } = streams[0]!;
    const bytes = compress(field, config).bytes;
    const spec: DecodeSpec = { type: 'float64', shape: field.shape, config };
    expectError(() => decompress(bytes, spec, { into: new Float32Array(63) }), ZfpParameterError, /must be a Float64Array of 63 elements, got Float32Array of 63/);
    expectError(() => decompress(bytes, spec, { into: new Float64Array(64) }), ZfpParameterError, /must be a Float64Array of 63 elements, got Float64Array of 64/);
  });

  it('compressed data that is not a Uint8Array', () => {
    expectError(() => decompress([1, 2, 3] as unknown as Uint8Array, { header: true }), ZfpParameterError, /compressed data must be a Uint8Array/);
  });
});

describe('non-finite values', () => {
  const lossy: ZfpConfig[] = [{ mode: 'rate', rate: 8 }, { mode: 'precision', precision: 20 }, { mode: 'accuracy', tolerance: 1e-3 }];
  it.each([NaN, Infinity, -Infinity])('%s is a ZfpDataError in every lossy mode, and round-trips in reversible mode', (bad) => {
    for (const type of ['float64', 'float32'] as const) {
      const data = type === 'float64' ? smooth(20) : Float32Array.from(smooth(20));
      data[13] = bad;
      for (const config of lossy) {
        expectError(() => compress({ type, shape: [20], data }, config), ZfpDataError, new RegExp(`cannot represent ${String(bad)}`));
      }
      const out = decompress(compress({ type, shape: [20], data }, { mode: 'reversible' }).bytes, { type, shape: [20], config: { mode: 'reversible' } });
      expect(Object.is(out.data[13], bad)).toBe(true);
    }
  });
});

describe('bad parameters', () => {
  const configs: [ZfpConfig, RegExp][] = [
    [{ mode: 'rate', rate: -1 }, /rate must be a positive finite number/],
    [{ mode: 'precision', precision: 1.5 }, /precision must be a non-negative integer/],
    [{ mode: 'accuracy', tolerance: -1 }, /tolerance must be a non-negative finite number/],
    [{ mode: 'expert', minbits: 10, maxbits: 5, maxprec: 64, minexp: 0 }, /minbits must be in 0\.\.maxbits \(5\)/],
  ];
  it.each(configs)('%j is a ZfpParameterError in compress and decompress', (config, message) => {
    expectError(() => compress({ type: 'float64', shape: [4], data: smooth(4) }, config), ZfpParameterError, message);
    expectError(() => decompress(new Uint8Array(64), { type: 'float64', shape: [4], config }), ZfpParameterError, message);
  });

  it('every error is a ZfpError', () => {
    for (const kind of [ZfpFormatError, ZfpParameterError, ZfpDataError]) expect(new kind('x')).toBeInstanceOf(ZfpError);
  });
});
