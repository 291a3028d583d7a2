/**
 * The teaching API, stage by stage: every stage against its inverse, and the
 * composed staged block coder against the bulk codec, bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter } from '../../src/zfp/bitstream.ts';
import { compress, decompress, NO_EXPONENT } from '../../src/zfp/field-codec.ts';
import { ZfpParameterError } from '../../src/zfp/errors.ts';
import { maximumSize, resolveParams } from '../../src/zfp/params.ts';
import {
  bitPlanes,
  blockExponent,
  decodeBlockStaged,
  decodeInts,
  encodeBlockStaged,
  encodeInts,
  forwardReversibleTransform,
  forwardTransform,
  fromBitPlanes,
  fromBlockFloat,
  fromNegabinary,
  fromNegabinaryBlock,
  inverseReversibleTransform,
  inverseTransform,
  reorder,
  toBlockFloat,
  toNegabinary,
  toNegabinaryBlock,
  unorder,
  type IntWidth,
} from '../../src/zfp/stages/index.ts';
import type { ZfpConfig } from '../../src/zfp/types.ts';
import { anyValue, blockShape, dimsArb, finiteValues, floatTypeArb, lossyConfig, sameBits, typedArrayOf, type FloatType } from './block-gen.ts';

const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const int32 = fc.bigInt({ min: -(2n ** 31n), max: 2n ** 31n - 1n });
const intOf = (width: IntWidth) => (width === 64 ? int64 : int32);
const widthArb = fc.constantFrom<IntWidth>(32, 64);

/** A 4^dims block of integers of the given width. */
function intBlock(dims: number, width: IntWidth, values = intOf(width)): fc.Arbitrary<BigInt64Array> {
  return fc.array(values, { minLength: 4 ** dims, maxLength: 4 ** dims }).map((a) => BigInt64Array.from(a));
}

describe('block-floating-point', () => {
  it('takes the exponent of the largest magnitude, frexp-style', () => {
    expect(blockExponent([0.5, -0.25], 'float64')).toBe(0);
    expect(blockExponent([1, 0.1], 'float64')).toBe(1);
    expect(blockExponent([-3, 2], 'float32')).toBe(2);
    expect(blockExponent([0, -0, 0, 0], 'float64')).toBe(-1023);
    expect(blockExponent([0, 0], 'float32')).toBe(-127);
    expect(blockExponent([5e-324, 0], 'float64')).toBe(-1022); // subnormals share the least normal exponent
    expect(blockExponent([NaN, 2], 'float64')).toBe(2); // NaN never wins the comparison
  });

  it('round-trips within one step 2^(emax − q) of the integer grid', () => {
    fc.assert(
      fc.property(floatTypeArb.chain((type) => fc.tuple(fc.constant(type), finiteValues(16, type))), ([type, values]) => {
        const emax = blockExponent(values, type);
        const q = type === 'float64' ? 62 : 30;
        // Below these exponents the scale factor 2^(q − emax) overflows (covered separately).
        fc.pre(emax >= (type === 'float64' ? -960 : -96));
        const back = fromBlockFloat(toBlockFloat(values, emax, type), emax, type);
        values.forEach((x, i) => expect(Math.abs(back[i]! - x)).toBeLessThanOrEqual(2 ** (emax - q)));
      }),
    );
  });

  it('keeps zfp 1.0\'s result when the scale factor overflows: every integer becomes the minimum', () => {
    const tiny = [2 ** -1000, -(2 ** -1001), 0, 2 ** -1010];
    const emax = blockExponent(tiny, 'float64');
    expect(emax).toBe(-999);
    expect([...toBlockFloat(tiny, emax, 'float64')]).toEqual(new Array(4).fill(-(2n ** 63n)));
    const tiny32 = [2 ** -100, 0];
    expect([...toBlockFloat(tiny32, blockExponent(tiny32, 'float32'), 'float32')]).toEqual([-(2n ** 31n), -(2n ** 31n)]);
  });
});

