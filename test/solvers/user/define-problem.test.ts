import { describe, expect, it } from 'vitest';
import { registerProblem } from '../../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../../src/analysis/simulation-run.ts';
import { defineProblem, estimateLinearity, estimateLipschitz, ProblemDefinitionError, problemFromDefinition } from '../../../solvers/user/define-problem.ts';
import burgers from '../../../examples/problems/burgers.ts';
import leastSquares from '../../../examples/problems/least-squares.ts';

const scale = (c: number) => (src: Float64Array, dst: Float64Array) => dst.forEach((_, i) => (dst[i] = c * src[i]!));

describe('estimated facts', () => {
  it('linearity: an affine step passes, a quadratic one fails', () => {
    expect(estimateLinearity((s, d) => d.forEach((_, i) => (d[i] = 0.5 * s[i]! + 1)), 16, 1)).toBe(true);
    expect(estimateLinearity((s, d) => d.forEach((_, i) => (d[i] = s[i]! * s[i]!)), 16, 1)).toBe(false);
  });
  it('the Lipschitz estimate finds a diagonal map’s largest gain', () => {
    const step = (s: Float64Array, d: Float64Array) => d.forEach((_, i) => (d[i] = (i === 3 ? 1.7 : 0.4) * s[i]!));
    expect(estimateLipschitz(step, new Float64Array(8).fill(1))).toBeCloseTo(1.7, 6);
    expect(estimateLipschitz(scale(0.25), new Float64Array(8))).toBeCloseTo(0.25, 9);
  });
});

describe('defineProblem', () => {
  it('marks a bound that rests on estimated facts, and one on assumed facts', () => {
    const name = registerProblem(problemFromDefinition(burgers));
    const record = runSimulation({ problem: name, params: {}, spec: { mode: 'precision', precision: 24 }, maxRecorded: 10 });
    expect(record.summary.theorem).toMatch(/estimated, not proven: lipschitz and linear estimated/);
    expect(record.summary.boundHeld).toBe(true);
    const assumed = registerProblem(problemFromDefinition(defineProblem({ name: 'halving', shape: [8], steps: 5, initial: new Float64Array(8).fill(1), step: scale(0.5), facts: { lipschitz: 0.5, linear: true } })));
    const r2 = runSimulation({ problem: assumed, params: {}, spec: { mode: 'precision', precision: 12 }, maxRecorded: 10 });
    expect(r2.summary.theorem).toMatch(/L = 0\.5\) — lipschitz and linear assumed as given$/);
  });
  it('gradient descent on least squares reaches its fixed point within the tolerance', () => {
    const name = registerProblem(problemFromDefinition(leastSquares));
    const record = runSimulation({ problem: name, params: {}, spec: { mode: 'precision', precision: 40 }, maxRecorded: Infinity });
    expect(record.summary.finalNumericalError).toBeLessThan(1e-12);
    expect(record.summary.boundHeld).toBe(true);
  });
  it('refuses a definition whose initial state does not match its shape, naming it', () => {
    expect(() => defineProblem({ name: 'bad', shape: [4, 4], steps: 1, initial: [1, 2, 3], step: scale(1) })).toThrow(ProblemDefinitionError);
    expect(() => defineProblem({ name: 'bad', shape: [4, 4], steps: 1, initial: [1, 2, 3], step: scale(1) })).toThrow(/initial has 3 values, the shape 16/);
  });
});
