import { ZfpParameterError } from '../errors.ts';
import { sequencyPermutation } from '../sequency.ts';

/**
 * Stage 3: list the transform coefficients by sequency (increasing total
 * frequency) instead of raster order, so that the large low-frequency ones
 * lead every bit plane and the embedded coder's runs of zeros get long.
 */

/** reordered[i] = block[perm[i]]: raster order → sequency order. */
export function reorder(block: BigInt64Array, dims: number): BigInt64Array {
  const perm = sequencyPermutation(dims);
  checkLength(block, perm);
  return BigInt64Array.from(perm, (p) => block[p]!);
}

/** Inverse of reorder: sequency order → raster order. */
export function unorder(reordered: BigInt64Array, dims: number): BigInt64Array {
  const perm = sequencyPermutation(dims);
  checkLength(reordered, perm);
  const block = new BigInt64Array(perm.length);
  perm.forEach((p, i) => (block[p] = reordered[i]!));
  return block;
}

function checkLength(block: BigInt64Array, perm: Uint8Array): void {
  if (block.length !== perm.length) throw new ZfpParameterError(`expected a block of ${perm.length} values, got ${block.length}`);
}
