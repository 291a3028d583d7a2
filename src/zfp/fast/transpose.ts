/*
 * Bit-matrix transposition: turns 32 coefficient words into 32 bit-plane
 * masks in five rounds of masked swaps, instead of testing every bit of every
 * coefficient once per plane. A BitMatrix holds the rows; each plane coder owns one.
 */

/** Transpose the 32×32 bit matrix in a[0..31] in place (row r, column c = bit 31 − c). */
export function transpose32(a: Int32Array): void {
  let a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!, a9 = a[9]!, a10 = a[10]!, a11 = a[11]!, a12 = a[12]!, a13 = a[13]!, a14 = a[14]!, a15 = a[15]!, a16 = a[16]!, a17 = a[17]!, a18 = a[18]!, a19 = a[19]!, a20 = a[20]!, a21 = a[21]!, a22 = a[22]!, a23 = a[23]!, a24 = a[24]!, a25 = a[25]!, a26 = a[26]!, a27 = a[27]!, a28 = a[28]!, a29 = a[29]!, a30 = a[30]!, a31 = a[31]!;
  let t: number;
  t = (a0 ^ (a16 >>> 16)) & 0x0000ffff; a0 ^= t; a16 ^= t << 16; t = (a1 ^ (a17 >>> 16)) & 0x0000ffff; a1 ^= t; a17 ^= t << 16;
  t = (a2 ^ (a18 >>> 16)) & 0x0000ffff; a2 ^= t; a18 ^= t << 16; t = (a3 ^ (a19 >>> 16)) & 0x0000ffff; a3 ^= t; a19 ^= t << 16;
  t = (a4 ^ (a20 >>> 16)) & 0x0000ffff; a4 ^= t; a20 ^= t << 16; t = (a5 ^ (a21 >>> 16)) & 0x0000ffff; a5 ^= t; a21 ^= t << 16;
  t = (a6 ^ (a22 >>> 16)) & 0x0000ffff; a6 ^= t; a22 ^= t << 16; t = (a7 ^ (a23 >>> 16)) & 0x0000ffff; a7 ^= t; a23 ^= t << 16;
  t = (a8 ^ (a24 >>> 16)) & 0x0000ffff; a8 ^= t; a24 ^= t << 16; t = (a9 ^ (a25 >>> 16)) & 0x0000ffff; a9 ^= t; a25 ^= t << 16;
  t = (a10 ^ (a26 >>> 16)) & 0x0000ffff; a10 ^= t; a26 ^= t << 16; t = (a11 ^ (a27 >>> 16)) & 0x0000ffff; a11 ^= t; a27 ^= t << 16;
  t = (a12 ^ (a28 >>> 16)) & 0x0000ffff; a12 ^= t; a28 ^= t << 16; t = (a13 ^ (a29 >>> 16)) & 0x0000ffff; a13 ^= t; a29 ^= t << 16;
  t = (a14 ^ (a30 >>> 16)) & 0x0000ffff; a14 ^= t; a30 ^= t << 16; t = (a15 ^ (a31 >>> 16)) & 0x0000ffff; a15 ^= t; a31 ^= t << 16;
  t = (a0 ^ (a8 >>> 8)) & 0x00ff00ff; a0 ^= t; a8 ^= t << 8; t = (a1 ^ (a9 >>> 8)) & 0x00ff00ff; a1 ^= t; a9 ^= t << 8;
  t = (a2 ^ (a10 >>> 8)) & 0x00ff00ff; a2 ^= t; a10 ^= t << 8; t = (a3 ^ (a11 >>> 8)) & 0x00ff00ff; a3 ^= t; a11 ^= t << 8;
  t = (a4 ^ (a12 >>> 8)) & 0x00ff00ff; a4 ^= t; a12 ^= t << 8; t = (a5 ^ (a13 >>> 8)) & 0x00ff00ff; a5 ^= t; a13 ^= t << 8;
  t = (a6 ^ (a14 >>> 8)) & 0x00ff00ff; a6 ^= t; a14 ^= t << 8; t = (a7 ^ (a15 >>> 8)) & 0x00ff00ff; a7 ^= t; a15 ^= t << 8;
  t = (a16 ^ (a24 >>> 8)) & 0x00ff00ff; a16 ^= t; a24 ^= t << 8; t = (a17 ^ (a25 >>> 8)) & 0x00ff00ff; a17 ^= t; a25 ^= t << 8;
  t = (a18 ^ (a26 >>> 8)) & 0x00ff00ff; a18 ^= t; a26 ^= t << 8; t = (a19 ^ (a27 >>> 8)) & 0x00ff00ff; a19 ^= t; a27 ^= t << 8;
  t = (a20 ^ (a28 >>> 8)) & 0x00ff00ff; a20 ^= t; a28 ^= t << 8; t = (a21 ^ (a29 >>> 8)) & 0x00ff00ff; a21 ^= t; a29 ^= t << 8;
  t = (a22 ^ (a30 >>> 8)) & 0x00ff00ff; a22 ^= t; a30 ^= t << 8; t = (a23 ^ (a31 >>> 8)) & 0x00ff00ff; a23 ^= t; a31 ^= t << 8;
  t = (a0 ^ (a4 >>> 4)) & 0x0f0f0f0f; a0 ^= t; a4 ^= t << 4; t = (a1 ^ (a5 >>> 4)) & 0x0f0f0f0f; a1 ^= t; a5 ^= t << 4;
  t = (a2 ^ (a6 >>> 4)) & 0x0f0f0f0f; a2 ^= t; a6 ^= t << 4; t = (a3 ^ (a7 >>> 4)) & 0x0f0f0f0f; a3 ^= t; a7 ^= t << 4;
  t = (a8 ^ (a12 >>> 4)) & 0x0f0f0f0f; a8 ^= t; a12 ^= t << 4; t = (a9 ^ (a13 >>> 4)) & 0x0f0f0f0f; a9 ^= t; a13 ^= t << 4;
  t = (a10 ^ (a14 >>> 4)) & 0x0f0f0f0f; a10 ^= t; a14 ^= t << 4; t = (a11 ^ (a15 >>> 4)) & 0x0f0f0f0f; a11 ^= t; a15 ^= t << 4;
  t = (a16 ^ (a20 >>> 4)) & 0x0f0f0f0f; a16 ^= t; a20 ^= t << 4; t = (a17 ^ (a21 >>> 4)) & 0x0f0f0f0f; a17 ^= t; a21 ^= t << 4;
  t = (a18 ^ (a22 >>> 4)) & 0x0f0f0f0f; a18 ^= t; a22 ^= t << 4; t = (a19 ^ (a23 >>> 4)) & 0x0f0f0f0f; a19 ^= t; a23 ^= t << 4;
  t = (a24 ^ (a28 >>> 4)) & 0x0f0f0f0f; a24 ^= t; a28 ^= t << 4; t = (a25 ^ (a29 >>> 4)) & 0x0f0f0f0f; a25 ^= t; a29 ^= t << 4;
  t = (a26 ^ (a30 >>> 4)) & 0x0f0f0f0f; a26 ^= t; a30 ^= t << 4; t = (a27 ^ (a31 >>> 4)) & 0x0f0f0f0f; a27 ^= t; a31 ^= t << 4;
  t = (a0 ^ (a2 >>> 2)) & 0x33333333; a0 ^= t; a2 ^= t << 2; t = (a1 ^ (a3 >>> 2)) & 0x33333333; a1 ^= t; a3 ^= t << 2;
  t = (a4 ^ (a6 >>> 2)) & 0x33333333; a4 ^= t; a6 ^= t << 2; t = (a5 ^ (a7 >>> 2)) & 0x33333333; a5 ^= t; a7 ^= t << 2;
  t = (a8 ^ (a10 >>> 2)) & 0x33333333; a8 ^= t; a10 ^= t << 2; t = (a9 ^ (a11 >>> 2)) & 0x33333333; a9 ^= t; a11 ^= t << 2;
  t = (a12 ^ (a14 >>> 2)) & 0x33333333; a12 ^= t; a14 ^= t << 2; t = (a13 ^ (a15 >>> 2)) & 0x33333333; a13 ^= t; a15 ^= t << 2;
  t = (a16 ^ (a18 >>> 2)) & 0x33333333; a16 ^= t; a18 ^= t << 2; t = (a17 ^ (a19 >>> 2)) & 0x33333333; a17 ^= t; a19 ^= t << 2;
  t = (a20 ^ (a22 >>> 2)) & 0x33333333; a20 ^= t; a22 ^= t << 2; t = (a21 ^ (a23 >>> 2)) & 0x33333333; a21 ^= t; a23 ^= t << 2;
  t = (a24 ^ (a26 >>> 2)) & 0x33333333; a24 ^= t; a26 ^= t << 2; t = (a25 ^ (a27 >>> 2)) & 0x33333333; a25 ^= t; a27 ^= t << 2;
  t = (a28 ^ (a30 >>> 2)) & 0x33333333; a28 ^= t; a30 ^= t << 2; t = (a29 ^ (a31 >>> 2)) & 0x33333333; a29 ^= t; a31 ^= t << 2;
  t = (a0 ^ (a1 >>> 1)) & 0x55555555; a0 ^= t; a1 ^= t << 1; t = (a2 ^ (a3 >>> 1)) & 0x55555555; a2 ^= t; a3 ^= t << 1;
  t = (a4 ^ (a5 >>> 1)) & 0x55555555; a4 ^= t; a5 ^= t << 1; t = (a6 ^ (a7 >>> 1)) & 0x55555555; a6 ^= t; a7 ^= t << 1;
  t = (a8 ^ (a9 >>> 1)) & 0x55555555; a8 ^= t; a9 ^= t << 1; t = (a10 ^ (a11 >>> 1)) & 0x55555555; a10 ^= t; a11 ^= t << 1;
  t = (a12 ^ (a13 >>> 1)) & 0x55555555; a12 ^= t; a13 ^= t << 1; t = (a14 ^ (a15 >>> 1)) & 0x55555555; a14 ^= t; a15 ^= t << 1;
  t = (a16 ^ (a17 >>> 1)) & 0x55555555; a16 ^= t; a17 ^= t << 1; t = (a18 ^ (a19 >>> 1)) & 0x55555555; a18 ^= t; a19 ^= t << 1;
  t = (a20 ^ (a21 >>> 1)) & 0x55555555; a20 ^= t; a21 ^= t << 1; t = (a22 ^ (a23 >>> 1)) & 0x55555555; a22 ^= t; a23 ^= t << 1;
  t = (a24 ^ (a25 >>> 1)) & 0x55555555; a24 ^= t; a25 ^= t << 1; t = (a26 ^ (a27 >>> 1)) & 0x55555555; a26 ^= t; a27 ^= t << 1;
  t = (a28 ^ (a29 >>> 1)) & 0x55555555; a28 ^= t; a29 ^= t << 1; t = (a30 ^ (a31 >>> 1)) & 0x55555555; a30 ^= t; a31 ^= t << 1;
  a[0] = a0; a[1] = a1; a[2] = a2; a[3] = a3; a[4] = a4; a[5] = a5; a[6] = a6; a[7] = a7; a[8] = a8; a[9] = a9; a[10] = a10; a[11] = a11; a[12] = a12; a[13] = a13; a[14] = a14; a[15] = a15; a[16] = a16; a[17] = a17; a[18] = a18; a[19] = a19; a[20] = a20; a[21] = a21; a[22] = a22; a[23] = a23; a[24] = a24; a[25] = a25; a[26] = a26; a[27] = a27; a[28] = a28; a[29] = a29; a[30] = a30; a[31] = a31;
}

