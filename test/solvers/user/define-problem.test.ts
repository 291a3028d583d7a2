import { describe, expect, it } from 'vitest';
import { registerProblem } from '../../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../../src/analysis/simulation-run.ts';
import { checkOperatorFacts } from '../../../src/analysis/operator-check.ts';
import { defineProblem, estimateLinearity, estimateLipschitz, ProblemDefinitionError, problemFromDefinition, type DefinedProblem, type StatedFacts } from '../../../solvers/user/define-problem.ts';
import { densePowerNorms, TheoremHypothesisError } from '../../../theorems/index.ts';
import burgers from '../../../examples/problems/burgers.ts';
import leastSquares from '../../../examples/problems/least-squares.ts';
import { advection2d } from '../../../examples/problems/advection2d.ts';
import { gaussSeidel } from '../../../examples/problems/gauss-seidel.ts';

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

/** 1D Jacobi for −u'' = f with zero ends, fixed point x* = sin(π(i+1)/(n+1)) by construction of the source. */
function jacobiModule(n: number, facts: StatedFacts) {
  const xStar = Float64Array.from({ length: n }, (_, i) => Math.sin((Math.PI * (i + 1)) / (n + 1)));
  const g = (x: Float64Array, i: number) => 0.5 * ((i > 0 ? x[i - 1]! : 0) + (i < n - 1 ? x[i + 1]! : 0));
  const b = xStar.map((v, i) => v - g(xStar, i));
  return defineProblem({
    name: `jacobi ${n}`, shape: [n], steps: 3000, tolerance: 1e-9, initial: new Float64Array(n),
    exact: (_k, out) => out.set(xStar),
    step: (src, dst) => dst.forEach((_, i) => (dst[i] = g(src, i) + b[i]!)),
    facts,
  });
}

/** Lax–Wendroff with zero ends: taps of both signs, ‖A‖∞ > 1, yet powers that stay bounded. */
function laxWendroffModule(n: number, facts: (dense: number[][]) => StatedFacts) {
  const [a, b, c] = [0.375, 0.75, -0.125];
  const dense = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === i - 1 ? a : j === i ? b : j === i + 1 ? c : 0)));
  return defineProblem({
    name: `lax-wendroff ${n}`, shape: [n], steps: 60,
    initial: (out) => out.forEach((_, i) => (out[i] = Math.sin((Math.PI * (i + 1)) / (n + 1)))),
    step: (src, dst) => dst.forEach((_, i) => (dst[i] = dense[i]!.reduce((s, w, j) => s + w * src[j]!, 0))),
    facts: facts(dense),
  });
}

const registerChecked = (definition: DefinedProblem) => {
  const problem = problemFromDefinition(definition);
  checkOperatorFacts(problem);
  return registerProblem(problem);
};

describe('stated operator facts: the theorems files get', () => {
  it('linear and nonnegative on a fixed point: Theorem 3.7 with the exact ‖Gⁿ‖∞ from Gⁿ1, and Theorem 3.9', () => {
    const name = registerChecked(jacobiModule(12, { linear: true, nonnegative: true }));
    const record = runSimulation({ problem: name, params: {}, spec: { mode: 'precision', precision: 36 }, maxRecorded: Infinity });
    expect(record.summary.theorem).toBe('Theorem 3.7 of Fox et al. 2020, exact ‖Gⁿ‖∞ — linear and nonnegative assumed as given');
    expect(record.summary.boundHeld).toBe(true);
    expect(record.steps.every((s) => s.fixedPointBound !== undefined && s.fixedPointError! <= s.fixedPointBound)).toBe(true);
    expect(record.extraIterations?.some((row) => row.mPred !== null)).toBe(true);
  });

  it('stated power norms on a time-stepping step with ‖A‖∞ > 1: Theorem 3.12 with them, extended past their end', () => {
    const name = registerChecked(laxWendroffModule(20, (dense) => ({ linear: true, powerNorms: [...densePowerNorms(dense, 30)] })));
    const record = runSimulation({ problem: name, params: {}, spec: { mode: 'precision', precision: 20 }, maxRecorded: Infinity });
    expect(record.summary.theorem).toBe('Theorem 3.12 of Fox et al. 2020, stated ‖Aⁿ‖∞ — lipschitz, linear and power norms assumed as given');
    expect(record.summary.normHandling).toMatch(/as stated for n ≤ 30, submultiplicative beyond/);
    expect(record.summary.boundHeld).toBe(true);
    // Tighter than Theorem 3.3's Lⁿ with L = 1.25 by the last step.
    const last = record.steps.at(-1)!;
    expect(last.bound!).toBeLessThan(1e-3 * last.boundLipschitz!);
  });

  it('a stated contraction on a nonlinear fixed point: Theorem 3.7 with L, its fixed-point bound and Theorem 3.9', () => {
    const F = (src: Float64Array, dst: Float64Array) => dst.forEach((_, i) => (dst[i] = 0.4 * Math.sin(src[i]!) + 0.3 * Math.cos(src[(i + 1) % src.length]!) + 1));
    let x = new Float64Array(16);
    for (let k = 0, y = new Float64Array(16); k < 200; k++, [x, y] = [y, x]) F(x, y);
    const fixed = x.slice();
    const name = registerChecked(defineProblem({ name: 'contraction', shape: [16], steps: 120, tolerance: 1e-13, initial: new Float64Array(16), exact: (_k, out) => out.set(fixed), step: F, facts: { lipschitz: 0.7 } }));
    const record = runSimulation({ problem: name, params: {}, spec: { mode: 'precision', precision: 30 }, maxRecorded: Infinity });
    expect(record.summary.theorem).toBe('Theorem 3.7 of Fox et al. 2020, L = 0.7 — estimated, not proven: linear estimated from the step; lipschitz assumed as given');
    expect(record.summary.boundHeld).toBe(true);
    expect(record.steps.at(-1)!.fixedPointBound).toBeGreaterThan(0);
    expect(record.extraIterations?.length).toBeGreaterThan(0);
  });

  it('a probe that contradicts a stated fact refuses the module, naming the fact', () => {
    const half = { name: 'half', shape: [8], steps: 3, initial: new Float64Array(8).fill(1), step: scale(0.5) };
    const refuse = (definition: DefinedProblem, message: RegExp) => {
      expect(() => checkOperatorFacts(problemFromDefinition(definition))).toThrow(TheoremHypothesisError);
      expect(() => checkOperatorFacts(problemFromDefinition(definition))).toThrow(message);
    };
    refuse(defineProblem({ ...half, step: (s, d) => d.forEach((_, i) => (d[i] = s[i]! * s[i]!)), facts: { linear: true } }), /F affine \(facts\.linear\)/);
    refuse(defineProblem({ ...half, facts: { lipschitz: 0.1 } }), /facts\.lipschitz.*measured 0\.5/);
    refuse(defineProblem({ ...half, facts: { linear: true, powerNorms: [1, 0.5, 0.1] } }), /‖A\^2‖∞ ≤ facts\.powerNorms\[2\]/);
    refuse(defineProblem({ ...half, step: scale(-0.5), facts: { linear: true, nonnegative: true } }), /A ≥ 0 entrywise \(facts\.nonnegative\)/);
    expect(() => checkOperatorFacts(problemFromDefinition(defineProblem({ ...half, facts: { linear: true, lipschitz: 0.5, powerNorms: [1, 0.5, 0.25] } })))).not.toThrow();
  });

  it('refuses power norms or nonnegativity without linear, and a malformed list', () => {
    const half = { name: 'half', shape: [8], steps: 3, initial: new Float64Array(8).fill(1), step: scale(0.5) };
    expect(() => defineProblem({ ...half, facts: { powerNorms: [1, 0.5] } })).toThrow(/state linear: true with them/);
    expect(() => defineProblem({ ...half, facts: { linear: true, powerNorms: [2, 0.5] } })).toThrow(/powerNorms\[0\] is ‖A⁰‖∞ = 1/);
    expect(() => defineProblem({ ...half, facts: { linear: true, powerNorms: [1, Number.NaN] } })).toThrow(ProblemDefinitionError);
  });
});

