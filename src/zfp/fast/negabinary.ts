/*
 * Sequency reordering fused with the two's complement ↔ negabinary map
 * u = (y + 0xaaaa…) ^ 0xaaaa…, on (hi, lo) pairs and on 32-bit words.
 */

const NB = 0xaaaaaaaa | 0;
/* Carries and borrows between the words come from floor(t / 2^32): branches on them mispredict on noisy low words. */
const INV_TWO32 = 2 ** -32;

/** ublock[i] = negabinary(iblock[perm[i]]) for 64-bit coefficients. */
export function fwdOrder64(uhi: Int32Array, ulo: Int32Array, hi: Int32Array, lo: Int32Array, perm: Uint8Array, size: number): void {
  for (let i = 0; i < size; i++) {
    const p = perm[i]!;
    const t = (lo[p]! >>> 0) + 0xaaaaaaaa;
    uhi[i] = ((hi[p]! + NB + Math.floor(t * INV_TWO32)) | 0) ^ NB;
    ulo[i] = (t | 0) ^ NB;
  }
}

/*
 * The inverse maps gather through the inverse permutation (iblock[p] from
 * ublock[iperm[p]]) rather than scatter through perm: a store whose address
 * waits on a load stalls the loads behind it.
 */

/** iblock[p] = two's complement of negabinary ublock[iperm[p]], 64-bit. */
export function invOrder64(uhi: Int32Array, ulo: Int32Array, hi: Int32Array, lo: Int32Array, iperm: Uint8Array, size: number): void {
  for (let p = 0; p < size; p++) {
    const i = iperm[p]!;
    const xl = (ulo[i]! ^ NB) >>> 0;
    const t = xl - 0xaaaaaaaa;
    hi[p] = ((uhi[i]! ^ NB) - NB + Math.floor(t * INV_TWO32)) | 0;
    lo[p] = t | 0;
  }
}

export function fwdOrder32(ulo: Int32Array, v: Int32Array, perm: Uint8Array, size: number): void {
  for (let i = 0; i < size; i++) ulo[i] = ((v[perm[i]!]! + NB) | 0) ^ NB;
}

export function invOrder32(ulo: Int32Array, v: Int32Array, iperm: Uint8Array, size: number): void {
  for (let p = 0; p < size; p++) v[p] = ((ulo[iperm[p]!]! ^ NB) - NB) | 0;
}

/** The two's complement value of a negabinary word whose low word is zero: 0xaaaaaaaa − 0xaaaaaaaa borrows nothing. */
export function highToDouble(uhi: number): number {
  return (((uhi ^ NB) - NB) | 0) * 4294967296;
}

/** The two's complement value of the negabinary word pair (uhi, ulo) as a double (exact below 2^53 significant bits). */
export function wordsToDouble(uhi: number, ulo: number): number {
  const t = ((ulo ^ NB) >>> 0) - 0xaaaaaaaa;
  return (((uhi ^ NB) - NB + Math.floor(t * INV_TWO32)) | 0) * 4294967296 + (t >>> 0);
}

/**
 * wordsToDouble for the coefficients the double inverse takes (multiples of 2^kmin, exact in a
 * double): hi · 2^32 + (lo − 0xaaaaaaaa) is the same sum as the high word with the low word's
 * borrow carried in plus the low word, and the one addition rounds nothing, so the borrow is not
 * computed. The two differ only within 2^32 of ±2^63, beyond the coefficients of any block zfp
 * encoded, which the fused 3D inverse (lift-double.ts) already takes for granted (see wrapImpossible).
 */
export function exactWordsToDouble(uhi: number, ulo: number): number {
  return (((uhi ^ NB) - NB) | 0) * 4294967296 + (((ulo ^ NB) >>> 0) - 0xaaaaaaaa);
}

/**
 * v[p] = two's complement of negabinary ublock[iperm[p]] as a double (exact below 2^53
 * significant bits). `highOnly`: the low words are all zero (no plane below 32 was coded).
 * Unrolled by four (blocks hold 4^d values): the engine does not unroll, and
 * loop overhead is a third of so short a body.
 */
export function invOrderToDouble(uhi: Int32Array, ulo: Int32Array, v: Float64Array, iperm: Uint8Array, size: number, highOnly: boolean): void {
  if (highOnly) {
    for (let p = 0; p < size; p += 4) {
      v[p] = highToDouble(uhi[iperm[p]!]!);
      v[p + 1] = highToDouble(uhi[iperm[p + 1]!]!);
      v[p + 2] = highToDouble(uhi[iperm[p + 2]!]!);
      v[p + 3] = highToDouble(uhi[iperm[p + 3]!]!);
    }
    return;
  }
  for (let p = 0; p < size; p += 4) {
    const i = iperm[p]!, j = iperm[p + 1]!, k = iperm[p + 2]!, l = iperm[p + 3]!;
    v[p] = wordsToDouble(uhi[i]!, ulo[i]!);
    v[p + 1] = wordsToDouble(uhi[j]!, ulo[j]!);
    v[p + 2] = wordsToDouble(uhi[k]!, ulo[k]!);
    v[p + 3] = wordsToDouble(uhi[l]!, ulo[l]!);
  }
}