/** Transpose the two 16×16 bit matrices in the halves of a[0..15] (row r, column c = bit 15 − c of each half). */
function transpose16x2(a: Int32Array): void {
  let a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!, a9 = a[9]!, a10 = a[10]!, a11 = a[11]!, a12 = a[12]!, a13 = a[13]!, a14 = a[14]!, a15 = a[15]!;
  let t: number;
  t = (a0 ^ (a8 >>> 8)) & 0x00ff00ff; a0 ^= t; a8 ^= t << 8; t = (a1 ^ (a9 >>> 8)) & 0x00ff00ff; a1 ^= t; a9 ^= t << 8;
  t = (a2 ^ (a10 >>> 8)) & 0x00ff00ff; a2 ^= t; a10 ^= t << 8; t = (a3 ^ (a11 >>> 8)) & 0x00ff00ff; a3 ^= t; a11 ^= t << 8;
  t = (a4 ^ (a12 >>> 8)) & 0x00ff00ff; a4 ^= t; a12 ^= t << 8; t = (a5 ^ (a13 >>> 8)) & 0x00ff00ff; a5 ^= t; a13 ^= t << 8;
  t = (a6 ^ (a14 >>> 8)) & 0x00ff00ff; a6 ^= t; a14 ^= t << 8; t = (a7 ^ (a15 >>> 8)) & 0x00ff00ff; a7 ^= t; a15 ^= t << 8;
  t = (a0 ^ (a4 >>> 4)) & 0x0f0f0f0f; a0 ^= t; a4 ^= t << 4; t = (a1 ^ (a5 >>> 4)) & 0x0f0f0f0f; a1 ^= t; a5 ^= t << 4;
  t = (a2 ^ (a6 >>> 4)) & 0x0f0f0f0f; a2 ^= t; a6 ^= t << 4; t = (a3 ^ (a7 >>> 4)) & 0x0f0f0f0f; a3 ^= t; a7 ^= t << 4;
  t = (a8 ^ (a12 >>> 4)) & 0x0f0f0f0f; a8 ^= t; a12 ^= t << 4; t = (a9 ^ (a13 >>> 4)) & 0x0f0f0f0f; a9 ^= t; a13 ^= t << 4;
  t = (a10 ^ (a14 >>> 4)) & 0x0f0f0f0f; a10 ^= t; a14 ^= t << 4; t = (a11 ^ (a15 >>> 4)) & 0x0f0f0f0f; a11 ^= t; a15 ^= t << 4;
  t = (a0 ^ (a2 >>> 2)) & 0x33333333; a0 ^= t; a2 ^= t << 2; t = (a1 ^ (a3 >>> 2)) & 0x33333333; a1 ^= t; a3 ^= t << 2;
  t = (a4 ^ (a6 >>> 2)) & 0x33333333; a4 ^= t; a6 ^= t << 2; t = (a5 ^ (a7 >>> 2)) & 0x33333333; a5 ^= t; a7 ^= t << 2;
  t = (a8 ^ (a10 >>> 2)) & 0x33333333; a8 ^= t; a10 ^= t << 2; t = (a9 ^ (a11 >>> 2)) & 0x33333333; a9 ^= t; a11 ^= t << 2;
  t = (a12 ^ (a14 >>> 2)) & 0x33333333; a12 ^= t; a14 ^= t << 2; t = (a13 ^ (a15 >>> 2)) & 0x33333333; a13 ^= t; a15 ^= t << 2;
  t = (a0 ^ (a1 >>> 1)) & 0x55555555; a0 ^= t; a1 ^= t << 1; t = (a2 ^ (a3 >>> 1)) & 0x55555555; a2 ^= t; a3 ^= t << 1;
  t = (a4 ^ (a5 >>> 1)) & 0x55555555; a4 ^= t; a5 ^= t << 1; t = (a6 ^ (a7 >>> 1)) & 0x55555555; a6 ^= t; a7 ^= t << 1;
  t = (a8 ^ (a9 >>> 1)) & 0x55555555; a8 ^= t; a9 ^= t << 1; t = (a10 ^ (a11 >>> 1)) & 0x55555555; a10 ^= t; a11 ^= t << 1;
  t = (a12 ^ (a13 >>> 1)) & 0x55555555; a12 ^= t; a13 ^= t << 1; t = (a14 ^ (a15 >>> 1)) & 0x55555555; a14 ^= t; a15 ^= t << 1;
  a[0] = a0; a[1] = a1; a[2] = a2; a[3] = a3; a[4] = a4; a[5] = a5; a[6] = a6; a[7] = a7; a[8] = a8; a[9] = a9; a[10] = a10; a[11] = a11; a[12] = a12; a[13] = a13; a[14] = a14; a[15] = a15;
}

