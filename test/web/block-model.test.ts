/**
 * The block view's model in Node: what it shows for a block and a setting is what compress writes,
 * and the plane-by-plane split the bit-plane matrix draws adds up to the emitted stream.
 */
import { describe, expect, it } from 'vitest';
import { BitReader, compress, stages, traitsOf, ZfpParameterError, type ZfpConfig } from '../../src/zfp/index.ts';
import { kBeta } from '../../theorems/index.ts';
import { anatomyOf, codeBlock, type BlockConfig } from '../../web/src/block/block-model.ts';
import { BlockInputError, formatValues, generate, parseValues, PATTERNS, type BlockDims } from '../../web/src/block/values.ts';

const TYPES = ['float64', 'float32'] as const;
const DIMS: readonly BlockDims[] = [1, 2, 3];
const CONFIGS: readonly BlockConfig[] = [
  { mode: 'precision', precision: 1 },
  { mode: 'precision', precision: 13 },
  { mode: 'precision', precision: 64 },
  { mode: 'rate', rate: 1 },
  { mode: 'rate', rate: 4.75 },
  { mode: 'rate', rate: 30 },
  { mode: 'accuracy', tolerance: 8 },
  { mode: 'accuracy', tolerance: 2 ** -20 },
  { mode: 'accuracy', tolerance: 2 ** -1074 },
];

function compressed(values: Float64Array, type: 'float32' | 'float64', dims: number, config: ZfpConfig) {
  const data = type === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
  const z = compress({ type, shape: Array<number>(dims).fill(4), data }, config);
  const reader = new BitReader(z.bytes);
  let stream = '';
  for (let i = 0; i < z.blocks.bits[0]!; i++) stream += reader.readBit();
  return { stream, planes: z.blocks.planes[0]! };
}