describe('built-ins restated as modules', () => {
  it('advection2d (two-step Lax–Wendroff, no one stencil rounds like it) reproduces every per-step number with stated powers', () => {
    const setup = { n: 30, steps: 40, cfl: 0.4, velocity: [1, 1] as const };
    const name = registerChecked(advection2d(setup));
    const spec = { mode: 'precision', precision: 18 } as const;
    const mine = runSimulation({ problem: name, params: {}, spec, maxRecorded: Infinity });
    const theirs = runSimulation({ problem: 'advection2d', params: setup, spec, maxRecorded: Infinity });
    for (const field of ['zfpError', 'bound', 'numericalError', 'boundConstantC'] as const) {
      expect(mine.steps.map((s) => s[field])).toEqual(theirs.steps.map((s) => s[field]));
    }
    expect(mine.steps.at(-1)!.zfpError).toBeGreaterThan(0);
    expect(mine.summary.theorem).toMatch(/^Theorem 3\.12 of Fox et al\. 2020, stated ‖Aⁿ‖∞ — lipschitz, linear and power norms assumed as given$/);
    expect(theirs.summary.theorem).toBe('Theorem 3.12 of Fox et al. 2020, exact ‖Aⁿ‖∞');
  });

  it('gauss-seidel (compressed block by block inside each sweep) reproduces every per-step number with Theorem 3.16', () => {
    const setup = { n: 30, r: 0.4, sweeps: 30 };
    const name = registerChecked(gaussSeidel(setup));
    const spec = { mode: 'precision', precision: 16 } as const;
    const mine = runSimulation({ problem: name, params: {}, spec, maxRecorded: Infinity });
    const theirs = runSimulation({ problem: 'gauss-seidel', params: setup, spec, maxRecorded: Infinity });
    for (const field of ['zfpError', 'bound', 'numericalError', 'stateNorm'] as const) {
      expect(mine.steps.map((s) => s[field])).toEqual(theirs.steps.map((s) => s[field]));
    }
    expect(mine.steps.at(-1)!.zfpError).toBeGreaterThan(0);
    expect(mine.summary.theorem).toBe(`${theirs.summary.theorem} — lipschitz, linear and block system assumed as given`);
    expect(mine.summary.boundHeld).toBe(true);
  });

  it('refuses blocks without the system they solve, and a definition with both step and blocks', () => {
    const blocks = { size: 4, sweep: () => {} };
    expect(() => defineProblem({ name: 'b', shape: [8], steps: 1, initial: new Float64Array(8), blocks })).toThrow(/blocks need facts\.blockSystem/);
    expect(() => defineProblem({ name: 'b', shape: [8], steps: 1, initial: new Float64Array(8), blocks, step: scale(1), facts: { blockSystem: [[1]] } })).toThrow(/exactly one of step/);
    expect(() => defineProblem({ name: 'b', shape: [8], steps: 1, initial: new Float64Array(8), step: scale(1), facts: { blockSystem: [[1]] } })).toThrow(/it goes with blocks/);
  });
});
