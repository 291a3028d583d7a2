import fc from 'fast-check';
import type { SzConfig, SzField, SzScalarType } from '../../src/sz/types.ts';

/** Values that stress the bound: subnormals, ±0, values near overflow, smooth data, and mixtures. */
const value64 = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE) },
  { weight: 1, arbitrary: fc.double({ min: -1e-300, max: 1e-300, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

const shapeArb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 40 })).map((s) => [...s]),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 })).map((s) => [...s]),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).map((s) => [...s]),
);

/** A field of one of four kinds: arbitrary values, a constant, a smooth wave with noise, or a wave of huge amplitude. */
export const fieldArb: fc.Arbitrary<SzField> = fc
  .record({
    type: fc.constantFrom<SzScalarType>('float32', 'float64'),
    shape: shapeArb,
    kind: fc.constantFrom('arbitrary', 'constant', 'smooth', 'huge'),
    seedValues: fc.array(value64, { minLength: 64, maxLength: 64 }),
    scale: fc.double({ min: 1e-8, max: 1e8, noNaN: true }),
  })
  .map(({ type, shape, kind, seedValues, scale }) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const raw = Array.from({ length: n }, (_, i) => {
      switch (kind) {
        case 'arbitrary':
          return seedValues[i % 64]!;
        case 'constant':
          return seedValues[0]!;
        case 'smooth':
          return scale * Math.sin(i * 0.3) + 1e-3 * scale * (seedValues[i % 64]! % 1);
        default:
          return 1e300 * Math.sin(i * 0.7);
      }
    });
    const data = type === 'float32' ? Float32Array.from(raw) : Float64Array.from(raw);
    return { type, shape, data };
  });

export const configArb: fc.Arbitrary<SzConfig> = fc.oneof(
  fc.oneof(fc.double({ min: 1e-12, max: 10, noNaN: true }), fc.constantFrom(0, Number.MIN_VALUE, 1e-310, 1e300)).map((tolerance) => ({ mode: 'abs' as const, tolerance })),
  fc.oneof(fc.double({ min: 1e-9, max: 0.5, noNaN: true }), fc.constant(0)).map((ratio) => ({ mode: 'rel' as const, ratio })),
);

/** Largest |decoded − original|; ∞ if a value is not finite where the original was or differs in NaN-ness. */
export function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const d = Math.abs(x - y);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  return worst;
}