/**
 * 32 rows of 32 bits, transposed in place: coefficient words in, bit-plane masks out, or back.
 * Three arrangements of the rows, one per caller:
 * - 32 coefficients, 32 planes (planesOf, coefficientsOf): row 31 − i is coefficient i, then plane i;
 * - 64 coefficients, 16 planes ("pair"): coefficient i of the first 32 gives its 16-bit window
 *   of planes to the low half of row 31 − i, coefficient 32 + i to the high half; after the
 *   transposition plane r of the first 32 is row 31 − r, of the second row 15 − r;
 * - at most 16 coefficients, 32 planes ("16"): two 16×16 matrices in the halves of rows 0 … 15,
 *   planes 0 … 15 in the low halves and 16 … 31 in the high halves; one transposition with doubled
 *   masks turns both, in four rounds of eight swaps instead of five of sixteen.
 */
export class BitMatrix {
  private readonly rows = new Int32Array(32);

  /** Zero rows 0 … 15 (all a "16" matrix uses): as stores, since a call to TypedArray fill costs more than the rows. */
  clear16(): void {
    const a = this.rows;
    a[0] = 0; a[1] = 0; a[2] = 0; a[3] = 0; a[4] = 0; a[5] = 0; a[6] = 0; a[7] = 0;
    a[8] = 0; a[9] = 0; a[10] = 0; a[11] = 0; a[12] = 0; a[13] = 0; a[14] = 0; a[15] = 0;
  }

