/**
 * Stage 5: transpose the block. The embedded coder sends bit k of every
 * coefficient together, most significant plane first; plane k is held as a
 * bigint whose bit i is bit k of coefficient i (in sequency order).
 */

/** planes[k] for k = 0 … intprec−1 (planes[intprec − 1] is the most significant). */
export function bitPlanes(ublock: BigUint64Array, intprec: number): bigint[] {
  const planes: bigint[] = [];
  for (let k = 0; k < intprec; k++) {
    let plane = 0n;
    for (let i = ublock.length - 1; i >= 0; i--) plane = (plane << 1n) | ((ublock[i]! >> BigInt(k)) & 1n);
    planes.push(plane);
  }
  return planes;
}

/** The `size` coefficients whose bit planes these are (inverse of bitPlanes). */
export function fromBitPlanes(planes: readonly bigint[], size: number): BigUint64Array {
  const ublock = new BigUint64Array(size);
  for (let i = 0; i < size; i++) {
    let u = 0n;
    for (let k = planes.length - 1; k >= 0; k--) u = (u << 1n) | ((planes[k]! >> BigInt(i)) & 1n);
    ublock[i] = u;
  }
  return ublock;
}

/** Bit i of a plane, as the 0 or 1 a bit stream takes. */
export function planeBit(plane: bigint, i: number): 0 | 1 {
  return (plane >> BigInt(i)) & 1n ? 1 : 0;
}
