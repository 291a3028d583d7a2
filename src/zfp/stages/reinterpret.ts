import type { FloatType } from './block-float.ts';

/**
 * Reversible mode's fallback for blocks that block-floating-point cannot
 * reproduce exactly: take each value's IEEE bits as a sign-magnitude integer
 * and turn it into two's complement, so that the (integer-exact) reversible
 * transform and coder can carry it. Negative values flip their magnitude bits;
 * the map is its own inverse.
 */

const view = new DataView(new ArrayBuffer(8));

function magnitudeMask(type: FloatType): bigint {
  return type === 'float64' ? (1n << 63n) - 1n : (1n << 31n) - 1n;
}

function signMagnitudeToTwos(bits: bigint, type: FloatType): bigint {
  return bits < 0n ? bits ^ magnitudeMask(type) : bits;
}

export function ieeeBitsToInts(values: ArrayLike<number>, type: FloatType): BigInt64Array {
  return BigInt64Array.from({ length: values.length }, (_, i) => {
    if (type === 'float64') view.setFloat64(0, values[i]!);
    else view.setFloat32(0, values[i]!);
    const bits = type === 'float64' ? view.getBigInt64(0) : BigInt(view.getInt32(0));
    return signMagnitudeToTwos(bits, type);
  });
}

export function intsToIeeeBits(ints: BigInt64Array, type: FloatType): Float64Array {
  return Float64Array.from(ints, (y) => {
    const bits = signMagnitudeToTwos(y, type);
    if (type === 'float64') {
      view.setBigInt64(0, bits);
      return view.getFloat64(0);
    }
    view.setInt32(0, Number(bits));
    return view.getFloat32(0);
  });
}
