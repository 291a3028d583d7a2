import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BFLOAT16, bfloat16Bits, bfloat16Value, roundToBfloat16 } from '../../src/array/bfloat16.ts';
import { FLOAT16, float16Bits, float16Value, roundToFloat16 } from '../../src/array/float16.ts';
import { bitsToNumber, maxFinite, overflowThreshold, roundToBits, type NarrowFloatFormat } from '../../src/array/narrow-float.ts';

describe('float16 rounding', () => {
  it.each([
    [1, 0x3c00],
    [-2, 0xc000],
    [-0, 0x8000],
    [65504, 0x7bff],
    [65519.99, 0x7bff], // just below the overflow threshold 65520
    [65520, 0x7c00], // the tie between max and 2^16 goes to the even pattern, infinity
    [1 + 2 ** -11, 0x3c00], // tie: down to even
    [1 + 3 * 2 ** -11, 0x3c02], // tie: up to even
    [1 + 2 ** -11 + 2 ** -40, 0x3c01], // above the tie only through the double's low word
    [2 ** -14, 0x0400], // smallest normal
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -25, 0x0000], // tie between 0 and the smallest subnormal: to even, zero
    [2 ** -25 + 2 ** -70, 0x0001],
    [3 * 2 ** -25, 0x0002], // subnormal tie: up to even
    [2 ** -14 - 2 ** -25, 0x0400], // tie between the largest subnormal and the smallest normal
    [5e-324, 0x0000], // double subnormal
    [Infinity, 0x7c00],
  ])('%s -> %s', (x, bits) => {
    expect(float16Bits(x)).toBe(bits);
  });

  it('decodes', () => {
    expect(float16Value(0x7bff)).toBe(65504);
    expect(float16Value(0x0001)).toBe(2 ** -24);
    expect(float16Value(0x03ff)).toBe(1023 * 2 ** -24);
    expect(float16Value(0x3555)).toBe(0.333251953125);
    expect(float16Value(0xfc00)).toBe(-Infinity);
    expect(float16Value(0x8000)).toBe(-0);
    expect(float16Value(float16Bits(NaN))).toBeNaN();
    expect(maxFinite(FLOAT16)).toBe(65504);
    expect(overflowThreshold(FLOAT16)).toBe(65520);
  });
});

describe('bfloat16 rounding', () => {
  it.each([
    [1, 0x3f80],
    [-1.5, 0xbfc0],
    [3.3895313892515355e38, 0x7f7f], // max finite (2 − 2^-7)·2^127
    [(2 - 2 ** -8) * 2 ** 127, 0x7f80], // the overflow tie goes to infinity
    [1 + 2 ** -8, 0x3f80],
    [1 + 3 * 2 ** -8, 0x3f82],
    // float32 would first round this to the tie 1 + 2^-8 and then to 1: rounding twice is wrong.
    [1 + 2 ** -8 + 2 ** -30, 0x3f81],
    [2 ** -126, 0x0080], // float32's smallest normal
    [2 ** -133, 0x0001], // smallest subnormal
    [2 ** -134, 0x0000],
    [3 * 2 ** -134, 0x0002],
  ])('%s -> %s', (x, bits) => {
    expect(bfloat16Bits(x)).toBe(bits);
  });

  it('decodes', () => {
    expect(bfloat16Value(0x7f7f)).toBe(maxFinite(BFLOAT16));
    expect(maxFinite(BFLOAT16)).toBe(3.3895313892515355e38);
    expect(bfloat16Value(0x0001)).toBe(2 ** -133);
    expect(bfloat16Value(0x4049)).toBe(3.140625);
  });
});

/** Checks that r = round(x) is a nearest format value to x and wins ties by an even pattern. */
function isCorrectlyRounded(x: number, f: NarrowFloatFormat): boolean {
  const bits = roundToBits(x, f);
  const r = bitsToNumber(bits, f);
  const d = Math.abs(x - r);
  const magnitude = bits & ~(1 << (f.exponentBits + f.fractionBits));
  const neighbours = [magnitude + 1, magnitude - 1].filter((b) => b >= 0);
  return neighbours.every((b) => {
    const dn = Math.abs(Math.abs(x) - bitsToNumber(b, f));
    return d < dn || (d === dn && (magnitude & 1) === 0);
  });
}

describe.each([
  ['float16', FLOAT16, roundToFloat16],
  ['bfloat16', BFLOAT16, roundToBfloat16],
] as const)('%s properties', (_, format, round) => {
  const limit = overflowThreshold(format);
  const finite = fc.double({ noNaN: true, min: -limit, max: limit, minExcluded: true, maxExcluded: true });
  // Values near the format's ulp grid, where ties and subnormals live.
  const onGrid = fc
    .tuple(fc.integer({ min: -(2 ** 12), max: 2 ** 12 }), fc.integer({ min: -140, max: 120 }))
    .map(([n, e]) => (n / 2) * 2 ** e)
    .filter((x) => Math.abs(x) < limit);

  it('rounds to a nearest value, ties to even, within half an ulp', () => {
    fc.assert(fc.property(fc.oneof(finite, onGrid), (x) => isCorrectlyRounded(x, format)), { numRuns: 5000 });
  });

  it('is idempotent and odd', () => {
    fc.assert(
      fc.property(fc.oneof(finite, onGrid), (x) => {
        const r = round(x);
        return Number.isFinite(r) && Object.is(round(r), r) && Object.is(round(-x), -r);
      }),
      { numRuns: 5000 },
    );
  });
});
