import { describe, expect, it } from 'vitest';
import { float16Kind, float32Kind, float64Kind } from '../../src/array/ieee.ts';
import type { RepresentationKind } from '../../src/array/representation.ts';
import { maxDistance, maxNorm } from '../../solvers/grid.ts';
import { problems } from '../../solvers/index.ts';
import type { Problem, Step } from '../../solvers/problem.ts';
import { run } from '../../solvers/runner.ts';
import type { Arithmetic } from '../../src/reference/arithmetic.ts';
import type { ReferenceSpec } from '../../src/reference/choice.ts';
import { advance } from './helpers.ts';

describe('runner', () => {
  it('runs several inline tracks against one double run, x̃_{k+1} = F(Q(x̃_k))', () => {
    const problem = problems.advection1d.create(problems.advection1d.quick);
    const progress: number[] = [];
    const result = run(problem, {
      representations: [float64Kind, float32Kind, float16Kind],
      steps: 10,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(result.steps).toBe(10);
    expect(result.tracks.map((t) => t.representation)).toEqual(['float64', 'float32', 'float16']);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => k / 10));
    const [double, single, half] = result.tracks;
    expect(double!.steps).toHaveLength(11);
    expect(double!.steps.every((s) => s.zfpError === 0 && s.ratio === 1 && s.roundoffError === null)).toBe(true);
    expect(half!.steps[10]!).toMatchObject({ k: 10, ratio: 4, minPlanes: null, maxPlanes: null, maxBlockNorm: null });

    // Redo the float16 track by hand.
    const q = float16Kind.create(problem.shape);
    const x = new Float64Array(problem.shape[0]!);
    const loaded = x.slice();
    problem.initial(x);
    q.store(x);
    for (let k = 1; k <= 10; k++) {
      q.load(loaded);
      problem.step(loaded, x);
      q.store(x);
    }
    const u = advance(problem, 10);
    expect(half!.steps[10]!.zfpError).toBe(maxDistance(x, u));
    expect(half!.steps[10]!.stateNorm).toBe(maxNorm(x));
    expect(half!.steps[10]!.zfpError).toBeGreaterThan(single!.steps[10]!.zfpError);
    expect(single!.steps[10]!.zfpError).toBeGreaterThan(0);
    // The numerical error is the double run's, shared by every track.
    const exact = new Float64Array(u.length);
    problem.exact(10, exact);
    for (const track of result.tracks) expect(track.steps[10]!.numericalError).toBe(maxDistance(u, exact));
  });

  it('shows a watcher every step as it is recorded, with the double and inline states of that step', () => {
    const problem = problems.advection1d.create(problems.advection1d.quick);
    const seen: { k: number[]; solutionError: number; stateError: number } = { k: [], solutionError: 0, stateError: 0 };
    const result = run(problem, {
      representations: [float16Kind],
      steps: 6,
      onStep: ({ records, solution, states }) => {
        const k = records[0]!.k;
        seen.k.push(k);
        seen.solutionError = Math.max(seen.solutionError, maxDistance(solution, advance(problem, k)));
        // The record's own zfpError is ‖ũ_k − u_k‖∞ of exactly these two arrays.
        seen.stateError = Math.max(seen.stateError, Math.abs(maxDistance(states[0]!, solution) - records[0]!.zfpError));
      },
    });
    expect(seen.k).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(result.tracks[0]!.steps[6]!.zfpError).toBeGreaterThan(0);
    expect(seen.solutionError).toBe(0);
    expect(seen.stateError).toBe(0);
  });

  it('records the reference round-off when asked', () => {
    const problem = problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 8 });
    const result = run(problem, { representations: [float64Kind], steps: 5, reference: { arithmetic: 'decimal', precision: 21 } });
    const roundoff = result.tracks[0]!.steps.map((s) => s.roundoffError!);
    expect(roundoff[0]).toBe(0);
    expect(roundoff[5]).toBeGreaterThan(0);
    expect(roundoff[5]).toBeLessThan(1e-15);
  });

  it('gives the same round-off curve with the double-double reference as with decimal.js', () => {
    const problem = problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 8 });
    const curve = (reference: ReferenceSpec) => run(problem, { representations: [float64Kind], steps: 5, reference }).tracks[0]!.steps.map((s) => s.roundoffError!);
    const decimal = curve({ arithmetic: 'decimal', precision: 40 });
    const doubleDouble = curve({ arithmetic: 'double-double' });
    expect(decimal[5]).toBeGreaterThan(0);
    doubleDouble.forEach((e, k) => expect(Math.abs(e - decimal[k]!)).toBeLessThanOrEqual(decimal[k]! * 1e-9));
  });

  it('subtracts in the reference arithmetic, so the round-off curve is not quantized to ulps of u', () => {
    // u_{k+1} = u_k/3 + 1 stays in [1, 2), where doubles are spaced 2^-52: rounding the reference to
    // double before subtracting would give whole multiples of 2^-52.
    const step = <T>(a: Arithmetic<T>): Step<T> => (x, out) => {
      out.set(0, a.add(a.div(x.get(0), a.fromNumber(3)), a.fromNumber(1)));
    };
    const thirds = {
      ...problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 8 }),
      shape: [1],
      steps: 8,
      tolerance: null,
      initial: (out: Float64Array) => out.fill(1.25),
      exact: (_k: number, out: Float64Array) => out.fill(1.5),
      step: (x: Float64Array, out: Float64Array) => {
        out[0] = x[0]! / 3 + 1;
      },
      referenceStep: step,
    } as Problem;
    const roundoff = run(thirds, { representations: [float64Kind], reference: { arithmetic: 'decimal', precision: 30 } }).tracks[0]!.steps.map((s) => s.roundoffError!);
    const ulps = roundoff.slice(1).map((e) => e / 2 ** -52);
    expect(Math.max(...ulps)).toBeGreaterThan(0);
    expect(Math.max(...ulps)).toBeLessThan(2);
    expect(ulps.some((m) => m > 0 && !Number.isInteger(m))).toBe(true);
  });

  it('stops a fixed-point run at its tolerance', () => {
    const problem = problems['poisson-jacobi'].create({ n: 8, tolerance: 1e-10, maxIterations: 10_000 });
    const result = run(problem, { representations: [float64Kind, float16Kind] });
    const steps = result.tracks[0]!.steps;
    expect(result.steps).toBeLessThan(10_000);
    expect(steps[steps.length - 1]!.numericalError).toBeLessThan(1e-10);
    expect(steps[steps.length - 2]!.numericalError).toBeGreaterThanOrEqual(1e-10);
    // float16 stalls far above the tolerance.
    expect(result.tracks[1]!.steps[result.steps]!.zfpError).toBeGreaterThan(1e-5);
  });

  it('records ‖ũ_k − u*‖∞ per step of a fixed-point run, and none for a time-stepping one', () => {
    const problem = problems['poisson-jacobi'].create({ n: 8, tolerance: 1e-10, maxIterations: 40 });
    const fixedPoint = new Float64Array(64);
    problem.exact(0, fixedPoint);
    const watched: number[] = [];
    const result = run(problem, { representations: [float16Kind], onStep: ({ states }) => watched.push(maxDistance(states[0]!, fixedPoint)) });
    expect(result.tracks[0]!.fixedPointErrors).toEqual(watched);
    expect(watched).toHaveLength(41);
    expect(watched[40]).toBeGreaterThan(0);
    expect(watched[40]).toBeLessThan(watched[0]!);
    const timeStepping = run(problems.advection1d.create(problems.advection1d.quick), { representations: [float16Kind], steps: 3 });
    expect(timeStepping.tracks[0]!.fixedPointErrors).toBeNull();
  });

  it('passes each Gauss–Seidel block through the representation right after its update', () => {
    const problem = problems['gauss-seidel'].create(problems['gauss-seidel'].quick);
    const shapes: number[][] = [];
    const spy: RepresentationKind = {
      name: 'float16-spy',
      create: (shape) => {
        shapes.push([...shape]);
        return float16Kind.create(shape);
      },
    };
    const result = run(problem, { representations: [spy, float64Kind] });
    expect(shapes).toEqual([[4]]);
    const [half, double] = result.tracks;
    expect(double!.steps.every((s) => s.zfpError === 0)).toBe(true);
    const last = half!.steps[result.steps]!;
    expect(last.ratio).toBe(4);
    expect(last.maxBlockNorm).toBeGreaterThan(0);
    // Theorem 3.16 with float16's half-ulp relative error 2^-11 as K.
    const { gamma, lambda } = problem.facts.blockDominance!;
    const Y = Math.max(...half!.steps.map((s) => s.maxBlockNorm!));
    expect(last.zfpError).toBeGreaterThan(0);
    expect(last.zfpError).toBeLessThanOrEqual((lambda * 2 ** -11 * Y) / (1 - gamma));
  });
});
