/*
 * Bit ranges inside word buffers, least significant bit first as zfp's stream
 * writes them: moving whole blocks between the array's storage and a stream.
 */

/** n (1..32) bits at pos, as an unsigned 32-bit pattern. */
function bitsAt(words: Uint32Array, pos: number, n: number): number {
  const i = pos >>> 5, r = pos & 31;
  let v = words[i]! >>> r;
  if (r + n > 32) v |= words[i + 1]! << (32 - r);
  return n === 32 ? v : v & ((1 << n) - 1);
}

/** OR n (1..32) bits of v into words at pos. */
function orBitsAt(words: Uint32Array, pos: number, v: number, n: number): void {
  const i = pos >>> 5, r = pos & 31;
  words[i]! |= v << r;
  if (r + n > 32) words[i + 1]! |= v >>> (32 - r);
}

/** Copy n bits from src at srcPos into dst at dstPos; the destination range must be zero. */
export function copyBits(src: Uint32Array, srcPos: number, dst: Uint32Array, dstPos: number, n: number): void {
  while (n > 0) {
    const k = n < 32 ? n : 32;
    orBitsAt(dst, dstPos, bitsAt(src, srcPos, k), k);
    srcPos += k;
    dstPos += k;
    n -= k;
  }
}

/** Zero the n bits starting at pos. */
export function clearBits(words: Uint32Array, pos: number, n: number): void {
  const end = pos + n;
  while (pos < end) {
    const r = pos & 31;
    const k = Math.min(32 - r, end - pos);
    words[pos >>> 5]! &= ~((k === 32 ? -1 : (1 << k) - 1) << r);
    pos += k;
  }
}
