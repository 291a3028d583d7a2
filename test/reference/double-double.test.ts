import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic } from '../../src/reference/arithmetic.ts';
import { AUTO_DOUBLE_DOUBLE_ABOVE, referenceArithmetic, resolveReference } from '../../src/reference/choice.ts';
import { doubleDoubleArithmetic as dd, type DoubleDouble } from '../../src/reference/double-double.ts';
import { ReferenceParameterError } from '../../src/reference/arithmetic.ts';
import { problems } from '../../solvers/index.ts';
import type { Problem, ProblemName } from '../../solvers/problem.ts';
import { advance, referenceAfter } from '../solvers/helpers.ts';

/** decimal.js at 40 digits: the certified yardstick, ten digits past double-double's. */
const certified = decimalArithmetic({ precision: 40 });
const D = Decimal.clone({ precision: 40 });

/** The exact value hi + lo of a double-double, to 40 digits. */
const exactly = (x: DoubleDouble): Decimal => new D(x[1]!.toPrecision(40)).plus(new D(x[0]!.toPrecision(40)));

const maxOf = (values: Iterable<Decimal>): number => Decimal.max(0, ...values).toNumber();

describe('double-double arithmetic', () => {
  it('keeps what a double rounds away, in each operation', () => {
    const tiny = 2 ** -80;
    const sum = dd.add(dd.fromNumber(1), dd.fromNumber(tiny));
    expect(sum).toEqual([tiny, 1]);
    expect(dd.toNumber(dd.sub(sum, dd.fromNumber(1)))).toBe(tiny);
    // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰: the last term is below a double's ulp of 1, not a double-double's.
    const x = dd.fromNumber(1 + 2 ** -30);
    expect(dd.mul(x, x)).toEqual([2 ** -60, 1 + 2 ** -29]);
  });

  it('divides to about 32 significant digits', () => {
    const third = dd.div(dd.fromNumber(1), dd.fromNumber(3));
    const error = exactly(third).minus(new D(1).dividedBy(3)).abs().times(3).toNumber();
    expect(error).toBeLessThan(2 ** -104);
    expect(error).toBeGreaterThan(0);
    expect(dd.toNumber(third)).toBe(1 / 3);
  });
});

describe('double-double reference, certified against decimal.js', () => {
  // Small sizes of every built-in problem, with enough steps for round-off to build up.
  const cases: Record<ProblemName, [Problem, number]> = {
    diffusion2d: [problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 16 }), 40],
    diffusion3d: [problems.diffusion3d.create({ ...problems.diffusion3d.quick, n: 8 }), 20],
    advection1d: [problems.advection1d.create(problems.advection1d.quick), 75],
    advection2d: [problems.advection2d.create({ ...problems.advection2d.quick, n: 12 }), 30],
    'poisson-jacobi': [problems['poisson-jacobi'].create({ ...problems['poisson-jacobi'].quick, n: 8 }), 200],
    'gauss-seidel': [problems['gauss-seidel'].create(problems['gauss-seidel'].quick), 30],
  };

  it.each(Object.entries(cases))('%s: agrees with decimal.js far below the double round-off it measures', (_, [problem, steps]) => {
    const exact = referenceAfter(certified, problem, steps);
    const fast = referenceAfter(dd, problem, steps);
    const double = advance(problem, steps);
    const scale = maxOf(exact.map((v) => v.abs()));
    const roundoff = maxOf(exact.map((v, i) => v.minus(certified.fromNumber(double[i]!)).abs()));
    const disagreement = maxOf(exact.map((v, i) => v.minus(exactly(fast[i]!)).abs()));
    expect(roundoff / scale).toBeGreaterThan(1e-18);
    expect(disagreement / scale).toBeLessThan(1e-28);
    expect(disagreement).toBeLessThan(roundoff * 1e-10);
  });
});

describe('choosing the reference', () => {
  it('auto keeps decimal.js up to the threshold and takes double-double above it', () => {
    expect(resolveReference('auto', AUTO_DOUBLE_DOUBLE_ABOVE)).toBe('decimal');
    expect(resolveReference('auto', AUTO_DOUBLE_DOUBLE_ABOVE + 1)).toBe('double-double');
    expect(resolveReference('decimal', 1e9)).toBe('decimal');
    expect(resolveReference('double-double', 1)).toBe('double-double');
    expect(() => resolveReference('quad' as 'auto', 1)).toThrow(ReferenceParameterError);
  });

  it('builds the named arithmetic with its settings', () => {
    expect(referenceArithmetic({ arithmetic: 'double-double' })).toBe(dd);
    const decimal = referenceArithmetic({ arithmetic: 'decimal', precision: 5 });
    expect(String(decimal.div(decimal.fromNumber(2), decimal.fromNumber(3)))).toBe('0.66667');
  });
});
