import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic, ReferenceParameterError } from '../../src/reference/arithmetic.ts';

import { problems } from '../../solvers/index.ts';
import type { Problem } from '../../solvers/problem.ts';
import { advance, referenceAfter } from './helpers.ts';

/** The problem's generic step in decimal.js at `precision` digits, rounded back to doubles. */
function decimalAfter(problem: Problem, steps: number, precision: number): Float64Array {
  const ar = decimalArithmetic({ precision });
  return Float64Array.from(referenceAfter(ar, problem, steps), (v) => ar.toNumber(v));
}

describe('decimal.js reference', () => {
  const cases: [string, Problem, number][] = [
    ['diffusion2d', problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 16 }), 20],
    ['diffusion3d', problems.diffusion3d.create({ ...problems.diffusion3d.quick, n: 8 }), 10],
    ['advection1d', problems.advection1d.create(problems.advection1d.quick), 75],
    ['advection2d', problems.advection2d.create({ ...problems.advection2d.quick, n: 12 }), 15],
    ['poisson-jacobi', problems['poisson-jacobi'].create({ ...problems['poisson-jacobi'].quick, n: 8 }), 100],
    ['gauss-seidel', problems['gauss-seidel'].create(problems['gauss-seidel'].quick), 20],
  ];

  it.each(cases)('%s: differs from the double run at the round-off level, and not by zero', (_, problem, steps) => {
    const double = advance(problem, steps);
    const reference = decimalAfter(problem, steps, 21);
    const scale = double.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const diff = double.reduce((m, v, i) => Math.max(m, Math.abs(v - reference[i]!)), 0);
    expect(diff / scale).toBeGreaterThan(0);
    expect(diff / scale).toBeLessThan(1e-13);
    // A 34-digit run agrees with the 21-digit one far below double round-off.
    const higher = decimalAfter(problem, steps, 34);
    const check = higher.reduce((m, v, i) => Math.max(m, Math.abs(v - reference[i]!)), 0);
    expect(check / scale).toBeLessThan(diff / scale / 10);
  });

  it('uses its own Decimal clone with precision 21 and half-even rounding by default', () => {
    const ar = decimalArithmetic();
    expect(ar.div(ar.fromNumber(2), ar.fromNumber(3)).toString()).toBe('0.666666666666666666667');
    // Half-even: 0.5 → 0 at integer precision, 2.5 → 2.
    const one = decimalArithmetic({ precision: 1 });
    expect(one.add(one.fromNumber(2), one.fromNumber(0.5)).toString()).toBe('2');
    const up = decimalArithmetic({ precision: 1, rounding: Decimal.ROUND_HALF_UP });
    expect(up.add(up.fromNumber(2), up.fromNumber(0.5)).toString()).toBe('3');
    // The double's exact value enters, rounded to the working precision.
    expect(ar.fromNumber(0.1).toString()).toBe('0.100000000000000005551');
    expect(Decimal.precision).toBe(20);
    expect(() => decimalArithmetic({ precision: 0 })).toThrow(ReferenceParameterError);
  });
});
