import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundModel, SIGNED_POWER_WORK } from '../../../src/analysis/bound-model.ts';
import { registerProblem } from '../../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../../src/analysis/simulation-run.ts';
import type { RepresentationSpec } from '../../../src/results/representation-spec.ts';
import type { ProblemName, UserProblemName } from '../../../solvers/problem.ts';
import { ProblemFileError, problemFromFile } from '../../../solvers/user/problem-file.ts';
import { densePowerNorms } from '../../../theorems/index.ts';

const example = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../../examples/problems/${name}.json`, import.meta.url), 'utf8'));

async function register(document: unknown, set?: Record<string, number>): Promise<UserProblemName> {
  const problem = await problemFromFile(document, { ...(set && { set }) });
  return registerProblem(problem as typeof problem & { name: UserProblemName });
}

const run = (problem: ProblemName, params: Record<string, unknown>, spec: RepresentationSpec) => runSimulation({ problem, params, spec, maxRecorded: Infinity });

describe('built-ins restated as problem files', () => {
  const cases = [
    { file: 'diffusion2d', builtin: 'diffusion2d', params: { n: 32, r: 0.2, alpha: 1, steps: 60, t0: 1e-3, boundary: 'periodic' }, shape: [32, 32] },
    { file: 'diffusion3d', builtin: 'diffusion3d', params: { n: 8, r: 0.125, alpha: 1, steps: 30, t0: 1e-3, boundary: 'periodic' }, shape: [8, 8, 8] },
    { file: 'advection1d', builtin: 'advection1d', params: { n: 90, cfl: 0.8, velocity: 1, steps: 225 }, shape: [90] },
  ] as const;
  for (const c of cases) {
    it(`${c.file} reproduces the built-in's zfpError and bound at every step`, async () => {
      const document = { ...example(c.file), shape: c.shape, steps: c.params.steps };
      const name = await register(document);
      const spec: RepresentationSpec = { mode: 'precision', precision: 14 };
      const mine = run(name, {}, spec);
      const theirs = run(c.builtin, c.params, spec);
      expect(mine.steps.map((s) => s.zfpError)).toEqual(theirs.steps.map((s) => s.zfpError));
      expect(mine.steps.map((s) => s.bound)).toEqual(theirs.steps.map((s) => s.bound));
      expect(mine.summary.theorem).toBe(theirs.summary.theorem);
      expect(mine.steps.at(-1)!.zfpError).toBeGreaterThan(0);
    });
  }
  it('poisson-jacobi (zero-outside boundary: an interior-only field) reproduces every per-step number, the stop and the extra iterations', async () => {
    const name = await register({ ...example('poisson-jacobi'), shape: [14, 14], steps: 3000, tolerance: 1e-9 }, { n: 14 });
    const spec: RepresentationSpec = { mode: 'precision', precision: 40 };
    const mine = run(name, {}, spec);
    const theirs = run('poisson-jacobi', { n: 14, tolerance: 1e-9, maxIterations: 3000 }, spec);
    expect(mine.steps.length).toBe(theirs.steps.length);
    expect(mine.steps.length).toBeLessThan(3001); // stopped at the tolerance, not the iteration cap
    for (const field of ['zfpError', 'bound', 'numericalError', 'fixedPointError', 'fixedPointBound'] as const) {
      expect(mine.steps.map((s) => s[field])).toEqual(theirs.steps.map((s) => s[field]));
    }
    expect(mine.summary.theorem).toBe(theirs.summary.theorem);
    expect(mine.extraIterations).toEqual(theirs.extraIterations);
    expect(mine.summary.boundHeld).toBe(true);
  });

  it('advection1d also reproduces the numerical error from its exact solution', async () => {
    const name = await register(example('advection1d'));
    const spec: RepresentationSpec = { mode: 'precision', precision: 20 };
    const mine = run(name, {}, spec);
    const theirs = run('advection1d', { n: 90, cfl: 0.8, velocity: 1, steps: 225 }, spec);
    expect(mine.steps.map((s) => s.numericalError)).toEqual(theirs.steps.map((s) => s.numericalError));
  });
});

