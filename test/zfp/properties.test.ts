/** Whole-field properties of compress/decompress, checked on generated data with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compress, decompress } from '../../src/zfp/field-codec.ts';
import type { ZfpConfig } from '../../src/zfp/types.ts';
import { finiteValues, floatTypeArb, type FloatType } from './block-gen.ts';

/** Shapes of 1–4 dimensions with partial blocks, small enough for many runs. */
const shapeArb = fc.integer({ min: 1, max: 4 }).chain((dims) =>
  fc.array(fc.integer({ min: 1, max: [40, 11, 7, 5][dims - 1]! }), { minLength: dims, maxLength: dims }),
);

const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A float array of the shape's size holding arbitrary bit patterns (typed arrays keep NaN payloads). */
function anyBitsField(type: FloatType, n: number): fc.Arbitrary<Float64Array | Float32Array> {
  const special = type === 'float64'
    ? [0n, 0x8000000000000000n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 0x7ff0000000000001n, 1n, 0x800fffffffffffffn]
    : [0n, 0x80000000n, 0x7f800000n, 0xff800000n, 0x7fc00000n, 0x7f800001n, 1n, 0x807fffffn];
  const max = type === 'float64' ? 2n ** 64n - 1n : 2n ** 32n - 1n;
  const word = fc.oneof(fc.bigInt({ min: 0n, max }), fc.constantFrom(...special));
  return fc.array(word, { minLength: n, maxLength: n }).map((bits) => {
    if (type === 'float64') return new Float64Array(BigUint64Array.from(bits).buffer);
    return new Float32Array(Uint32Array.from(bits, Number).buffer);
  });
}

function bitPatterns(data: Float64Array | Float32Array): bigint[] {
  return data instanceof Float64Array ? [...new BigUint64Array(data.buffer, data.byteOffset, data.length)] : [...new Uint32Array(data.buffer, data.byteOffset, data.length)].map(BigInt);
}

/**
 * Ordinary finite fields: values scaled by 2^e, e within `exponents`, and nothing far below that
 * (flushed to zero). Blocks whose largest value is tiny (emax < −961 for float64, < −97 for
 * float32) are out: there zfp 1.0's scale factor overflows and the block is lost, by design.
 */
function fieldCase(exponents: { min: number; max: number }) {
  const floor = 2 ** (exponents.min - 40);
  return fc.record({ type: floatTypeArb, shape: shapeArb }).chain(({ type, shape }) =>
    finiteValues(count(shape), type, exponents).map((values) => {
      const flushed = values.map((x) => (Math.abs(x) < floor ? 0 : x));
      return { type, shape, data: type === 'float32' ? Float32Array.from(flushed) : Float64Array.from(flushed) };
    }),
  );
}

function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]!));
  return m;
}

describe('reversible mode', () => {
  it('reproduces every bit pattern: NaNs, ±Inf, −0, subnormals', () => {
    const arb = fc
      .record({ type: floatTypeArb, shape: shapeArb })
      .chain(({ type, shape }) => fc.record({ type: fc.constant(type), shape: fc.constant(shape), data: anyBitsField(type, count(shape)) }));
    fc.assert(
      fc.property(arb, ({ type, shape, data }) => {
        const packed = compress({ type, shape, data }, { mode: 'reversible' }, { header: true });
        const out = decompress(packed.bytes, { header: true });
        expect(out.type).toBe(type);
        expect(bitPatterns(out.data as Float64Array | Float32Array)).toEqual(bitPatterns(data));
      }),
      { numRuns: 300, seed: 11 },
    );
  });


  it('keeps a float32 signalling NaN signalling', () => {
    // 0x7f800001 must come back as is; a detour through a float64 value would quiet it to 0x7fc00001.
    const data = new Float32Array(new Uint32Array([0x7f800001, 0, 0x3f800000, 0xff800002]).buffer);
    const config: ZfpConfig = { mode: 'reversible' };
    const out = decompress(compress({ type: 'float32', shape: [4], data }, config).bytes, { type: 'float32', shape: [4], config });
    expect(bitPatterns(out.data as Float32Array).map((b) => b.toString(16))).toEqual(['7f800001', '0', '3f800000', 'ff800002']);
  });
});