  clear(): void {
    this.clear16();
    const a = this.rows;
    a[16] = 0; a[17] = 0; a[18] = 0; a[19] = 0; a[20] = 0; a[21] = 0; a[22] = 0; a[23] = 0;
    a[24] = 0; a[25] = 0; a[26] = 0; a[27] = 0; a[28] = 0; a[29] = 0; a[30] = 0; a[31] = 0;
  }

  /**
   * Bit planes lo..hi−1 (within one 32-bit word of the coefficients) of
   * coefficients first..first+31 (fewer when count < 32): planes[(k + shift) * stride + group]
   * receives the mask of plane k, coefficient first+i at bit i.
   */
  planesOf(u: Int32Array, first: number, count: number, planes: Int32Array, base: number, stride: number, lo: number, hi: number): void {
    const a = this.rows;
    for (let i = 0; i < 32; i++) a[31 - i] = i < count ? u[first + i]! : 0;
    transpose32(a);
    for (let b = lo; b < hi; b++) planes[base + b * stride] = a[31 - b]!;
  }

  /** Inverse of planesOf: coefficient words first..first+count−1 from planes lo..hi−1 (other bits zero). */
  coefficientsOf(planes: Int32Array, base: number, stride: number, lo: number, hi: number, u: Int32Array, first: number, count: number): void {
    const a = this.rows;
    this.clear();
    for (let b = lo; b < hi; b++) a[31 - b] = planes[base + b * stride]!;
    transpose32(a);
    for (let i = 0; i < count; i++) u[first + i] = a[31 - i]!;
  }