describe('operator facts from the stencil', () => {
  it('a Lax–Wendroff file (negative weights) picks Theorem 3.12 with exact powers, and --set moves ν', async () => {
    const problem = await problemFromFile(example('lax-wendroff'), { set: { nu: 0.25 } });
    expect(problem.facts.nonnegative).toBe(false);
    expect(problem.facts.lipschitz).toBeCloseTo(0.25 * 1.25 * 0.5 + (1 - 0.0625) + 0.25 * 0.75 * 0.5, 15);
    const name = await register(example('lax-wendroff'));
    const record = run(name, {}, { mode: 'precision', precision: 18 });
    expect(record.summary.theorem).toMatch(/Theorem 3\.12.*exact ‖Aⁿ‖∞/);
    expect(record.summary.boundHeld).toBe(true);
  });

  it('a nonnegative diffusion file (anisotropic heat) uses Theorem 3.3 with L = Σ|w| = 1', async () => {
    const problem = await problemFromFile(example('anisotropic-heat'));
    expect(problem.facts.nonnegative).toBe(true);
    expect(problem.facts.lipschitz).toBeCloseTo(1, 14);
    const name = await register({ ...example('anisotropic-heat'), steps: 40 });
    const record = run(name, {}, { mode: 'precision', precision: 16 });
    expect(record.summary.theorem).toMatch(/Theorem 3\.3/);
    expect(record.summary.boundHeld).toBe(true);
    // No exact solution: no numerical error, so β_min says why it has no ε rather than calling the error zero.
    expect(record.summary.finalNumericalError).toBeNaN();
    expect(record.summary.betaMin).toMatchObject({ kind: 'not-applicable', reason: expect.stringMatching(/^no exact solution, so no numerical error for ε.*zfpwb choose --tol ε/) });
  });

  it('a Dirichlet file with a source holds its boundary values and approaches the steady plate', async () => {
    const problem = await problemFromFile(example('heated-plate'));
    const [nx, ny] = problem.shape as [number, number];
    const u = new Float64Array(nx * ny);
    const next = new Float64Array(nx * ny);
    problem.initial(u);
    for (let k = 0; k < 50; k++) {
      problem.step(u, next);
      u.set(next);
    }
    const x = (i: number) => i / (nx - 1);
    expect(u[5]).toBe(x(5) * (1 - x(5))); // bottom edge y = 0 holds x(1 − x)
    expect(u[5 + nx * (ny - 1)]).toBe(x(5) * (1 - x(5)));
    expect(u[(ny / 2) * nx + nx / 2]).toBeGreaterThan(0); // the source heats the interior
    expect(problem.facts.stencil).toBeNull();
    const name = await register({ ...example('heated-plate'), steps: 40 });
    const record = run(name, {}, { mode: 'precision', precision: 16 });
    expect(record.summary.boundHeld).toBe(true);
  });

  it('a fixed-point file without exact computes its discrete fixed point, stops at the tolerance and gets Theorem 3.7', async () => {
    const jacobi = {
      name: 'jacobi', shape: [18, 18], boundary: 'dirichlet', boundaryValue: 0,
      stencil: { offsets: [[-1, 0], [1, 0], [0, -1], [0, 1]], weights: [0.25, 0.25, 0.25, 0.25] },
      source: '0.25 / 17^2 * 2*pi^2 * sin(pi*x)*sin(pi*y)', initial: 0, kind: 'fixed-point', steps: 3000, tolerance: 1e-10,
    };
    const name = await register(jacobi);
    const record = run(name, {}, { mode: 'precision', precision: 40 });
    expect(record.summary.finalNumericalError).toBeLessThan(1e-10);
    expect(record.steps.at(-1)!.k).toBeLessThan(3000);
    // Jacobi-like (nonnegative linear part, a fixed point): Theorem 3.7 with the exact ‖Gⁿ‖∞, and the extra iterations.
    expect(record.summary.theorem).toMatch(/Theorem 3\.7/);
    expect(record.summary.boundHeld).toBe(true);
    expect(record.extraIterations?.length).toBeGreaterThan(0);
  });
});