describe('fixed accuracy', () => {
  it('keeps every error within the tolerance on ordinary finite data', () => {
    // Ordinary data: well inside the exponent range, and a tolerance above the last bits the
    // block integers can hold (2^-40 of the largest magnitude), where zfp's error bound holds.
    const arb = fc.tuple(fieldCase({ min: -30, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(arb, ([{ type, shape, data }, u]) => {
        const top = maxAbs(data) || 1;
        const tolerance = top * 2 ** (-(type === 'float64' ? 40 : 16) * u);
        const out = decompress(compress({ type, shape, data }, { mode: 'accuracy', tolerance }).bytes, { type, shape, config: { mode: 'accuracy', tolerance } });
        const got = out.data as Float64Array;
        for (let i = 0; i < data.length; i++) expect(Math.abs(got[i]! - data[i]!)).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});

describe('full precision', () => {
  // Measured worst case on 5000 random blocks: 2^-54.8 (float64) and 2^-22.9 (float32) of max|x|.
  const bound: Record<FloatType, number> = { float64: 2 ** -52, float32: 2 ** -21 };
  it('is near-lossless: error ≤ 2^-52·max|x| (float64), 2^-21·max|x| (float32)', () => {
    fc.assert(
      fc.property(fieldCase({ min: -50, max: 50 }), ({ type, shape, data }) => {
        const config: ZfpConfig = { mode: 'precision', precision: type === 'float64' ? 64 : 32 };
        const out = decompress(compress({ type, shape, data }, config).bytes, { type, shape, config }).data as Float64Array;
        const scale = maxAbs(data);
        for (let i = 0; i < data.length; i++) expect(Math.abs(out[i]! - data[i]!)).toBeLessThanOrEqual(bound[type] * scale);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe('round trip', () => {
  it('preserves shape and type, with and without a header', () => {
    const configs: ZfpConfig[] = [{ mode: 'rate', rate: 5 }, { mode: 'precision', precision: 9 }, { mode: 'accuracy', tolerance: 1e-4 }, { mode: 'reversible' }];
    fc.assert(
      fc.property(fieldCase({ min: -5, max: 5 }), fc.constantFrom(...configs), fc.boolean(), ({ type, shape, data }, config, header) => {
        const packed = compress({ type, shape, data }, config, { header });
        const out = decompress(packed.bytes, header ? { header: true } : { type, shape, config });
        expect(out.type).toBe(type);
        expect(out.shape).toEqual(shape);
        expect(out.data).toBeInstanceOf(type === 'float32' ? Float32Array : Float64Array);
        expect(out.data.length).toBe(data.length);
        expect(out.params).toEqual(packed.params);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});

describe('decoding into a caller array', () => {
  it('overwrites every element with what a fresh decode gives', () => {
    const configs: ZfpConfig[] = [{ mode: 'rate', rate: 5 }, { mode: 'precision', precision: 20 }, { mode: 'reversible' }];
    fc.assert(
      fc.property(fieldCase({ min: -5, max: 5 }), fc.constantFrom(...configs), ({ type, shape, data }, config) => {
        const packed = compress({ type, shape, data }, config);
        const spec = { type, shape, config };
        const fresh = decompress(packed.bytes, spec).data;
        const into = type === 'float32' ? new Float32Array(data.length).fill(NaN) : new Float64Array(data.length).fill(NaN);
        const out = decompress(packed.bytes, spec, { into });
        expect(out.data).toBe(into);
        expect(Array.from(into)).toEqual(Array.from(fresh as Float64Array));
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});

describe('strided input', () => {
  it('gives the same bytes as the equivalent contiguous copy (negative and non-unit strides, offset)', () => {
    const arb = fc.record({ type: floatTypeArb, shape: shapeArb }).chain(({ type, shape }) =>
      fc.record({
        type: fc.constant(type),
        shape: fc.constant(shape),
        // Per axis: a step of 1..3 elements, possibly reversed; plus unused padding in front.
        steps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: shape.length, maxLength: shape.length }),
        reversed: fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
        padding: fc.integer({ min: 0, max: 5 }),
        config: fc.constantFrom<ZfpConfig>({ mode: 'rate', rate: 7 }, { mode: 'accuracy', tolerance: 1e-3 }, { mode: 'reversible' }),
        seed: fc.integer(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ type, shape, steps, reversed, padding, config, seed }) => {
        // Strides of a bigger array that the field is a (possibly mirrored) sub-lattice of.
        const strides: number[] = [];
        let span = 1;
        for (let a = 0; a < shape.length; a++) {
          strides.push(steps[a]! * span * (reversed[a] ? -1 : 1));
          span *= steps[a]! * shape[a]!;
        }
        let offset = padding;
        for (let a = 0; a < shape.length; a++) if (strides[a]! < 0) offset += -strides[a]! * (shape[a]! - 1);
        const Array_ = type === 'float32' ? Float32Array : Float64Array;
        const big = new Array_(offset + span + padding);
        let state = seed;
        for (let i = 0; i < big.length; i++) big[i] = Math.sin((state = (state * 1103515245 + 12345) | 0)) * 100 + i * 0.01;
        const contiguous = new Array_(count(shape));
        const index = new Array<number>(shape.length).fill(0);
        for (let i = 0; i < contiguous.length; i++) {
          contiguous[i] = big[offset + index.reduce((sum, c, a) => sum + c * strides[a]!, 0)]!;
          for (let a = 0; a < shape.length && ++index[a]! === shape[a]; a++) index[a] = 0;
        }
        const strided = compress({ type, shape, data: big, strides, offset }, config);
        const plain = compress({ type, shape, data: contiguous }, config);
        expect(strided.bytes).toEqual(plain.bytes);
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
