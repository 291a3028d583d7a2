/**
 * Rounding float64 to IEEE-754-style binary formats narrow enough that the kept significand bits
 * lie in the double's high 32-bit word (float16, bfloat16), round to nearest, ties to even,
 * with gradual underflow. Integer arithmetic on the two 32-bit halves of the double, no BigInt.
 */

/** A binary floating-point format: sign bit, exponent field, fraction field. */
export interface NarrowFloatFormat {
  readonly name: string;
  readonly exponentBits: number;
  /** Stored fraction bits (significand precision minus the implicit bit); at most 19. */
  readonly fractionBits: number;
}

const view = new DataView(new ArrayBuffer(8));

function bias(f: NarrowFloatFormat): number {
  return (1 << (f.exponentBits - 1)) - 1;
}

function infinityBits(f: NarrowFloatFormat): number {
  return ((1 << f.exponentBits) - 1) << f.fractionBits;
}

/** Largest finite value of the format. */
export function maxFinite(f: NarrowFloatFormat): number {
  return (2 - 2 ** -f.fractionBits) * 2 ** bias(f);
}

/** Smallest magnitude that rounds to infinity: max finite plus half its ulp (the tie goes up, max is odd). */
export function overflowThreshold(f: NarrowFloatFormat): number {
  return (2 - 2 ** (-f.fractionBits - 1)) * 2 ** bias(f);
}

/** The format's bit pattern nearest to x (ties to even); overflow gives ±Infinity's pattern, NaN a quiet NaN. */
export function roundToBits(x: number, f: NarrowFloatFormat): number {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const m = f.fractionBits;
  const sign = (hi >>> 31) << (f.exponentBits + m);
  const biased = (hi >>> 20) & 0x7ff;
  if (biased === 0x7ff) return sign | infinityBits(f) | (lo !== 0 || (hi & 0xfffff) !== 0 ? 1 << (m - 1) : 0);
  const e = biased - 1023;
  const emin = 1 - bias(f);
  // Below half the smallest subnormal (double subnormals included): rounds to zero.
  if (e < emin - m - 1) return sign;
  const significand = (hi & 0xfffff) | 0x100000; // 1.f with the top 20 fraction bits
  const shift = 20 - m + Math.max(0, emin - e); // at most 21
  const kept = significand >>> shift;
  const rest = significand & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  const roundUp = rest > half || (rest === half && (lo !== 0 || (kept & 1) === 1));
  // Normal: kept carries the implicit bit, which adds the 1 the biased exponent is short of.
  // A carry out of the fraction moves into the exponent field, which is the correct result.
  const bits = (e < emin ? 0 : (e + bias(f) - 1) << m) + kept + (roundUp ? 1 : 0);
  return sign | Math.min(bits, infinityBits(f));
}

/** The value of a bit pattern of the format (exact in float64). */
export function bitsToNumber(bits: number, f: NarrowFloatFormat): number {
  const m = f.fractionBits;
  const field = (bits >>> m) & ((1 << f.exponentBits) - 1);
  const fraction = bits & ((1 << m) - 1);
  const sign = (bits >>> (f.exponentBits + m)) & 1 ? -1 : 1;
  if (field === (1 << f.exponentBits) - 1) return fraction === 0 ? sign * Infinity : NaN;
  const magnitude =
    field === 0
      ? fraction * 2 ** (1 - bias(f) - m)
      : ((1 << m) + fraction) * 2 ** (field - bias(f) - m);
  return sign * magnitude;
}
