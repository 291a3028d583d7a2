/*
 * Bit-matrix transposition: turns 32 coefficient words into 32 bit-plane
 * masks in five rounds of masked swaps, instead of testing every bit of every
 * coefficient once per plane.
 */

/** Transpose the 32×32 bit matrix in a[0..31] in place (row r, column c = bit 31 − c). */
export function transpose32(a: Int32Array): void {
  let m = 0x0000ffff;
  for (let j = 16; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = (a[k]! ^ (a[k + j]! >>> j)) & m;
      a[k]! ^= t;
      a[k + j]! ^= t << j;
    }
  }
}

const scratch = new Int32Array(32);

/**
 * Bit planes lo..hi−1 (within one 32-bit word of the coefficients) of
 * coefficients first..first+31 (fewer when count < 32): planes[(k + shift) * stride + group]
 * receives the mask of plane k, coefficient first+i at bit i.
 */
export function planesOf(u: Int32Array, first: number, count: number, planes: Int32Array, base: number, stride: number, lo: number, hi: number): void {
  const a = scratch;
  for (let i = 0; i < 32; i++) a[31 - i] = i < count ? u[first + i]! : 0;
  transpose32(a);
  for (let b = lo; b < hi; b++) planes[base + b * stride] = a[31 - b]!;
}

/** Inverse of planesOf: coefficient words first..first+count−1 from planes lo..hi−1 (other bits zero). */
export function coefficientsOf(planes: Int32Array, base: number, stride: number, lo: number, hi: number, u: Int32Array, first: number, count: number): void {
  const a = scratch;
  a.fill(0);
  for (let b = lo; b < hi; b++) a[31 - b] = planes[base + b * stride]!;
  transpose32(a);
  for (let i = 0; i < count; i++) u[first + i] = a[31 - i]!;
}

/*
 * At most 16 planes of two full groups fit one transposition: coefficient i of
 * the first group contributes its 16-bit window [lo, lo + 16) to the low half
 * of row i, the same coefficient of the second group to the high half.
 */

/** planesOf for groups first..first+31 and first+32..first+63 at once (hi − lo ≤ 16). */
export function planesOfPair(u: Int32Array, first: number, planes: Int32Array, baseA: number, baseB: number, stride: number, lo: number, hi: number): void {
  const a = scratch;
  for (let i = 0; i < 32; i++) a[31 - i] = ((u[first + i]! >>> lo) & 0xffff) | ((u[first + 32 + i]! >>> lo) << 16);
  transpose32(a);
  for (let b = lo; b < hi; b++) {
    planes[baseA + b * stride] = a[31 - (b - lo)]!;
    planes[baseB + b * stride] = a[15 - (b - lo)]!;
  }
}

/** Inverse of planesOfPair (planes below lo zero). */
export function coefficientsOfPair(planes: Int32Array, baseA: number, baseB: number, stride: number, lo: number, hi: number, u: Int32Array, first: number): void {
  const a = scratch;
  a.fill(0);
  for (let b = lo; b < hi; b++) {
    a[31 - (b - lo)] = planes[baseA + b * stride]!;
    a[15 - (b - lo)] = planes[baseB + b * stride]!;
  }
  transpose32(a);
  for (let i = 0; i < 32; i++) {
    const v = a[31 - i]!;
    u[first + i] = (v & 0xffff) << lo;
    u[first + 32 + i] = (v >>> 16) << lo;
  }
}

/*
 * Blocks of at most 16 coefficients (1D, 2D) fit 16×16 bit matrices: planes lo … lo + 15 in the
 * low halves of the words, planes lo + 16 … lo + 31 in the high halves. One transposition with
 * doubled masks turns both at once, in four rounds of eight swaps instead of five of sixteen.
 */

/** Transpose the two 16×16 bit matrices in the halves of a[0..15] (row r, column c = bit 15 − c of each half). */
function transpose16x2(a: Int32Array): void {
  let m = 0x00ff00ff;
  for (let j = 8; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 16; k = (k + j + 1) & ~j) {
      const t = (a[k]! ^ (a[k + j]! >>> j)) & m;
      a[k]! ^= t;
      a[k + j]! ^= t << j;
    }
  }
}

/** planesOf for count ≤ 16 coefficients (any lo … hi within the word). */
export function planesOf16(u: Int32Array, count: number, planes: Int32Array, base: number, stride: number, lo: number, hi: number): void {
  const a = scratch;
  for (let i = 0; i < 16; i++) {
    const x = i < count ? u[i]! : 0;
    a[15 - i] = ((x >>> lo) & 0xffff) | (lo < 16 ? (x >>> (lo + 16)) << 16 : 0);
  }
  transpose16x2(a);
  for (let b = lo; b < hi; b++) {
    const r = b - lo;
    planes[base + b * stride] = r < 16 ? a[15 - r]! & 0xffff : a[31 - r]! >>> 16;
  }
}

/** Inverse of planesOf16 (planes below lo zero). */
export function coefficientsOf16(planes: Int32Array, base: number, stride: number, lo: number, hi: number, u: Int32Array, count: number): void {
  const a = scratch;
  a.fill(0, 0, 16);
  for (let b = lo; b < hi; b++) {
    const r = b - lo;
    if (r < 16) a[15 - r]! |= planes[base + b * stride]!;
    else a[31 - r]! |= planes[base + b * stride]! << 16;
  }
  transpose16x2(a);
  // Past bit 31 the high half is zero (hi ≤ 32), so the wrapped shift count does no harm.
  for (let i = 0; i < count; i++) u[i] = ((a[15 - i]! & 0xffff) << lo) | ((a[15 - i]! >>> 16) << (lo + 16));
}
