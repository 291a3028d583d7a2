import { bitsToNumber, roundToBits, type NarrowFloatFormat } from './narrow-float.ts';

/** bfloat16: float32's 8 exponent bits with 7 fraction bits; subnormals down to 2^-133. */
export const BFLOAT16: NarrowFloatFormat = { name: 'bfloat16', exponentBits: 8, fractionBits: 7 };

/**
 * bfloat16 bit pattern nearest to x, ties to even; overflow gives ±Infinity's pattern.
 * Rounds from float64 directly: going through float32 would round twice and can miss ties.
 */
export function bfloat16Bits(x: number): number {
  return roundToBits(x, BFLOAT16);
}

export function bfloat16Value(bits: number): number {
  return bitsToNumber(bits, BFLOAT16);
}

/** x rounded to bfloat16, as a float64. */
export function roundToBfloat16(x: number): number {
  return bfloat16Value(bfloat16Bits(x));
}
