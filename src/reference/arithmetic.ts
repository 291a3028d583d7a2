import { Decimal } from 'decimal.js';


/**
 * A field of values in some arithmetic, addressed by flat index. Storing ends a computation: a
 * value computed since the previous store may be recycled once `set` returns (double-double keeps
 * its temporaries in a scratch it rewinds there), so what must outlive a store goes into a field.
 */
export interface Field<T> {
  readonly length: number;
  get(i: number): T;
  set(i: number, x: T): void;
}

/**
 * The operations a step needs, over some number type. The reference run uses decimal.js or
 * double-double through this; the same step over plain numbers reproduces the Float64Array step
 * bit for bit.
 */
export interface Arithmetic<T> {
  fromNumber(x: number): T;
  toNumber(x: T): number;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  /** A field of `length` zeros; it lasts as long as the arithmetic. */
  field(length: number): Field<T>;
  /** Makes every value computed so far last as long as the arithmetic: a step's constants, computed before it runs. */
  keep(): void;
}

/** A field over a plain array: nothing to recycle, every index checked. */
function arrayField<T>(values: T[]): Field<T> {
  const check = (i: number): number => {
    if (!(Number.isInteger(i) && i >= 0 && i < values.length)) throw new RangeError(`field index ${i} outside 0..${values.length - 1}`);
    return i;
  };
  return {
    length: values.length,
    get: (i) => values[check(i)]!,
    set: (i, x) => {
      values[check(i)] = x;
    },
  };
}

export const numberArithmetic: Arithmetic<number> = {
  fromNumber: (x) => x,
  toNumber: (x) => x,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  field: (length) => arrayField(new Array<number>(length).fill(0)),
  keep: () => {},
};

export interface DecimalOptions {
  /** Significant digits, 1..100; 21 covers the 19.3 digits of an 80-bit significand. */
  readonly precision?: number;
  readonly rounding?: Decimal.Rounding;
}

/** A reference-run setting outside what decimal.js can honour. */
export class ReferenceParameterError extends Error {
  override name = 'ReferenceParameterError';
}

/** decimal.js arithmetic on its own Decimal clone, so other users' settings never leak in. */
export function decimalArithmetic({ precision = 21, rounding = Decimal.ROUND_HALF_EVEN }: DecimalOptions = {}): Arithmetic<Decimal> {
  if (!Number.isInteger(precision) || precision < 1 || precision > 100) {
    throw new ReferenceParameterError(`reference precision must be an integer number of digits in 1..100, got ${precision}`);
  }
  const D = Decimal.clone({ precision, rounding });
  const zero = new D(0);
  return {
    // toPrecision rounds the double's exact binary value, not its shortest decimal spelling.
    fromNumber: (x) => new D(x.toPrecision(precision)),
    toNumber: (x) => x.toNumber(),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.dividedBy(b),
    field: (length) => arrayField(new Array<Decimal>(length).fill(zero)),
    keep: () => {},
  };
}
