import { Decimal } from 'decimal.js';


/**
 * The operations a step needs, over some number type. The reference run uses decimal.js
 * through this; the same step over plain numbers reproduces the Float64Array step bit for bit.
 */
export interface Arithmetic<T> {
  fromNumber(x: number): T;
  toNumber(x: T): number;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
}

export const numberArithmetic: Arithmetic<number> = {
  fromNumber: (x) => x,
  toNumber: (x) => x,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
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
  return {
    // toPrecision rounds the double's exact binary value, not its shortest decimal spelling.
    fromNumber: (x) => new D(x.toPrecision(precision)),
    toNumber: (x) => x.toNumber(),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.dividedBy(b),
  };
}
