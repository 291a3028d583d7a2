import type { Arithmetic, Field } from './arithmetic.ts';

/**
 * A double-double value: a slot of its arithmetic's scratch holding an unevaluated sum hi + lo of
 * two doubles with |lo| ≤ ulp(hi)/2, 106 significand bits (about 32 significant digits).
 */
export type DoubleDouble = number & { readonly doubleDoubleSlot: unique symbol };

/** 2²⁷ + 1: multiplying by it splits a double into two halves of 26 bits whose products are exact. */
const SPLITTER = 134217729;

/** The rounding error of s = fl(a + b), exactly (TwoSum, any order of magnitude). */
function sumError(a: number, b: number, s: number): number {
  const bPart = s - a;
  return a - (s - bPart) + (b - bPart);
}

/** The rounding error of s = fl(a + b) when |a| ≥ |b| (Fast2Sum). */
function fastSumError(a: number, b: number, s: number): number {
  return b - (s - a);
}

/** The rounding error of p = fl(a·b), exactly (Dekker's product; |a|, |b| below 2⁹⁹⁶, no fused multiply-add needed). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** Slots (pairs of doubles) a new scratch holds before it first grows. */
const INITIAL_SLOTS = 1024;

/**
 * Double-double arithmetic (error-free transformations on plain doubles) without an object per
 * value: values are slots of one Float64Array, hi at 2s and lo at 2s + 1. Fields and kept
 * constants sit at the bottom; temporaries stack above them and are recycled at each store into a
 * field, so a step's working set stays a few cache lines whatever the grid. Relative error per
 * operation: add/sub ≤ 3·2⁻¹⁰⁶, mul ≤ 7·2⁻¹⁰⁶, div ≤ 15·2⁻¹⁰⁶ (the bounds of the accurate
 * double-word algorithms of Joldes, Muller and Popescu, 2017) — far under the double round-off a
 * reference run measures.
 */
export class DoubleDoubleArithmetic implements Arithmetic<DoubleDouble> {
  private scratch = new Float64Array(2 * INITIAL_SLOTS);
  /** The next free slot. */
  private top = 0;
  /** Slots below this last as long as the arithmetic: fields and kept values. */
  private kept = 0;

  fromNumber(x: number): DoubleDouble {
    return this.push(x, 0);
  }

  /** hi + lo rounds the pair once: the nearest double to the 106-bit value. */
  toNumber(x: DoubleDouble): number {
    return this.scratch[2 * x]! + this.scratch[2 * x + 1]!;
  }

  /** The high part of x, exactly. */
  hi(x: DoubleDouble): number {
    return this.scratch[2 * x]!;
  }

  /** The low part of x, exactly: x = hi(x) + lo(x). */
  lo(x: DoubleDouble): number {
    return this.scratch[2 * x + 1]!;
  }

  add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
    const v = this.scratch;
    return this.sum(v[2 * a]!, v[2 * a + 1]!, v[2 * b]!, v[2 * b + 1]!);
  }

  sub(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
    const v = this.scratch;
    return this.sum(v[2 * a]!, v[2 * a + 1]!, -v[2 * b]!, -v[2 * b + 1]!);
  }

  mul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
    const v = this.scratch;
    const ah = v[2 * a]!, al = v[2 * a + 1]!, bh = v[2 * b]!, bl = v[2 * b + 1]!;
    const p = ah * bh;
    const e = productError(ah, bh, p) + (ah * bl + al * bh);
    const hi = p + e;
    return this.push(hi, fastSumError(p, e, hi));
  }

  div(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
    const v = this.scratch;
    const ah = v[2 * a]!, al = v[2 * a + 1]!, bh = v[2 * b]!, bl = v[2 * b + 1]!;
    // One quotient digit q, then the remainder a − q·b (its high part cancels exactly) corrects it.
    const q = ah / bh;
    const p = bh * q;
    const pLo = productError(bh, q, p) + bl * q;
    const ph = p + pLo;
    const pl = fastSumError(p, pLo, ph);
    const correction = (ah - ph + (al - pl)) / bh;
    const hi = q + correction;
    return this.push(hi, fastSumError(q, correction, hi));
  }

  field(length: number): Field<DoubleDouble> {
    const base = this.top;
    this.reserve(base + length);
    this.scratch.fill(0, 2 * base, 2 * (base + length));
    this.top = this.kept = base + length;
    return new DoubleDoubleField(this, base, length);
  }

  keep(): void {
    this.kept = this.top;
  }

  /** Copies `x` into `slot` and recycles the temporaries: storing ends a computation. */
  store(slot: number, x: DoubleDouble): void {
    const v = this.scratch;
    v[2 * slot] = v[2 * x]!;
    v[2 * slot + 1] = v[2 * x + 1]!;
    this.top = this.kept;
  }

  /** (ah + al) + (bh + bl): TwoSum of the high parts and of the low parts, renormalised twice. */
  private sum(ah: number, al: number, bh: number, bl: number): DoubleDouble {
    const s = ah + bh;
    const t = al + bl;
    let e = sumError(ah, bh, s) + t;
    const h = s + e;
    e = fastSumError(s, e, h) + sumError(al, bl, t);
    const hi = h + e;
    return this.push(hi, fastSumError(h, e, hi));
  }

  private push(hi: number, lo: number): DoubleDouble {
    const slot = this.top++;
    if (2 * slot >= this.scratch.length) this.reserve(slot + 1);
    const v = this.scratch;
    v[2 * slot] = hi;
    v[2 * slot + 1] = lo;
    return slot as DoubleDouble;
  }

  /** Grows the scratch (doubling) to hold `slots` slots; values keep their slots. */
  private reserve(slots: number): void {
    if (2 * slots <= this.scratch.length) return;
    const grown = new Float64Array(2 * Math.max(slots, this.scratch.length));
    grown.set(this.scratch);
    this.scratch = grown;
  }
}

/** A run of slots at the bottom of the scratch. */
class DoubleDoubleField implements Field<DoubleDouble> {
  constructor(
    private readonly arithmetic: DoubleDoubleArithmetic,
    private readonly base: number,
    readonly length: number,
  ) {}

  /**
   * Unchecked, unlike a store: a read is a step's hottest operation (a check here costs a quarter of
   * the step), and every step's indices are first run through the checked array fields of the
   * decimal.js certification test.
   */
  get(i: number): DoubleDouble {
    return (this.base + i) as DoubleDouble;
  }

  /** Checked: a store past the end would overwrite another field. */
  set(i: number, x: DoubleDouble): void {
    if (i >>> 0 >= this.length) outside(i, this.length);
    this.arithmetic.store(this.base + i, x);
  }
}

/** Out of line, so the check above stays one compare in the step's hot loop. */
function outside(i: number, length: number): never {
  throw new RangeError(`field index ${i} outside 0..${length - 1}`);
}

/** A fresh double-double arithmetic with its own scratch: one per reference run. */
export function doubleDoubleArithmetic(): DoubleDoubleArithmetic {
  return new DoubleDoubleArithmetic();
}
