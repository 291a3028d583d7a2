import type { BitReader, BitWriter } from '../bitstream.ts';

/*
 * What the three plane coders (one-word, two-word, eight-word planes) share: zfp's embedded
 * coder on negabinary coefficients held as 32-bit words (u64 coefficients as (hi, lo) pairs).
 * Bit planes go from the most significant down; within a plane the first n bits (coefficients
 * already significant) are sent verbatim and the rest by group tests: "any one-bit left?" then
 * the run of zeros up to it. A plane is a bit mask over the block's coefficients. The loops work
 * on the stream's words and bit position directly: writing a zero is advancing the position, a
 * run of zeros is read with one ctz.
 *
 * A bit budget (maxbits) only cuts the code short, so every coder codes whole planes until it
 * reaches the budget's end: the encoder then trims the last plane back to it, the decoder undoes
 * that plane and reads it again bit by bit against the budget (readCutPlane).
 */

/** Result of one encode/decode, in a caller's object. */
export interface PlaneCount {
  /** Bit planes coded completely. */
  planes: number;
  /** Lowest bit plane any bit was coded in (every coefficient is a multiple of 2^lowest). */
  lowest: number;
}

/** Codes the bit planes of one block shape: planes intprec − 1 … intprec − maxprec, within maxbits. */
export interface PlaneCoder {
  /** Encode the negabinary coefficients (uhi, ulo); returns bits written. */
  encode(w: BitWriter, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number;
  /**
   * Decode what encode() wrote into (uhi, ulo); returns bits read. For 64-bit coefficients
   * coded no lower than plane 32 (out.lowest ≥ 32) every low word is zero, and `ulo` is left as
   * it was: the double inverse never reads it, and the other readers clear it first.
   */
  decode(r: BitReader, maxbits: number, maxprec: number, uhi: Int32Array, ulo: Int32Array, intprec: number, out: PlaneCount): number;
}

/** Planes of one 32-bit coefficient word (the upper word of 64-bit coefficients holds planes 32 … 63). */
export const WORD_PLANES = 32;

/** Is the bit budget tighter than the worst case? (zfp's with_maxbits, in unsigned arithmetic.) */
export function budgetBinds(maxbits: number, maxprec: number, size: number): boolean {
  return ((maxprec + 1) * size - 1) >>> 0 > maxbits >>> 0;
}

/** Few bits to move: handling them one by one beats transposing 32×32 bit matrices (about 150 bit tests per transpose). */
export function testBitwise(size: number, planes: number): boolean {
  return size * planes < 150 * ((size + 31) >> 5);
}

/** The lowest plane coded: zfp's intprec − maxprec, or 0. */
export function lowestPlane(intprec: number, maxprec: number): number {
  return intprec > maxprec ? intprec - maxprec : 0;
}

/**
 * Where coding from `start` must stop: the budget's end if it binds, else an end the plane loops
 * never reach when coding planes intprec − 1 … kmin (every plane takes at most 2·size + 1 bits).
 * An integer either way keeps the loops' test cheap.
 */
export function codingEnd(start: number, maxbits: number, maxprec: number, size: number, intprec: number, kmin: number): number {
  return start + (budgetBinds(maxbits, maxprec, size) ? maxbits >>> 0 : (intprec - kmin + 1) * (2 * size + 1));
}

/**
 * Finish an encode whose planes intprec − 1 … lowest ended at `pos`: a plane passing `end` is
 * cut back to it (the bits past it cleared, the buffer being zero there before). Returns bits written.
 */
export function finishEncode(w: BitWriter, start: number, end: number, pos: number, intprec: number, lowest: number, out: PlaneCount): number {
  const cut = pos > end;
  if (cut) {
    clearFrom(w.words, end, pos);
    pos = end;
  }
  w.pos = pos;
  out.planes = intprec - lowest - (cut ? 1 : 0);
  out.lowest = lowest;
  return pos - start;
}

/** Finish a decode whose planes ended at `pos`, `planes` of them complete, the lowest read being `lowest`. Returns bits read. */
export function finishDecode(r: BitReader, start: number, pos: number, planes: number, lowest: number, out: PlaneCount): number {
  r.pos = pos;
  out.planes = planes;
  out.lowest = lowest;
  return pos - start;
}

export function ctz(m: number): number {
  return 31 - Math.clz32(m & -m);
}

/** Set the bit at `pos` (the buffer is zero elsewhere). */
export function setBit(words: Uint32Array, pos: number): void {
  words[pos >>> 5]! |= 1 << (pos & 31);
}

/**
 * After a positive group test at pos: the run of zeros from coefficient n up to the one-bit at j,
 * and that one-bit unless j is the last coefficient (then it is implied). Returns the new position.
 */
export function emitRun(words: Uint32Array, pos: number, n: number, j: number, size: number): number {
  setBit(words, pos++);
  if (j < size - 1) {
    pos += j - n;
    setBit(words, pos++);
    return pos;
  }
  return pos + size - 1 - n;
}

/** Position of the first one-bit at or after n in the 64-bit plane x1:x0, or -1. */
function firstOne(x0: number, x1: number, n: number): number {
  if (n < 32) {
    const r0 = x0 & (-1 << n);
    return r0 !== 0 ? ctz(r0) : x1 !== 0 ? 32 + ctz(x1) : -1;
  }
  const r1 = x1 & (-1 << (n - 32));
  return r1 !== 0 ? 32 + ctz(r1) : -1;
}

/**
 * Code the plane x1:x0 of at most 64 coefficients at pos, n of them significant before it:
 * n bits verbatim, then the group tests. Returns the position after the plane.
 */
export function putPlane(words: Uint32Array, pos: number, n: number, size: number, x0: number, x1: number): number {
  if (n <= 32) put(words, pos, x0, n);
  else {
    put(words, pos, x0, 32);
    put(words, pos + 32, x1, n - 32);
  }
  pos += n;
  while (n < size) {
    const j = firstOne(x0, x1, n);
    if (j < 0) return pos + 1; // negative group test
    pos = emitRun(words, pos, n, j, size);
    n = j + 1;
  }
  return pos;
}

/** Coefficients significant after the plane x1:x0 when n were before it: the group tests end past its last one-bit. */
export function significantAfter(n: number, x0: number, x1: number): number {
  const last = x1 !== 0 ? 64 - Math.clz32(x1) : 32 - Math.clz32(x0);
  return last > n ? last : n;
}

/** Zero bits from … to − 1 of a buffer that is zero from `to` on. */
function clearFrom(words: Uint32Array, from: number, to: number): void {
  const i = from >>> 5;
  words[i]! &= (1 << (from & 31)) - 1;
  for (let j = i + 1; j * 32 < to; j++) words[j] = 0;
}

/**
 * Write n (0..32) bits of v at pos into a zeroed buffer. Branch-free (whether the bits straddle
 * two words is a coin toss per plane): the next word always takes the spill, often none.
 */
export function put(words: Uint32Array, pos: number, v: number, n: number): void {
  v &= n < 32 ? (1 << n) - 1 : -1;
  const i = pos >>> 5, r = pos & 31;
  words[i]! |= v << r;
  words[i + 1]! |= (v >>> (31 - r)) >>> 1;
}

/** The 32 bits from pos (zeros past the end); two shifts, as a shift count of 32 would be taken mod 32. */
export function peek(words: Uint32Array, pos: number): number {
  const i = pos >>> 5, r = pos & 31;
  return ((words[i] ?? 0) >>> r) | (((words[i + 1] ?? 0) << (31 - r)) << 1);
}

/** Read n (0..32) bits at pos; zeros past the end. */
export function get(words: Uint32Array, pos: number, n: number): number {
  const v = peek(words, pos);
  return n === 32 ? v : v & ((1 << n) - 1);
}

/** Zeros at pos before the next one-bit, at most `limit`. Runs are short: one 32-bit window usually settles it. */
export function zerosAt(words: Uint32Array, pos: number, limit: number): number {
  for (let z = 0; ; z += 32, pos += 32) {
    const w = peek(words, pos);
    if (w !== 0) return Math.min(z + ctz(w), limit);
    if (z + 32 >= limit) return limit;
  }
}

/** Result of readCutPlane, in a coder's reusable object. */
export interface CutPlane {
  /** Stream position after the plane. */
  pos: number;
  /** Whether the budget left the plane whole. */
  complete: boolean;
}

/**
 * Read the plane the budget cuts, with n coefficients significant before it and `bits` bits left,
 * into mask (bit i of word i >> 5 for coefficient i). A run cut short still marks coefficient n
 * significant, as zfp does.
 */
export function readCutPlane(words: Uint32Array, pos: number, n: number, bits: number, size: number, mask: Int32Array, out: CutPlane): void {
  const verbatim = n < bits ? n : bits;
  bits -= verbatim;
  for (let j = 0, left = verbatim, at = pos; j * 32 < size; j++, left -= 32, at += 32) mask[j] = left > 0 ? get(words, at, left < 32 ? left : 32) : 0;
  pos += verbatim;
  let complete = verbatim === n;
  let ended = false;
  while (bits > 0 && n < size) {
    bits--;
    if (!get(words, pos++, 1)) {
      ended = true;
      break;
    }
    const limit = size - 1 - n < bits ? size - 1 - n : bits;
    const z = zerosAt(words, pos, limit);
    pos += z;
    n += z;
    bits -= z;
    if (n < size - 1 && bits > 0) {
      pos++;
      bits--;
    } else if (n < size - 1) {
      complete = false;
    }
    mask[n >> 5]! |= 1 << (n & 31);
    n++;
  }
  out.pos = pos;
  out.complete = complete && (ended || n === size);
}
