import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic, ReferenceParameterError } from '../../src/reference/arithmetic.ts';
import { AUTO_DOUBLE_DOUBLE_ABOVE, referenceArithmetic, resolveReference } from '../../src/reference/choice.ts';
import { DoubleDoubleArithmetic, doubleDoubleArithmetic, type DoubleDouble } from '../../src/reference/double-double.ts';
import { problems } from '../../solvers/index.ts';
import type { Problem } from '../../solvers/problem.ts';
import { problemFromFile } from '../../solvers/user/problem-file.ts';
import { advance, referenceAfter } from '../solvers/helpers.ts';

/** decimal.js at 40 digits for whole runs, 100 (toPrecision's most) for single operations: far past double-double's 32. */
const RUN_DIGITS = 40;
const certified = decimalArithmetic({ precision: RUN_DIGITS });
const D = Decimal.clone({ precision: 100 });
const exactDouble = (x: number, digits = 100): Decimal => new D(x.toPrecision(digits));

/** The value hi + lo of a double-double, to `digits` digits. */
const exactly = (dd: DoubleDoubleArithmetic, x: DoubleDouble, digits = 100): Decimal => exactDouble(dd.hi(x), digits).plus(exactDouble(dd.lo(x), digits));

const maxOf = (values: Iterable<Decimal>): number => Decimal.max(0, ...values).toNumber();

describe('double-double arithmetic', () => {
  it('keeps what a double rounds away, in each operation', () => {
    const dd = doubleDoubleArithmetic();
    const tiny = 2 ** -80;
    const sum = dd.add(dd.fromNumber(1), dd.fromNumber(tiny));
    expect([dd.hi(sum), dd.lo(sum)]).toEqual([1, tiny]);
    expect(dd.toNumber(dd.sub(sum, dd.fromNumber(1)))).toBe(tiny);
    // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰: the last term is below a double's ulp of 1, not a double-double's.
    const x = dd.fromNumber(1 + 2 ** -30);
    const square = dd.mul(x, x);
    expect([dd.hi(square), dd.lo(square)]).toEqual([1 + 2 ** -29, 2 ** -60]);
  });

  it('divides to about 32 significant digits', () => {
    const dd = doubleDoubleArithmetic();
    const third = dd.div(dd.fromNumber(1), dd.fromNumber(3));
    const error = exactly(dd, third).minus(new D(1).dividedBy(3)).abs().times(3).toNumber();
    expect(error).toBeLessThan(2 ** -104);
    expect(error).toBeGreaterThan(0);
    expect(dd.toNumber(third)).toBe(1 / 3);
  });

  /**
   * A double-double hi + lo with hi = ±m·2^e and lo = hi·k·2⁻⁷³, |k| ≤ 2²⁰ (so |lo| ≤ ulp(hi)), built
   * exactly by an addition; the value spans 126 bits, well inside the yardstick's 100 digits.
   */
  const operand = fc
    .tuple(fc.double({ min: 1, max: 2, maxExcluded: true, noNaN: true }), fc.integer({ min: -60, max: 60 }), fc.boolean(), fc.integer({ min: -(2 ** 20), max: 2 ** 20 }))
    .map(([m, e, negative, k]) => {
      const hi = (negative ? -m : m) * 2 ** e;
      return { hi, lo: hi * k * 2 ** -73 };
    });
  /** Two operands, a third of the time with equal high parts and a third with opposite ones: the cancellations where the low parts decide. */
  const operands = fc.tuple(operand, operand, fc.constantFrom(0, 1, -1)).map(([a, b, tie]) => {
    if (tie === 0) return [a, b] as const;
    const hi = tie * a.hi;
    return [a, { hi, lo: (hi * b.lo) / b.hi }] as const;
  });
  const operations = {
    add: (a: Decimal, b: Decimal) => a.plus(b),
    sub: (a: Decimal, b: Decimal) => a.minus(b),
    mul: (a: Decimal, b: Decimal) => a.times(b),
    div: (a: Decimal, b: Decimal) => a.dividedBy(b),
  };
  // Proven bounds (Joldes, Muller, Popescu 2017): 3u², 7u², 15u² with u = 2⁻⁵³; c = 4 covers them all.
  const BOUND = 4 * 2 ** -104;

  it.each(Object.keys(operations) as (keyof typeof operations)[])('%s: relative error within 4·2⁻¹⁰⁴ of decimal.js at 100 digits', (name) => {
    fc.assert(
      fc.property(operands, ([a, b]) => {
        const dd = doubleDoubleArithmetic();
        const x = dd.add(dd.fromNumber(a.hi), dd.fromNumber(a.lo));
        const y = dd.add(dd.fromNumber(b.hi), dd.fromNumber(b.lo));
        const exactX = exactDouble(a.hi).plus(exactDouble(a.lo));
        const exactY = exactDouble(b.hi).plus(exactDouble(b.lo));
        // The operands are held exactly (an addition of two doubles is error-free in double-double), up to the yardstick's 100 digits.
        expect(exactly(dd, x).minus(exactX).abs().lte(exactX.abs().times(1e-95))).toBe(true);
        const truth = operations[name](exactX, exactY);
        const result = exactly(dd, dd[name](x, y));
        if (truth.isZero()) return result.isZero();
        // The result is normalised: |lo| ≤ ulp(hi)/2, so hi is the double nearest the value.
        const z = dd[name](x, y);
        return result.minus(truth).abs().dividedBy(truth.abs()).toNumber() <= BOUND && dd.hi(z) + dd.lo(z) === dd.hi(z);
      }),
      { numRuns: 2000 },
    );
  });

  it('recycles a step’s temporaries at each store, keeps fields and kept values', () => {
    const dd = doubleDoubleArithmetic();
    const field = dd.field(3);
    const half = dd.fromNumber(0.5);
    dd.keep();
    field.set(0, dd.mul(half, dd.fromNumber(3)));
    const temporary = dd.fromNumber(7);
    field.set(1, dd.add(half, half));
    // The slot of a value made since the last store is reused by the next value: it holds that one now.
    const reused = dd.fromNumber(11);
    expect(reused).toBe(temporary);
    expect([dd.toNumber(field.get(0)), dd.toNumber(field.get(1)), dd.toNumber(half)]).toEqual([1.5, 1, 0.5]);
    expect(() => field.set(3, half)).toThrow(RangeError);
    expect(() => field.set(-1, half)).toThrow(RangeError);
    // The array fields every step is certified through check reads too.
    const checked = decimalArithmetic().field(3);
    expect(() => checked.get(3)).toThrow(RangeError);
    expect(() => checked.set(1.5, certified.fromNumber(1))).toThrow(RangeError);
  });
});

