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

/** iblock[perm[i]] = two's complement of negabinary ublock[i], 64-bit. */
export function invOrder64(uhi: Int32Array, ulo: Int32Array, hi: Int32Array, lo: Int32Array, perm: Uint8Array, size: number): void {
  for (let i = 0; i < size; i++) {
    const p = perm[i]!;
    const xl = (ulo[i]! ^ NB) >>> 0;
    const t = xl - 0xaaaaaaaa;
    hi[p] = ((uhi[i]! ^ NB) - NB + Math.floor(t * INV_TWO32)) | 0;
    lo[p] = t | 0;
  }
}

export function fwdOrder32(ulo: Int32Array, v: Int32Array, perm: Uint8Array, size: number): void {
  for (let i = 0; i < size; i++) ulo[i] = ((v[perm[i]!]! + NB) | 0) ^ NB;
}

export function invOrder32(ulo: Int32Array, v: Int32Array, perm: Uint8Array, size: number): void {
  for (let i = 0; i < size; i++) v[perm[i]!] = ((ulo[i]! ^ NB) - NB) | 0;
}

/**
 * v[perm[i]] = two's complement of negabinary ublock[i] as a double (exact below 2^53
 * significant bits). `highOnly`: the low words are all zero (no plane below 32 was coded).
 */
export function invOrderToDouble(uhi: Int32Array, ulo: Int32Array, v: Float64Array, perm: Uint8Array, size: number, highOnly: boolean): void {
  if (highOnly) {
    // With zero low words the low half of the difference is 0xaaaaaaaa − 0xaaaaaaaa: no borrow.
    for (let i = 0; i < size; i++) v[perm[i]!] = (((uhi[i]! ^ NB) - NB) | 0) * 4294967296;
    return;
  }
  for (let i = 0; i < size; i++) {
    const t = ((ulo[i]! ^ NB) >>> 0) - 0xaaaaaaaa;
    const h = ((uhi[i]! ^ NB) - NB + Math.floor(t * INV_TWO32)) | 0;
    v[perm[i]!] = h * 4294967296 + (t >>> 0);
  }
}
