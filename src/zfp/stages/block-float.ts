import { floorLog2 } from '../params.ts';
import { traitsOf } from '../traits.ts';

/**
 * Block-floating-point conversion, stage 1 of zfp's lossy path: a block of
 * floats becomes integers that share one exponent. The integers carry
 * q = intprec − 2 fraction bits, which leaves two bits of headroom for the
 * growth of the decorrelating transform that follows.
 */

/** The floating types zfp represents in block-floating-point form. */
export type FloatType = 'float32' | 'float64';

/** Fraction bits of the block integers: 62 for float64, 30 for float32. */
export function fractionBits(type: FloatType): 62 | 30 {
  return type === 'float64' ? 62 : 30;
}

/** The value as the scalar type holds it (float32 data is rounded to float32 first). */
function asScalar(x: number, type: FloatType): number {
  return type === 'float32' ? Math.fround(x) : x;
}

/**
 * The common exponent zfp 1.0 gives a block: frexp's exponent e of the largest
 * magnitude (so every |x| < 2^e), at least 1 − ebias so that subnormal blocks
 * share the smallest normal exponent; −ebias for an all-zero block.
 * NaNs never win the "largest magnitude" comparison, as in zfp; an infinity
 * gets exponent 0, which is what glibc's frexp reports for it.
 */
export function blockExponent(values: ArrayLike<number>, type: FloatType): number {
  const { ebias } = traitsOf(type);
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(asScalar(values[i]!, type));
    if (max < magnitude) max = magnitude;
  }
  if (max === 0) return -ebias;
  const frexpExponent = max === Infinity ? 0 : floorLog2(max) + 1;
  return Math.max(frexpExponent, 1 - ebias);
}

/** The "integer indefinite" an x86-64 float-to-int conversion gives when the result is out of range (or NaN). */
function integerIndefinite(type: FloatType): bigint {
  return -(1n << BigInt(fractionBits(type) + 1));
}

/**
 * y = trunc(x · 2^(q − emax)), computed in the scalar's own arithmetic as zfp's
 * C code does. The scale factor 2^(q − emax) overflows to infinity when emax is
 * very small (float64 blocks with emax < −961, float32 blocks with emax < −97);
 * the products are then ±∞ or NaN and each converts to the integer indefinite,
 * −2^(q+1). That loses such blocks entirely, exactly as zfp 1.0 does on x86-64.
 */
export function toBlockFloat(values: ArrayLike<number>, emax: number, type: FloatType): BigInt64Array {
  const q = fractionBits(type);
  const limit = 2 ** (q + 1);
  const scale = asScalar(2 ** (q - emax), type);
  const ints = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const y = Math.trunc(asScalar(scale * asScalar(values[i]!, type), type));
    ints[i] = y >= -limit && y < limit ? BigInt(y) : integerIndefinite(type);
  }
  return ints;
}

/** x = 2^(emax − q) · y, each step rounded to the scalar type (float32 results are exact in the returned doubles). */
export function fromBlockFloat(ints: BigInt64Array, emax: number, type: FloatType): Float64Array {
  const scale = asScalar(2 ** (emax - fractionBits(type)), type);
  return Float64Array.from(ints, (y) => asScalar(scale * asScalar(Number(y), type), type));
}
