import type { IntWidth } from './lifting.ts';

/**
 * Stage 4: two's complement → negabinary (base −2). In negabinary a small
 * magnitude has only low bits set whatever its sign, so the bit planes of
 * small coefficients stay zero from the top down; no separate sign bit is needed.
 * With mask = 0b1010…10, u = (y + mask) XOR mask, all modulo 2^width.
 */

function negabinaryMask(width: IntWidth): bigint {
  return BigInt.asUintN(width, 0xaaaaaaaaaaaaaaaan);
}

/** Negabinary digits of the width-bit signed integer y, as an unsigned width-bit integer. */
export function toNegabinary(y: bigint, width: IntWidth): bigint {
  const mask = negabinaryMask(width);
  return BigInt.asUintN(width, y + mask) ^ mask;
}

/** The width-bit signed integer whose negabinary digits are u (the inverse of toNegabinary). */
export function fromNegabinary(u: bigint, width: IntWidth): bigint {
  const mask = negabinaryMask(width);
  return BigInt.asIntN(width, (u ^ mask) - mask);
}

export function toNegabinaryBlock(block: BigInt64Array, width: IntWidth): BigUint64Array {
  return BigUint64Array.from(block, (y) => toNegabinary(y, width));
}

export function fromNegabinaryBlock(ublock: BigUint64Array, width: IntWidth): BigInt64Array {
  return BigInt64Array.from(ublock, (u) => fromNegabinary(u, width));
}