describe('bad problem files', () => {
  const base = example('anisotropic-heat');
  const refuse = async (document: unknown, message: RegExp, set?: Record<string, number>) => {
    const error = await problemFromFile(document, { ...(set && { set }) }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemFileError);
    expect((error as Error).message).toMatch(message);
  };
  it('names the field the schema refuses', () => refuse({ ...base, shape: [64, 'x'] }, /^shape\.1: must be integer/));
  it('names an unknown field', () => refuse({ ...base, colour: 'red' }, /unknown field "colour"/));
  it('refuses offsets and weights of different lengths', () => refuse({ ...base, stencil: { offsets: [[0, 0]], weights: [1, 0] } }, /1 offsets but 2 weights/));
  it("gives mathjs's parse position", () => refuse({ ...base, initial: 'exp(x +* y)' }, /^initial: cannot parse .*\(char \d+\)/));
  it('names an unknown name in an expression', () => refuse({ ...base, initial: 'exp(-w*x)' }, /^initial: unknown name "w"/));
  it('refuses t without dt', () => refuse({ ...base, exact: 'exp(-t)*x' }, /^exact: uses t, so the file needs dt/));
  it('refuses an unknown --set parameter', () => refuse(base, /--set nu: the file has no parameter "nu"/, { nu: 1 }));
  it('refuses a wide Dirichlet stencil', () => refuse({ ...base, boundary: 'dirichlet', stencil: { offsets: [[2, 0]], weights: [1] } }, /at most one point per axis/));
  it('refuses offsets of the wrong dimension', () => refuse({ ...base, stencil: { offsets: [[1]], weights: [1] } }, /has 1 components, the shape 2/));
});

describe('Dirichlet stencils with negative weights: exact ‖Aⁿ‖∞, not Lⁿ', () => {
  const laxWendroff = (shape: number[], steps: number) => ({
    name: 'Lax-Wendroff, fixed ends', shape, boundary: 'dirichlet', parameters: { nu: 0.5 },
    stencil: { offsets: [[-1, ...shape.slice(1).map(() => 0)], shape.map(() => 0), [1, ...shape.slice(1).map(() => 0)]], weights: ['nu*(1 + nu)/2', '1 - nu^2', 'nu*(nu - 1)/2'] },
    initial: shape.length === 1 ? 'sin(pi*x)' : 'sin(pi*x)*sin(pi*y)', kind: 'time-stepping', steps,
  });

  it('uses the signed matrix powers (equal to dense ones) in Theorem 3.12, and the bound holds', async () => {
    const problem = await problemFromFile(laxWendroff([30], 80));
    const model = boundModel({ problem, params: {}, steps: 80, initialError: 0 });
    expect(model.theorem).toBe('Theorem 3.12 of Fox et al. 2020, exact ‖Aⁿ‖∞');
    // The matrix: boundary rows zero (held), interior rows the three taps, reading the boundary points too.
    const [a, b, c] = [0.375, 0.75, -0.125];
    const dense = Array.from({ length: 30 }, (_, i) => Array.from({ length: 30 }, (_, j) => (i === 0 || i === 29 ? 0 : j === i - 1 ? a : j === i ? b : j === i + 1 ? c : 0)));
    const reference = densePowerNorms(dense, 80);
    for (let n = 0; n <= 80; n++) expect(model.powerNorms![n]).toBeCloseTo(reference[n]!, 12);
    expect(model.powerNorms![80]).toBeLessThan(1e-3 * problem.facts.lipschitz ** 80);
    const record = run(await register(laxWendroff([30], 80)), {}, { mode: 'precision', precision: 18 });
    expect(record.summary.theorem).toBe('Theorem 3.12 of Fox et al. 2020, exact ‖Aⁿ‖∞');
    expect(record.summary.boundHeld).toBe(true);
  });

  it('past the work budget, exact powers as far as it allows and a submultiplicative bound beyond, stated as such', async () => {
    const problem = await problemFromFile(laxWendroff([16, 16], 1000));
    const exactTo = Math.floor(SIGNED_POWER_WORK / 256 ** 2);
    expect(exactTo).toBeLessThan(1000);
    const model = boundModel({ problem, params: {}, steps: 1000, initialError: 0 });
    expect(model.theorem).toBe(`Theorem 3.12 of Fox et al. 2020, ‖Aⁿ‖∞ exact for n ≤ ${exactTo}, bounded beyond`);
    expect(model.normHandling).toMatch(/submultiplicativity/);
    const norms = model.powerNorms!;
    expect(norms.length).toBe(1001);
    for (let n = exactTo + 1; n <= 1000; n++) expect(norms[n]).toBeLessThanOrEqual(Math.min(...Array.from({ length: n - 1 }, (_, a) => norms[a + 1]! * norms[n - a - 1]!)) * (1 + 1e-15));
    expect(norms[1000]).toBeLessThan(problem.facts.lipschitz ** 1000);
  });
});
