import { decimalArithmetic, ReferenceParameterError, type Arithmetic, type DecimalOptions } from './arithmetic.ts';
import { doubleDoubleArithmetic } from './double-double.ts';

/** The arithmetics a reference run can use: decimal.js (certified, slow) or double-double (fast). */
export const REFERENCE_ARITHMETICS = ['decimal', 'double-double'] as const;
export type ReferenceArithmeticName = (typeof REFERENCE_ARITHMETICS)[number];

/** What a user asks for: one arithmetic, or `auto` to pick by the field's size. */
export type ReferenceChoice = ReferenceArithmeticName | 'auto';

/**
 * `auto` keeps decimal.js up to this many grid points (32²) and takes double-double above: at about
 * 4 µs a point and step, decimal.js costs the full 64² diffusion sweep most of a minute.
 */
export const AUTO_DOUBLE_DOUBLE_ABOVE = 1024;

/** A reference run's arithmetic with its settings. */
export type ReferenceSpec = ({ readonly arithmetic: 'decimal' } & DecimalOptions) | { readonly arithmetic: 'double-double' };

export function isReferenceChoice(value: string): value is ReferenceChoice {
  return value === 'auto' || (REFERENCE_ARITHMETICS as readonly string[]).includes(value);
}

export function resolveReference(choice: ReferenceChoice, points: number): ReferenceArithmeticName {
  if (!isReferenceChoice(choice)) throw new ReferenceParameterError(`reference must be auto, ${REFERENCE_ARITHMETICS.join(' or ')}, got ${String(choice)}`);
  if (choice !== 'auto') return choice;
  return points > AUTO_DOUBLE_DOUBLE_ABOVE ? 'double-double' : 'decimal';
}

/** A fresh arithmetic of the kind a spec names; its number type stays opaque to the run, which only passes values back. */
export function referenceArithmetic(spec: ReferenceSpec): Arithmetic<unknown> {
  if (spec.arithmetic === 'double-double') return doubleDoubleArithmetic() as Arithmetic<unknown>;
  const { arithmetic: _, ...options } = spec;
  return decimalArithmetic(options) as Arithmetic<unknown>;
}
