import { ddAddDd, ddDiffDd, ddDivDd, ddMultDd } from 'double-double';
import type { Arithmetic } from './arithmetic.ts';

/**
 * An unevaluated sum hi + lo of two doubles with |lo| ≤ ulp(hi)/2 (the `double-double` package's
 * [lo, hi] order): 106 significand bits, about 32 significant digits.
 */
export type DoubleDouble = number[];

/**
 * Double-double arithmetic: error-free transformations (TwoSum, and TwoProd by Dekker's splitting,
 * no fused multiply-add needed) on plain doubles. Each operation's relative error is below 16·2⁻¹⁰⁶,
 * far under the double round-off the reference run measures, at a tenth of a 21-digit decimal.js
 * operation's cost or less.
 */
export const doubleDoubleArithmetic: Arithmetic<DoubleDouble> = {
  fromNumber: (x) => [0, x],
  // hi + lo rounds the pair once: the nearest double to the 106-bit value.
  toNumber: (x) => x[1]! + x[0]!,
  add: ddAddDd,
  sub: ddDiffDd,
  mul: ddMultDd,
  div: ddDivDd,
};
