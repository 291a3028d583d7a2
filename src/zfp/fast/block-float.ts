import type { ScalarTraits } from '../traits.ts';

/*
 * Block-floating-point conversion, as zfp 1.0 does it: a common exponent emax
 * (frexp's, so every |x| < 2^emax) and integers y = trunc(x · 2^(q − emax)) with
 * q = intprec − 2, computed in the scalar's own arithmetic. Out-of-range
 * conversions give the x86 "integer indefinite" (the minimum integer), as the
 * C code compiled for x86-64 does for blocks whose scale factor overflows.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const TWO32 = 4294967296;

/** frexp's exponent of a finite x > 0 (glibc gives 0 for infinity). */
function frexpExponent(x: number): number {
  f64[0] = x;
  const biased = (u32[1]! >>> 20) & 0x7ff;
  if (biased === 0x7ff) return 0;
  if (biased === 0) return Math.floor(Math.log2(x)) + 1; // subnormal double: clamped by the caller
  return biased - 1022;
}

/**
 * Common exponent of the n values from x[from] (−ebias for an all-zero block); NaNs
 * are ignored, as in zfp. NaN instead when `finite` is asked for and a value
 * is NaN or infinite (the lossy modes cannot represent those).
 */
export function blockExponent(x: Float64Array, n: number, t: ScalarTraits, finite = false, from = 0): number {
  let max = 0;
  let probe = 0; // x − x is NaN exactly for NaN and ±Infinity
  // Math.max has no branch to mispredict; it lets a NaN through, so a block with one (rare) is scanned again.
  for (let i = from; i < from + n; i++) {
    const v = x[i]!;
    probe += v - v;
    max = Math.max(max, Math.abs(v));
  }
  if (probe !== 0) {
    if (finite) return NaN;
    max = maxIgnoringNaN(x, from, n);
  }
  return exponentOfMax(max, t);
}

/** The common exponent of a block whose largest magnitude is max (finite). */
export function exponentOfMax(max: number, t: ScalarTraits): number {
  return max > 0 ? Math.max(frexpExponent(max), 1 - t.ebias) : -t.ebias;
}

function maxIgnoringNaN(x: Float64Array, from: number, n: number): number {
  let max = 0;
  for (let i = from; i < from + n; i++) {
    const f = Math.abs(x[i]!);
    if (max < f) max = f;
  }
  return max;
}

const POW2_BIAS = 1200;
const POW2 = Float64Array.from({ length: 2 * POW2_BIAS + 1 }, (_, i) => 2 ** (i - POW2_BIAS));

/** 2^e for an integer e, as `2 ** e` gives it (0 and Infinity beyond the double range), without a pow call per block. */
export function pow2(e: number): number {
  return e >= -POW2_BIAS && e <= POW2_BIAS ? POW2[e + POW2_BIAS]! : 2 ** e;
}

/** Does 2^(q − emax) overflow the scalar type? zfp 1.0 then feeds its transform the minimum integer. */
export function scaleOverflows(emax: number, t: ScalarTraits): boolean {
  return t.intprec - 2 - emax > t.ebias;
}

/** y_i = (Int)(s · x_i) with s = 2^(q − emax), into (hi, lo) or lo alone for 32-bit types. */
export function castToInts(x: Float64Array, hi: Int32Array, lo: Int32Array, n: number, emax: number, t: ScalarTraits): void {
  if (t.intprec === 64) {
    const s = pow2(62 - emax);
    for (let i = 0; i < n; i++) {
      const v = Math.trunc(s * x[i]!);
      if (v >= -9223372036854775808 && v < 9223372036854775808) {
        const h = Math.floor(v / TWO32);
        hi[i] = h;
        lo[i] = (v - h * TWO32) | 0;
      } else {
        hi[i] = -2147483648;
        lo[i] = 0;
      }
    }
  } else {
    const s = Math.fround(pow2(30 - emax));
    for (let i = 0; i < n; i++) {
      const v = Math.trunc(Math.fround(s * x[i]!));
      lo[i] = v >= -2147483648 && v < 2147483648 ? v : -2147483648;
    }
  }
}

/** x_i = s · (Scalar)y_i with s = 2^(emax − q), rounding as the scalar type does. */
export function castFromInts(hi: Int32Array, lo: Int32Array, x: Float64Array, n: number, emax: number, t: ScalarTraits): void {
  if (t.intprec === 64) {
    const s = pow2(emax - 62);
    for (let i = 0; i < n; i++) x[i] = s * (hi[i]! * TWO32 + (lo[i]! >>> 0));
  } else {
    const s = Math.fround(pow2(emax - 30));
    for (let i = 0; i < n; i++) x[i] = Math.fround(s * Math.fround(lo[i]!));
  }
}

/**
 * Reversible mode's test: cast to integers and back; true when that reproduces
 * every value bit for bit (zero signs included). Leaves the integers in (hi, lo).
 */
export function reversibleCast(x: Float64Array, hi: Int32Array, lo: Int32Array, n: number, emax: number, t: ScalarTraits): boolean {
  if (emax === -t.ebias) {
    hi.fill(0, 0, n);
    lo.fill(0, 0, n);
    for (let i = 0; i < n; i++) if (!Object.is(x[i], 0)) return false;
    return true;
  }
  castToInts(x, hi, lo, n, emax, t);
  if (t.intprec === 64) {
    const s = pow2(emax - 62);
    for (let i = 0; i < n; i++) {
      if (!Object.is(s * (hi[i]! * TWO32 + (lo[i]! >>> 0)), x[i])) return false;
    }
  } else {
    const s = Math.fround(pow2(emax - 30));
    for (let i = 0; i < n; i++) {
      if (!Object.is(Math.fround(s * Math.fround(lo[i]!)), x[i])) return false;
    }
  }
  return true;
}

/**
 * The values' IEEE bits as sign-magnitude integers turned two's complement:
 * float64 bits from the doubles, float32 bits as given in `bits32`.
 */
export function reinterpretToInts(x: Float64Array, bits32: Int32Array, hi: Int32Array, lo: Int32Array, n: number, t: ScalarTraits): void {
  for (let i = 0; i < n; i++) {
    if (t.intprec === 64) {
      f64[0] = x[i]!;
      const h = u32[1]! | 0;
      hi[i] = h < 0 ? h ^ 0x7fffffff : h;
      lo[i] = h < 0 ? ~u32[0]! : u32[0]! | 0;
    } else {
      const v = bits32[i]!;
      lo[i] = v < 0 ? v ^ 0x7fffffff : v;
    }
  }
}

/** Inverse of reinterpretToInts: doubles into x, float32 bits into bits32. */
export function reinterpretFromInts(hi: Int32Array, lo: Int32Array, x: Float64Array, bits32: Int32Array, n: number, t: ScalarTraits): void {
  for (let i = 0; i < n; i++) {
    if (t.intprec === 64) {
      const h = hi[i]!;
      u32[1] = h < 0 ? h ^ 0x7fffffff : h;
      u32[0] = h < 0 ? ~lo[i]! : lo[i]!;
      x[i] = f64[0]!;
    } else {
      const v = lo[i]!;
      bits32[i] = v < 0 ? v ^ 0x7fffffff : v;
    }
  }
}