describe('block view model', () => {
  for (const type of TYPES) {
    for (const dims of DIMS) {
      it(`${type} ${dims}D: every pattern and setting emits compress's bits, and the plane split adds up to them`, () => {
        for (const pattern of PATTERNS) {
          for (const seed of [1, 2]) {
            const block = generate(pattern, dims, type, seed);
            const anatomy = anatomyOf(block);
            const full = codeBlock(anatomy, { mode: 'precision', precision: 64 }).stream;
            for (const config of CONFIGS) {
              const coded = codeBlock(anatomy, config);
              expect({ stream: coded.stream, planes: coded.trace.planes }).toEqual(compressed(block.values, type, dims, config));
              if (coded.trace.form === 'zero') continue;
              // Header and planes are a prefix of the full-precision stream (the coder is embedded); the rest is padding.
              const end = anatomy.headerBits + coded.planeBits;
              expect(coded.stream.slice(0, end)).toBe(full.slice(0, end));
              expect(coded.stream.slice(end)).toMatch(/^0*$/);
              expect(coded.planeBits).toBeLessThanOrEqual(anatomy.cumulativeBits[Math.min(coded.trace.precision, anatomy.intprec)]!);
              // Subnormal blocks are the ones zfp 1.0 loses in conversion; every other block keeps within K.
              expect(anatomy.conversionOverflow).toBe(pattern === 'subnormal');
              if (anatomy.conversionOverflow) expect(coded.k).toBeNull();
              else if (coded.k !== null) expect(coded.relativeError).toBeLessThanOrEqual(coded.k);
            }
          }
        }
      });
    }
  }

  for (const type of TYPES) {
    it(`${type} reversible: every pattern decodes bit for bit, from compress's bits, in the form and precision the stage API picks`, () => {
      const forms = new Set<string>();
      for (const dims of DIMS) {
        for (const pattern of PATTERNS) {
          for (const seed of [1, 2]) {
            const block = generate(pattern, dims, type, seed);
            const anatomy = anatomyOf(block, 'reversible');
            const coded = codeBlock(anatomy, { mode: 'reversible' });
            expect({ stream: coded.stream, planes: coded.trace.planes }).toEqual(compressed(block.values, type, dims, { mode: 'reversible' }));
            expect(coded.decoded).toEqual(block.values);
            expect(coded.errors.every((e) => e === 0)).toBe(true);
            expect(coded).toMatchObject({ relativeError: 0, k: 0 });
            const { form, precision, stages: s } = anatomy.trace;
            forms.add(form);
            expect(anatomy.reversible!.precision).toBe(precision);
            expect(form).toBe(anatomy.reversible!.blockFloatExact ? 'block-float' : 'ieee-bits');
            // The IEEE form codes each value's bits as a two's-complement integer; no plane below the last one bit of any digit is sent.
            if (form === 'ieee-bits') expect(s!.ints).toEqual(stages.ieeeBitsToInts(block.values, type));
            const lowest = s!.negabinary.reduce((all, u) => all | u, 0n);
            expect(lowest & ((1n << BigInt(traitsOf(type).intprec - precision)) - 1n)).toBe(0n);
            // Header, precision field and every coded plane: nothing else is written.
            expect(coded.stream).toHaveLength(anatomy.headerBits + anatomy.cumulativeBits[precision]!);
            expect(coded.planeBits).toBe(anatomy.cumulativeBits[precision]);
          }
        }
      }
      expect([...forms].sort()).toEqual(['block-float', 'ieee-bits']);
    });
  }

  it('codes an all-zero block reversibly as one 0 bit, and refuses a setting of the other path', () => {
    const anatomy = anatomyOf(parseValues('0 0 0 0', 1, 'float32'), 'reversible');
    expect(codeBlock(anatomy, { mode: 'reversible' })).toMatchObject({ stream: '0', planeBits: 0, k: 0 });
    expect(anatomy.reversible).toEqual({ blockFloatExact: true, precision: 0 });
    expect(() => codeBlock(anatomy, { mode: 'precision', precision: 8 })).toThrow(ZfpParameterError);
    expect(() => codeBlock(anatomyOf(generate('smooth', 1, 'float64')), { mode: 'reversible' })).toThrow(ZfpParameterError);
  });

  it('counts each plane’s bits and the coefficients already significant, from the top plane down', () => {
    const anatomy = anatomyOf(generate('random', 3, 'float64', 3));
    const { cumulativeBits, significantBefore } = anatomy;
    expect(cumulativeBits).toHaveLength(65);
    expect(significantBefore).toHaveLength(64);
    for (let j = 1; j < 64; j++) {
      // Each plane costs at least one group-test bit and at least its verbatim bits.
      expect(cumulativeBits[j + 1]! - cumulativeBits[j]!).toBeGreaterThanOrEqual(Math.max(1, significantBefore[j]!));
      expect(significantBefore[j]!).toBeGreaterThanOrEqual(significantBefore[j - 1]!);
    }
    expect(significantBefore[0]).toBe(0);
    expect(significantBefore[63]).toBeLessThanOrEqual(64);
    // Random values make every coefficient significant long before the last plane.
    expect(significantBefore[40]).toBe(64);
  });

  it('marks a block whose block-float scale overflows as lost, with no K, and one just above the threshold as kept', () => {
    // float64: 2^(62 − emax) overflows for emax < −961, i.e. values below 2^−962.
    const lost = anatomyOf(parseValues(`${2 ** -963} 0 0 0`, 1, 'float64'));
    const kept = anatomyOf(parseValues(`${2 ** -962} 0 0 0`, 1, 'float64'));
    expect([lost.trace.emax, kept.trace.emax]).toEqual([-962, -961]);
    expect([lost.conversionOverflow, kept.conversionOverflow]).toEqual([true, false]);
    const config = { mode: 'precision', precision: 20 } as const;
    const garbled = codeBlock(lost, config);
    expect(garbled.k).toBeNull();
    // Every value decodes to the same −4·2^(emax−1): the zeros too, so the error exceeds the block's size.
    expect(garbled.relativeError).toBe(5);
    expect(codeBlock(kept, config).relativeError).toBe(0);
  });

  it('gives K_β for fixed precision, and nothing to bound for an all-zero block', () => {
    const smooth = codeBlock(anatomyOf(generate('smooth', 2, 'float32')), { mode: 'precision', precision: 12 });
    expect(smooth.k).toBe(kBeta(12, 2, 'float32'));
    const zero = codeBlock(anatomyOf(parseValues('0 0 0 0', 1, 'float64')), { mode: 'precision', precision: 12 });
    expect(zero).toMatchObject({ k: null, stream: '0', planeBits: 0 });
    expect(zero.relativeError).toBeNaN();
  });
});

describe('block values', () => {
  it('reads back exactly what it writes, subnormals and float32 roundings included', () => {
    for (const type of TYPES) {
      for (const pattern of PATTERNS) {
        const block = generate(pattern, 3, type, 5);
        expect(parseValues(formatValues(block), 3, type).values).toEqual(block.values);
      }
    }
    expect(parseValues('0.1, 1e-40;2\n3', 1, 'float32').values).toEqual(Float64Array.from([Math.fround(0.1), Math.fround(1e-40), 2, 3]));
  });

  it.each([
    ['1 2 3', 1, 'float64', 'a 1D block has 4 values, got 3'],
    ['1 2 3 NaN', 1, 'float64', 'value 4 (“NaN”) is not a finite number'],
    ['1 x 3 4', 1, 'float64', 'value 2 (“x”) is not a finite number'],
    ['1 2 3 1e39', 1, 'float32', 'value 4 overflows float32'],
    ['', 2, 'float64', 'a 2D block has 16 values, got 0'],
  ] as const)('refuses %j as a %iD %s block', (text, dims, type, message) => {
    expect(() => parseValues(text, dims, type)).toThrow(new BlockInputError(message));
  });
});
