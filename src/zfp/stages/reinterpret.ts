import type { FloatType } from './block-float.ts';

/**
 * Reversible mode's fallback for blocks that block-floating-point cannot
 * reproduce exactly: take each value's IEEE bits as a sign-magnitude integer
 * and turn it into two's complement, so that the (integer-exact) reversible
 * transform and coder can carry it. Negative values flip their magnitude bits;
 * the map is its own inverse.
 */

// Typed-array views rather than a DataView: V8's DataView canonicalizes float32 NaNs, typed arrays keep their payloads.
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

function magnitudeMask(type: FloatType): bigint {
  return type === 'float64' ? (1n << 63n) - 1n : (1n << 31n) - 1n;
}

function signMagnitudeToTwos(bits: bigint, type: FloatType): bigint {
  return bits < 0n ? bits ^ magnitudeMask(type) : bits;
}

export function ieeeBitsToInts(values: ArrayLike<number>, type: FloatType): BigInt64Array {
  return BigInt64Array.from({ length: values.length }, (_, i) => {
    let bits: bigint;
    if (type === 'float64') {
      f64[0] = values[i]!;
      bits = i64[0]!;
    } else {
      f32[0] = values[i]!;
      bits = BigInt(i32[0]!);
    }
    return signMagnitudeToTwos(bits, type);
  });
}

export function intsToIeeeBits(ints: BigInt64Array, type: FloatType): Float64Array {
  return Float64Array.from(ints, (y) => {
    const bits = signMagnitudeToTwos(y, type);
    if (type === 'float64') {
      i64[0] = bits;
      return f64[0]!;
    }
    i32[0] = Number(bits);
    return f32[0]!;
  });
}