  /** planesOf for coefficients first … first + 63 at once (hi − lo ≤ 16). */
  planesOfPair(u: Int32Array, first: number, planes: Int32Array, baseA: number, baseB: number, stride: number, lo: number, hi: number): void {
    this.loadPair(u, first, lo);
    for (let b = lo; b < hi; b++) {
      planes[baseA + b * stride] = this.pairA(b - lo);
      planes[baseB + b * stride] = this.pairB(b - lo);
    }
  }

  /** Inverse of planesOfPair (planes below lo zero). */
  coefficientsOfPair(planes: Int32Array, baseA: number, baseB: number, stride: number, lo: number, hi: number, u: Int32Array, first: number): void {
    this.clear();
    for (let b = lo; b < hi; b++) this.setPair(b - lo, planes[baseA + b * stride]!, planes[baseB + b * stride]!);
    this.storePair(lo, u, first);
  }

  /** Transpose planes lo … lo + 15 of coefficients first … first + 63; plane lo + r is then pairA(r), pairB(r). */
  loadPair(u: Int32Array, first: number, lo: number): void {
    const a = this.rows;
    for (let i = 0; i < 32; i++) a[31 - i] = ((u[first + i]! >>> lo) & 0xffff) | ((u[first + 32 + i]! >>> lo) << 16);
    transpose32(a);
  }