describe('lifting transform', () => {
  it('reversible transform is exactly invertible, wrap-around included', () => {
    fc.assert(
      fc.property(dimsArb, widthArb, (dims, width) => {
        fc.assert(
          fc.property(intBlock(dims, width), (block) => {
            const coefficients = forwardReversibleTransform(block, dims, width);
            expect([...inverseReversibleTransform(coefficients, dims, width)]).toEqual([...block]);
          }),
          { numRuns: 20 },
        );
      }),
      { numRuns: 16 },
    );
  });

  it('rejects a block of the wrong size or dimensionality with the codec\'s parameter error', () => {
    expect(() => forwardTransform(new BigInt64Array(15), 2)).toThrow(ZfpParameterError);
    expect(() => inverseReversibleTransform(new BigInt64Array(16), 5)).toThrow(ZfpParameterError);
    expect(() => reorder(new BigInt64Array(63), 3)).toThrow(ZfpParameterError);
  });

  it('lossy transform is invertible up to the bits its halvings drop', () => {
    // Integers as block-float produces them: |y| < 2^q, leaving the transform its two bits of headroom.
    fc.assert(
      fc.property(dimsArb, widthArb, (dims, width) => {
        const q = BigInt(width - 2);
        const bound = 2 ** (2 * dims); // measured worst case stays far below 4^dims
        fc.assert(
          fc.property(intBlock(dims, width, fc.bigInt({ min: -(2n ** q) + 1n, max: 2n ** q - 1n })), (block) => {
            const back = inverseTransform(forwardTransform(block, dims, width), dims, width);
            block.forEach((y, i) => expect(Math.abs(Number(back[i]! - y))).toBeLessThanOrEqual(bound));
          }),
          { numRuns: 20 },
        );
      }),
      { numRuns: 16 },
    );
  });

  it('maps a constant line to its mean and zero details', () => {
    const line = BigInt64Array.from([8n, 8n, 8n, 8n]);
    expect([...forwardTransform(line, 1)]).toEqual([8n, 0n, 0n, 0n]);
    expect([...line]).toEqual([8n, 8n, 8n, 8n]); // inputs are not modified
  });
});

describe('sequency order', () => {
  it('unorder inverts reorder, and the DC coefficient comes first', () => {
    fc.assert(
      fc.property(dimsArb.chain((dims) => fc.tuple(fc.constant(dims), intBlock(dims, 64))), ([dims, block]) => {
        expect([...unorder(reorder(block, dims), dims)]).toEqual([...block]);
        expect(reorder(block, dims)[0]).toBe(block[0]);
      }),
    );
  });

  it('is a permutation from the DC coefficient to the highest frequency', () => {
    for (const dims of [1, 2, 3, 4]) {
      const raster = BigInt64Array.from({ length: 4 ** dims }, (_, i) => BigInt(i));
      const order = [...reorder(raster, dims)].map(Number);
      expect([...order].sort((a, b) => a - b)).toEqual([...raster].map(Number));
      const degree = (i: number) => [...Array(dims).keys()].reduce((sum, axis) => sum + (Math.floor(i / 4 ** axis) % 4), 0);
      expect(degree(order[0]!)).toBe(0);
      expect(degree(order.at(-1)!)).toBe(3 * dims);
    }
  });
});

describe('negabinary', () => {
  it('round-trips arbitrary int64 and int32', () => {
    fc.assert(fc.property(int64, (y) => fromNegabinary(toNegabinary(y, 64), 64) === y));
    fc.assert(fc.property(int32, (y) => fromNegabinary(toNegabinary(y, 32), 32) === y));
  });

  it('gives base −2 digits, unsigned and in range', () => {
    expect(toNegabinary(0n, 32)).toBe(0n);
    expect(toNegabinary(1n, 32)).toBe(1n);
    expect(toNegabinary(-1n, 32)).toBe(0b11n); // −2 + 1
    expect(toNegabinary(2n, 64)).toBe(0b110n); // 4 − 2
    fc.assert(
      fc.property(int64, (y) => {
        const u = toNegabinary(y, 64);
        expect(u >= 0n && u < 2n ** 64n).toBe(true);
        let value = 0n;
        for (let k = 0n; k < 64n; k++) if ((u >> k) & 1n) value += (-2n) ** k;
        expect(BigInt.asIntN(64, value)).toBe(y);
      }),
      { numRuns: 200 },
    );
  });

  it('block versions round-trip', () => {
    fc.assert(
      fc.property(widthArb.chain((w) => fc.tuple(fc.constant(w), intBlock(2, w))), ([width, block]) => {
        expect([...fromNegabinaryBlock(toNegabinaryBlock(block, width), width)]).toEqual([...block]);
      }),
    );
  });
});

