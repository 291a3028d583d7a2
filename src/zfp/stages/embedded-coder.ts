import type { BitReader, BitWriter } from '../bitstream.ts';
import { bitPlanes, fromBitPlanes, planeBit } from './bit-planes.ts';

/**
 * Stage 6: zfp's embedded coder. Bit planes go out from the most significant
 * down, and within a plane the coefficients are in sequency order:
 *  - the first n coefficients, those already found significant (nonzero) in a
 *    higher plane, send their bit verbatim;
 *  - the rest are coded by group tests: one bit says whether any one-bit is
 *    left in the plane; if so, a unary run (zeros, then a one) locates the next
 *    one, which makes that coefficient significant. The last coefficient's one
 *    is implied and not sent.
 * Cutting the stream anywhere still leaves a valid, coarser block, which is
 * what lets fixed-rate mode stop at a bit budget.
 */

/** What coding one block's integers did. */
export interface CoderResult {
  /** Bits written or read. */
  readonly bits: number;
  /** Bit planes coded completely before the budget ran out (counted from the most significant). */
  readonly planes: number;
}

export interface DecodedInts extends CoderResult {
  readonly ublock: BigUint64Array;
}

/**
 * zfp codes with a bit budget only when it can bind: all maxprec planes of a
 * block need at most (maxprec + 1)·size − 1 bits. Below that, the budget is
 * counted; otherwise it is ignored. Both give the same bits whenever the budget
 * does not run out, so a single loop serves the rate-constrained and the
 * unconstrained coder.
 */
function budgetOf(maxbits: number, maxprec: number, size: number): number {
  return (maxprec + 1) * size - 1 > maxbits ? maxbits : Infinity;
}

/** Planes coded: intprec−1 down to kmin. */
function lowestPlane(maxprec: number, intprec: number): number {
  return Math.max(0, intprec - maxprec);
}

/**
 * A plane is coded completely when its verbatim bits all went out and its
 * group tests reached the end: a test that found no one-bit left, or the last
 * coefficient. Otherwise the budget ran out inside the plane.
 */
function isComplete(verbatim: number, significantBefore: number, groupTestEnded: boolean, n: number, size: number): boolean {
  return verbatim === significantBefore && (groupTestEnded || n === size);
}

/** Encode the negabinary coefficients (sequency order) within maxbits bits and maxprec planes. */
export function encodeInts(writer: BitWriter, maxbits: number, maxprec: number, ublock: BigUint64Array, intprec: number): CoderResult {
  const size = ublock.length;
  const planes = bitPlanes(ublock, intprec);
  const start = writer.tell();
  let budget = budgetOf(maxbits, maxprec, size);
  let complete = 0;
  let n = 0; // coefficients known to be significant: a prefix in sequency order
  for (let k = intprec - 1; k >= lowestPlane(maxprec, intprec) && budget > 0; k--) {
    const plane = planes[k]!;
    const significantBefore = n;
    const verbatim = Math.min(n, budget);
    for (let i = 0; i < verbatim; i++) writer.writeBit(planeBit(plane, i));
    budget -= verbatim;
    let groupTestEnded = false;
    while (n < size && budget > 0) {
      budget--;
      const anyLeft = plane >> BigInt(n) !== 0n;
      writer.writeBit(anyLeft ? 1 : 0);
      if (!anyLeft) {
        groupTestEnded = true;
        break;
      }
      // Unary run to the next one; the last coefficient's one needs no bit.
      while (n < size - 1 && budget > 0) {
        budget--;
        if (writer.writeBit(planeBit(plane, n))) break;
        n++;
      }
      n++;
    }
    if (isComplete(verbatim, significantBefore, groupTestEnded, n, size)) complete++;
  }
  return { bits: writer.tell() - start, planes: complete };
}

/**
 * Decode what encodeInts wrote for `size` coefficients. Like zfp 1.0, a run cut
 * short by the budget still marks the coefficient it stopped at as a one.
 */
export function decodeInts(reader: BitReader, maxbits: number, maxprec: number, size: number, intprec: number): DecodedInts {
  const planes: bigint[] = new Array<bigint>(intprec).fill(0n);
  const start = reader.tell();
  let budget = budgetOf(maxbits, maxprec, size);
  let complete = 0;
  let n = 0;
  for (let k = intprec - 1; k >= lowestPlane(maxprec, intprec) && budget > 0; k--) {
    let plane = 0n;
    const significantBefore = n;
    const verbatim = Math.min(n, budget);
    for (let i = 0; i < verbatim; i++) plane |= BigInt(reader.readBit()) << BigInt(i);
    budget -= verbatim;
    let groupTestEnded = false;
    while (n < size && budget > 0) {
      budget--;
      if (!reader.readBit()) {
        groupTestEnded = true;
        break;
      }
      while (n < size - 1 && budget > 0) {
        budget--;
        if (reader.readBit()) break;
        n++;
      }
      plane |= 1n << BigInt(n);
      n++;
    }
    planes[k] = plane;
    if (isComplete(verbatim, significantBefore, groupTestEnded, n, size)) complete++;
  }
  return { ublock: fromBitPlanes(planes, size), bits: reader.tell() - start, planes: complete };
}
