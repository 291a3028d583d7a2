import fc from 'fast-check';
import type { ScalarType, ZfpConfig } from '../../src/zfp/types.ts';

/** Generators shared by the codec tests: blocks and fields of varied scale, and configurations of every mode. */

export type FloatType = 'float32' | 'float64';

// Typed-array views, not a DataView: V8's DataView canonicalizes float32 NaN payloads.
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The IEEE bits of a double, or of a float32 (for exact comparisons, NaN payloads and zero signs included). */
export function bitsOf(x: number, type: FloatType): bigint {
  if (type === 'float64') {
    f64[0] = x;
    return u64[0]!;
  }
  f32[0] = x;
  return BigInt(u32[0]!);
}

export function sameBits(a: ArrayLike<number>, b: ArrayLike<number>, type: FloatType): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (bitsOf(a[i]!, type) !== bitsOf(b[i]!, type)) return false;
  return true;
}

/** Finite values: a smooth ramp plus noise at a random scale, sometimes with exact zeros, tiny or subnormal values. */
export function finiteValues(count: number, type: FloatType, exponents?: { min: number; max: number }): fc.Arbitrary<number[]> {
  const minExp = exponents?.min ?? (type === 'float64' ? -1074 : -149);
  const maxExp = exponents?.max ?? (type === 'float64' ? 1000 : 120);
  return fc
    .record({
      scale: fc.integer({ min: minExp, max: maxExp }),
      slope: fc.double({ min: -1, max: 1, noNaN: true }),
      noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: count, maxLength: count }),
      zeros: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      noisy: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ scale, slope, noise, zeros, noisy }) =>
      noise.map((r, i) => {
        if (zeros[i] && noisy > 0.8) return 0;
        const x = (slope * i / count + noisy * r) * 2 ** scale;
        return type === 'float32' ? Math.fround(x) : x;
      }),
    );
}

/** Any bit pattern of the type: NaNs (quiet and signalling), ±Inf, −0, subnormals. */
export function anyValue(type: FloatType): fc.Arbitrary<number> {
  const special = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 5e-324, -5e-324, 2 ** -149, 1, -1);
  const fromBits =
    type === 'float64'
      ? fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((b) => {
          u64[0] = b;
          return f64[0]!;
        })
      : fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((b) => {
          u32[0] = b;
          return f32[0]!;
        });
  return fc.oneof(fromBits, special.map((x) => (type === 'float32' ? Math.fround(x) : x)));
}

export function lossyConfig(type: FloatType): fc.Arbitrary<ZfpConfig> {
  const maxPrec = type === 'float64' ? 64 : 32;
  return fc.oneof(
    fc.integer({ min: 1, max: maxPrec + 4 }).map((precision): ZfpConfig => ({ mode: 'precision', precision: Math.min(precision, 64) })),
    fc.double({ min: 0.25, max: type === 'float64' ? 70 : 36, noNaN: true }).map((rate): ZfpConfig => ({ mode: 'rate', rate })),
    fc.integer({ min: -1070, max: 100 }).map((e): ZfpConfig => ({ mode: 'accuracy', tolerance: 2 ** e * 1.5 })),
    fc
      .record({
        minbits: fc.integer({ min: 0, max: 3000 }),
        extra: fc.integer({ min: 0, max: 3000 }),
        maxprec: fc.integer({ min: 1, max: 64 }),
        minexp: fc.integer({ min: -1074, max: 200 }),
      })
      .map(({ minbits, extra, maxprec, minexp }): ZfpConfig => ({
        mode: 'expert',
        minbits,
        maxbits: Math.max(minbits + extra, 1 + (type === 'float64' ? 11 : 8)),
        maxprec,
        minexp,
      })),
  );
}

export const dimsArb = fc.integer({ min: 1, max: 4 });
export const floatTypeArb = fc.constantFrom<FloatType>('float32', 'float64');

export function typedArrayOf(type: ScalarType, values: readonly number[]): Float64Array | Float32Array {
  return type === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
}

export function blockShape(dims: number): number[] {
  return new Array<number>(dims).fill(4);
}