describe('bit planes', () => {
  it('fromBitPlanes inverts bitPlanes', () => {
    fc.assert(
      fc.property(dimsArb, fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { minLength: 256, maxLength: 256 }), (dims, all) => {
        const ublock = BigUint64Array.from(all.slice(0, 4 ** dims));
        const planes = bitPlanes(ublock, 64);
        expect(planes).toHaveLength(64);
        expect([...fromBitPlanes(planes, ublock.length)]).toEqual([...ublock]);
      }),
      { numRuns: 50 },
    );
  });

  it('plane k holds bit k of coefficient i at position i', () => {
    const planes = bitPlanes(BigUint64Array.from([0b01n, 0b10n, 0b11n, 0n]), 32);
    expect(planes[0]).toBe(0b0101n);
    expect(planes[1]).toBe(0b0110n);
    expect(planes[2]).toBe(0n);
  });
});

describe('embedded coder', () => {
  const coderCase = fc.record({
    dims: dimsArb,
    width: widthArb,
    seed: fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { minLength: 256, maxLength: 256 }),
    shift: fc.integer({ min: 0, max: 63 }),
    maxprec: fc.integer({ min: 1, max: 64 }),
  });

  it('unconstrained: decodes exactly the planes it was allowed', () => {
    fc.assert(
      fc.property(coderCase, ({ dims, width, seed, shift, maxprec }) => {
        const size = 4 ** dims;
        // Shifted values give blocks with leading zero planes, as real coefficients have.
        const ublock = BigUint64Array.from(seed.slice(0, size), (u) => BigInt.asUintN(width, u >> BigInt(shift)));
        const w = new BitWriter(size * 80);
        const written = encodeInts(w, 2 ** 32 - 1, maxprec, ublock, width);
        const kept = Math.min(maxprec, width);
        expect(written.planes).toBe(kept);
        const decoded = decodeInts(new BitReader(w.bytes()), 2 ** 32 - 1, maxprec, size, width);
        expect(decoded.bits).toBe(written.bits);
        expect(decoded.planes).toBe(written.planes);
        const lowPlanes = (1n << BigInt(width - kept)) - 1n;
        expect([...decoded.ublock]).toEqual([...ublock].map((u) => u & ~lowPlanes));
      }),
      { numRuns: 150 },
    );
  });

  it('rate-constrained: spends at most maxbits, and the decoder reads exactly what was written', () => {
    fc.assert(
      fc.property(coderCase, fc.integer({ min: 0, max: 2000 }), ({ dims, width, seed, shift, maxprec }, maxbits) => {
        const size = 4 ** dims;
        const ublock = BigUint64Array.from(seed.slice(0, size), (u) => BigInt.asUintN(width, u >> BigInt(shift)));
        const w = new BitWriter(size * 80);
        const written = encodeInts(w, maxbits, maxprec, ublock, width);
        expect(written.bits).toBeLessThanOrEqual(maxbits);
        const decoded = decodeInts(new BitReader(w.bytes()), maxbits, maxprec, size, width);
        expect(decoded.bits).toBe(written.bits);
        expect(decoded.planes).toBe(written.planes);
        // The completely coded planes are exact.
        const top = BigInt(width - written.planes);
        decoded.ublock.forEach((u, i) => expect(u >> top).toBe(ublock[i]! >> top));
      }),
      { numRuns: 150 },
    );
  });
});

/** Configurations of every mode for a float block. */
function anyConfig(type: FloatType): fc.Arbitrary<ZfpConfig> {
  return fc.oneof({ weight: 4, arbitrary: lossyConfig(type) }, { weight: 1, arbitrary: fc.constant<ZfpConfig>({ mode: 'reversible' }) });
}

interface BlockCase {
  readonly type: FloatType;
  readonly dims: number;
  readonly values: number[];
  readonly config: ZfpConfig;
}