describe('double-double reference, certified against decimal.js', () => {
  // Small sizes of every built-in problem, with enough steps for round-off to build up, and a user's problem file.
  const heatedPlate = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/problems/heated-plate.json'), 'utf8')) as Record<string, unknown>;
  const cases: [string, () => Promise<Problem>, number][] = [
    ['diffusion2d', async () => problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 16 }), 40],
    ['diffusion2d dirichlet', async () => problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 16, boundary: 'dirichlet' }), 40],
    ['diffusion3d', async () => problems.diffusion3d.create({ ...problems.diffusion3d.quick, n: 8 }), 20],
    ['advection1d', async () => problems.advection1d.create(problems.advection1d.quick), 75],
    ['advection2d', async () => problems.advection2d.create({ ...problems.advection2d.quick, n: 12 }), 30],
    ['poisson-jacobi', async () => problems['poisson-jacobi'].create({ ...problems['poisson-jacobi'].quick, n: 8 }), 200],
    ['gauss-seidel', async () => problems['gauss-seidel'].create(problems['gauss-seidel'].quick), 30],
    ['problem file (heated plate)', () => problemFromFile({ ...heatedPlate, shape: [12, 12] }), 40],
  ];

  it.each(cases)('%s: agrees with decimal.js far below the double round-off it measures', async (_, create, steps) => {
    const problem = await create();
    const dd = doubleDoubleArithmetic();
    const exact = referenceAfter(certified, problem, steps);
    const fast = referenceAfter(dd, problem, steps);
    const double = advance(problem, steps);
    const scale = maxOf(exact.map((v) => v.abs()));
    const roundoff = maxOf(exact.map((v, i) => v.minus(certified.fromNumber(double[i]!)).abs()));
    const disagreement = maxOf(exact.map((v, i) => v.minus(exactly(dd, fast[i]!, RUN_DIGITS)).abs()));
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

  it('builds a fresh arithmetic of the named kind with its settings', () => {
    const dd = referenceArithmetic({ arithmetic: 'double-double' });
    expect(dd).toBeInstanceOf(DoubleDoubleArithmetic);
    expect(referenceArithmetic({ arithmetic: 'double-double' })).not.toBe(dd);
    const decimal = referenceArithmetic({ arithmetic: 'decimal', precision: 5 });
    expect(String(decimal.div(decimal.fromNumber(2), decimal.fromNumber(3)))).toBe('0.66667');
  });
});
