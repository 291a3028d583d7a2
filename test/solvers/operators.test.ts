import { describe, expect, it } from 'vitest';
import { numberArithmetic } from '../../src/reference/arithmetic.ts';
import { problems } from '../../solvers/index.ts';
import { referenceStepIn, type Problem, type Stencil } from '../../solvers/problem.ts';
import { fieldLength } from './helpers.ts';

const quickProblems: Problem[] = [
  ...Object.values(problems).map((definition) => (definition.create as (p: unknown) => Problem)(definition.quick)),
  problems.diffusion2d.create({ ...problems.diffusion2d.quick, boundary: 'dirichlet' }),
  problems.diffusion3d.create({ ...problems.diffusion3d.quick, boundary: 'dirichlet' }),
  problems.advection1d.create({ ...problems.advection1d.quick, velocity: -2 }),
  problems.advection2d.create({ ...problems.advection2d.quick, velocity: [1, -0.5] }),
];

function randomField(length: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1);
}

/** Σ weights · x[i + offset], periodic in every axis. */
function applyStencil(stencil: Stencil, shape: readonly number[], x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  const strides = shape.map((_, a) => shape.slice(0, a).reduce((p, q) => p * q, 1));
  for (let i = 0; i < x.length; i++) {
    const coords = shape.map((n, a) => Math.floor(i / strides[a]!) % n);
    stencil.offsets.forEach((offset, s) => {
      const j = coords.reduce((sum, c, a) => sum + (((c + offset[a]!) % shape[a]! + shape[a]!) % shape[a]!) * strides[a]!, 0);
      out[i] = out[i]! + stencil.weights[s]! * x[j]!;
    });
  }
  return out;
}

describe.each(quickProblems.map((p) => [`${p.name} ${p.shape.join('×')}`, p] as const))('%s', (_, problem) => {
  const length = fieldLength(problem);

  it('steps src → dst into preallocated buffers, returns nothing, leaves src alone', () => {
    const src = randomField(length, 1);
    const copy = src.slice();
    const dst = new Float64Array(length).fill(NaN);
    expect(problem.step(src, dst)).toBeUndefined();
    expect(src).toEqual(copy);
    expect(dst.every(Number.isFinite)).toBe(true);
  });

  it('the generic step over plain numbers is the same scheme, bit for bit', () => {
    const src = randomField(length, 2);
    const dst = new Float64Array(length);
    problem.step(src, dst);
    const [from, to] = [numberArithmetic.field(length), numberArithmetic.field(length)];
    src.forEach((v, i) => from.set(i, v));
    referenceStepIn(problem, numberArithmetic)(from, to);
    expect(Array.from({ length }, (_, i) => to.get(i))).toEqual([...dst]);
  });

  it('its operator facts describe the step', () => {
    const { facts } = problem;
    const x = randomField(length, 3);
    const y = randomField(length, 4);
    const [fx, fy, ax] = [new Float64Array(length), new Float64Array(length), new Float64Array(length)];
    problem.step(x, fx);
    problem.step(y, fy);
    const diff = x.map((v, i) => v - y[i]!);
    facts.applyLinearPart(diff, ax);
    // Linear: F(x) − F(y) = A(x − y); Lipschitz: ‖A(x − y)‖ ≤ L‖x − y‖.
    const tol = 1e-13;
    fx.forEach((v, i) => expect(Math.abs(v - fy[i]! - ax[i]!)).toBeLessThan(tol));
    const norm = (v: Float64Array): number => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
    expect(norm(ax)).toBeLessThanOrEqual(facts.lipschitz * norm(diff) + tol);
    if (facts.stencil) {
      applyStencil(facts.stencil, problem.shape, diff).forEach((v, i) => expect(Math.abs(v - ax[i]!)).toBeLessThan(tol));
      expect(facts.nonnegative).toBe(facts.stencil.weights.every((w) => w >= 0));
      expect(facts.lipschitz).toBeCloseTo(facts.stencil.weights.reduce((s, w) => s + Math.abs(w), 0), 14);
    }
    if (facts.nonnegative) {
      const ones = new Float64Array(length).fill(1);
      facts.applyLinearPart(diff.map(Math.abs), ax);
      expect(ax.every((v) => v >= 0)).toBe(true);
      facts.applyLinearPart(ones, ax);
      expect(norm(ax)).toBeLessThanOrEqual(facts.lipschitz + tol);
    }
  });
});

describe('operator facts', () => {
  it('Lax–Wendroff in 1D has Lipschitz constant 1 + ν − ν²', () => {
    const nu = 0.8;
    expect(problems.advection1d.create(problems.advection1d.defaults).facts.lipschitz).toBeCloseTo(1 + nu - nu * nu, 15);
  });

  it('diffusion is a nonnegative average (L = 1), Jacobi has ρ = cos πh and ‖G‖∞ = 1', () => {
    expect(problems.diffusion2d.create(problems.diffusion2d.defaults).facts).toMatchObject({ lipschitz: 1, nonnegative: true, linear: true });
    const jacobi = problems['poisson-jacobi'].create(problems['poisson-jacobi'].defaults).facts;
    expect(jacobi.jacobi).toEqual({ spectralRadius: Math.cos(Math.PI / 65), maxNorm: 1 });
    expect(jacobi.lipschitz).toBe(1);
  });
});