const blockCase: fc.Arbitrary<BlockCase> = fc
  .record({ type: floatTypeArb, dims: dimsArb })
  .chain(({ type, dims }) =>
    fc.record({
      type: fc.constant(type),
      dims: fc.constant(dims),
      values: finiteValues(4 ** dims, type),
      config: anyConfig(type),
    }),
  );

/** Reversible blocks may hold anything, NaNs and infinities included. */
const reversibleCase: fc.Arbitrary<BlockCase> = fc
  .record({ type: floatTypeArb, dims: dimsArb })
  .chain(({ type, dims }) =>
    fc.record({
      type: fc.constant(type),
      dims: fc.constant(dims),
      values: fc.oneof(finiteValues(4 ** dims, type), fc.array(anyValue(type), { minLength: 4 ** dims, maxLength: 4 ** dims })),
      config: fc.constant<ZfpConfig>({ mode: 'reversible' }),
    }),
  );

function checkAgainstBulkCodec({ type, dims, values, config }: BlockCase): void {
  const shape = blockShape(dims);
  const bulk = compress({ type, shape, data: typedArrayOf(type, values) }, config);
  const params = resolveParams(config, type, dims);
  const writer = new BitWriter(maximumSize(params, type, dims, 1));
  const trace = encodeBlockStaged(writer, values, type, dims, params);
  writer.flush(8);
  expect(writer.bytes()).toEqual(bulk.bytes);
  expect(trace.bits).toBe(bulk.blocks.bits[0]);
  expect(trace.planes).toBe(bulk.blocks.planes[0]);

  const staged = decodeBlockStaged(new BitReader(bulk.bytes), type, dims, params);
  const unpacked = decompress(bulk.bytes, { type, shape, config });
  expect(sameBits(staged.values, unpacked.data as Float64Array, type)).toBe(true);
  expect(staged.trace.bits).toBe(unpacked.blocks.bits[0]);
  expect(staged.trace.planes).toBe(unpacked.blocks.planes[0]);
  if (trace.form === 'block-float') expect(unpacked.blocks.emax[0]).toBe(trace.emax);
  else expect(unpacked.blocks.emax[0]).toBe(NO_EXPONENT);
  expect(staged.trace.form).toBe(trace.form);
}