  /** Plane lo + r of the first 32 coefficients. */
  pairA(r: number): number {
    return this.rows[31 - r]!;
  }

  /** Plane lo + r of the second 32 coefficients. */
  pairB(r: number): number {
    return this.rows[15 - r]!;
  }

  /** Set plane lo + r (r < 16), built up by a decoder after clear(): its masks of the first and second 32 coefficients. */
  setPair(r: number, maskA: number, maskB: number): void {
    this.rows[31 - r] = maskA;
    this.rows[15 - r] = maskB;
  }

  /** Coefficient words first … first + 63 from the planes set since clear() (planes below lo zero). */
  storePair(lo: number, u: Int32Array, first: number): void {
    const a = this.rows;
    transpose32(a);
    for (let i = 0; i < 32; i++) {
      const v = a[31 - i]!;
      u[first + i] = (v & 0xffff) << lo;
      u[first + 32 + i] = (v >>> 16) << lo;
    }
  }

  /** storePair for planes below others already in the words: adds their bits. */
  addPair(lo: number, u: Int32Array, first: number): void {
    const a = this.rows;
    transpose32(a);
    for (let i = 0; i < 32; i++) {
      const v = a[31 - i]!;
      u[first + i]! |= (v & 0xffff) << lo;
      u[first + 32 + i]! |= (v >>> 16) << lo;
    }
  }

  /**
   * storePair (first) or addPair for planes set when at most the first 16 coefficients are
   * significant (the second 32 masks zero, the first within 16 bits): their 16 × 16 matrix is
   * moved to the "16" rows and turned there; coefficients 16 … 63 are zero (first) or kept.
   */
  storeFirst16(lo: number, u: Int32Array, first: boolean): void {
    const a = this.rows;
    for (let r = 0; r < 16; r++) a[15 - r] = a[31 - r]!;
    transpose16x2(a);
    if (first) {
      for (let i = 0; i < 16; i++) u[i] = a[15 - i]! << lo;
      // Stores, not a call to TypedArray fill, which costs more than these 48 words.
      for (let i = 16; i < 64; i++) u[i] = 0;
    } else for (let i = 0; i < 16; i++) u[i]! |= a[15 - i]! << lo;
  }

  /** Transpose planes lo … lo + 31 of coefficients 0 … count − 1 (count ≤ 16); plane lo + r is then plane16(r). */
  load16(u: Int32Array, count: number, lo: number): void {
    const a = this.rows;
    // Row i is coefficient i's bits lo … lo + 31: plane lo + r at bit r, in the halves as above.
    for (let i = 0; i < 16; i++) a[15 - i] = i < count ? u[i]! >>> lo : 0;
    transpose16x2(a);
  }

  plane16(r: number): number {
    return r < 16 ? this.rows[15 - r]! & 0xffff : this.rows[31 - r]! >>> 16;
  }

  /** Add the mask of plane lo + r (r < 32), built up by a decoder after clear16(). */
  addPlane16(r: number, mask: number): void {
    if (r < 16) this.rows[15 - r]! |= mask;
    else this.rows[31 - r]! |= mask << 16;
  }

  /** Coefficient words 0 … count − 1 from the planes added since clear16() (planes below lo zero). */
  store16(lo: number, u: Int32Array, count: number): void {
    const a = this.rows;
    transpose16x2(a);
    // Only planes of this word (lo + r ≤ 31) are ever added, so the shift drops nothing.
    for (let i = 0; i < count; i++) u[i] = a[15 - i]! << lo;
  }
}

