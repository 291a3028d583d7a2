import { bitsToNumber, roundToBits, type NarrowFloatFormat } from './narrow-float.ts';

/** IEEE 754 binary16: 5 exponent bits, 10 fraction bits; max 65504, subnormals down to 2^-24. */
export const FLOAT16: NarrowFloatFormat = { name: 'float16', exponentBits: 5, fractionBits: 10 };

/** float16 bit pattern nearest to x, ties to even; overflow gives ±Infinity's pattern. */
export function float16Bits(x: number): number {
  return roundToBits(x, FLOAT16);
}

export function float16Value(bits: number): number {
  return bitsToNumber(bits, FLOAT16);
}

/** x rounded to float16, as a float64. */
export function roundToFloat16(x: number): number {
  return float16Value(float16Bits(x));
}