describe('staged block coder', () => {
  it('writes the same bytes as compress() and reads the same values as decompress(), 1–4D, all modes', () => {
    fc.assert(fc.property(blockCase, checkAgainstBulkCodec), { numRuns: 600, seed: 20240611 });
  });

  it('matches the bulk codec on blocks of small integers, whose many trailing zero bits let the bulk inverse run in doubles', () => {
    const integers: fc.Arbitrary<BlockCase> = fc
      .record({ dims: dimsArb, ramp: fc.boolean(), step: fc.integer({ min: 1, max: 4096 }) })
      .chain(({ dims, ramp, step }) =>
        fc.record({
          type: fc.constant<FloatType>('float64'),
          dims: fc.constant(dims),
          values: ramp
            ? fc.integer({ min: -4096, max: 4096 }).map((origin) => Array.from({ length: 4 ** dims }, (_, i) => origin + step * i))
            : fc.array(fc.integer({ min: -step, max: step }), { minLength: 4 ** dims, maxLength: 4 ** dims }),
          config: fc.oneof(fc.constant<ZfpConfig>({ mode: 'precision', precision: 64 }), fc.constant<ZfpConfig>({ mode: 'rate', rate: 64 }), lossyConfig('float64')),
        }),
      );
    fc.assert(fc.property(integers, checkAgainstBulkCodec), { numRuns: 400, seed: 20261129 });
  });

  it('matches the bulk codec in reversible mode on any bit pattern', () => {
    fc.assert(fc.property(reversibleCase, checkAgainstBulkCodec), { numRuns: 300, seed: 7 });
  });

  it('cuts a fixed budget where zfp does, at every length, in 1D and 2D (planes coded whole, then trimmed)', () => {
    let seed = 5;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
    for (const dims of [1, 2]) {
      const blocks = [
        Array.from({ length: 4 ** dims }, (_, i) => Math.sin(0.7 * i) + 0.01 * i),
        Array.from({ length: 4 ** dims }, () => random() * 2 ** (20 * random())),
      ];
      for (const values of blocks) {
        // Every budget from the header alone to past the whole block: the cut falls in every plane and run.
        for (let maxbits = 12; maxbits <= 64 * 4 ** dims + 80; maxbits++) {
          checkAgainstBulkCodec({ type: 'float64', dims, values, config: { mode: 'expert', minbits: maxbits, maxbits, maxprec: 64, minexp: -1074 } });
        }
      }
    }
  });

  it('cuts a fixed budget where zfp does in 3D, on blocks whose first 16 coefficients alone are significant and on others', () => {
    const blocks = [
      // A ramp: its transform leaves a few low-frequency coefficients, so every plane is coded.
      Array.from({ length: 64 }, (_, i) => 3 * ((i & 3) + 128 * ((i >> 2) & 3) + 16384 * (i >> 4))),
      Array.from({ length: 64 }, (_, i) => Math.sin(0.05 * (i & 3)) * Math.cos(0.07 * ((i >> 2) & 3)) + 0.01 * (i >> 4)),
      Array.from({ length: 64 }, (_, i) => Math.sin(1.3 * i) * 2 ** ((i * 7) % 23)),
    ];
    for (const values of blocks) {
      for (let maxbits = 12; maxbits <= 64 * 64 + 80; maxbits += 5) {
        checkAgainstBulkCodec({ type: 'float64', dims: 3, values, config: { mode: 'expert', minbits: maxbits, maxbits, maxprec: 64, minexp: -1074 } });
      }
    }
  });

  it('reads corrupted blocks as the staged decoder does, bit for bit: the bulk shortcuts hold on any bits', () => {
    let seed = 11;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const configs: ZfpConfig[] = [
      { mode: 'precision', precision: 24 },
      { mode: 'precision', precision: 60 },
      { mode: 'rate', rate: 16 },
      { mode: 'rate', rate: 5 },
      { mode: 'accuracy', tolerance: 1e-9 },
    ];
    let compared = 0;
    for (let it = 0; it < 1500; it++) {
      const dims = 1 + (it % 3);
      const config = configs[it % configs.length]!;
      const values = Array.from({ length: 4 ** dims }, (_, i) => Math.sin(0.3 * i + it) * 2 ** (8 * random()));
      const bytes = compress({ type: 'float64', shape: blockShape(dims), data: Float64Array.from(values) }, config).bytes.slice();
      for (let flips = 1 + (it % 4); flips > 0; flips--) bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
      let bulk: Float64Array;
      try {
        bulk = decompress(bytes, { type: 'float64', shape: blockShape(dims), config }).data as Float64Array;
      } catch {
        continue; // a stream that became too short is refused by the bulk decoder only
      }
      const staged = decodeBlockStaged(new BitReader(bytes), 'float64', dims, resolveParams(config, 'float64', dims));
      expect(sameBits(staged.values, bulk, 'float64')).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('traces every stage consistently', () => {
    const values = Array.from({ length: 16 }, (_, i) => Math.sin(i) * 100);
    const params = resolveParams({ mode: 'precision', precision: 20 }, 'float64', 2);
    const trace = encodeBlockStaged(new BitWriter(4096), values, 'float64', 2, params);
    expect(trace.form).toBe('block-float');
    expect(trace.emax).toBe(7); // |x| ≤ 100 < 2^7
    const s = trace.stages!;
    expect([...s.ints]).toEqual([...toBlockFloat(values, 7, 'float64')]);
    expect([...s.coefficients]).toEqual([...forwardTransform(s.ints, 2)]);
    expect([...s.reordered]).toEqual([...reorder(s.coefficients, 2)]);
    expect([...s.negabinary]).toEqual([...toNegabinaryBlock(s.reordered, 64)]);
    expect(s.planes).toEqual(bitPlanes(s.negabinary, 64));
    expect(trace.planes).toBe(20);
  });

  it('codes a block with nothing above the tolerance as a single zero bit', () => {
    const params = resolveParams({ mode: 'accuracy', tolerance: 1 }, 'float64', 1);
    const w = new BitWriter(64);
    const trace = encodeBlockStaged(w, [1e-9, 0, 0, 0], 'float64', 1, params);
    expect(trace).toMatchObject({ form: 'zero', stages: null, bits: 1, planes: 0 });
  });
});
