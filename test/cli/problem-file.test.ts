/** `--problem FILE` on validate and choose: the built-ins' records, exit codes, one-line refusals. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem, UserProblemName } from '../../solvers/problem.ts';
import { problemFromFile } from '../../solvers/user/problem-file.ts';
import { CUSTOM_RECORDED, CUSTOM_SWEEP } from '../../src/analysis/custom-experiment.ts';
import { registerProblem } from '../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import type { RunRecord } from '../../src/results/schema.ts';
import { zfpwb } from './zfpwb.ts';

const EXAMPLES = new URL('../../examples/problems/', import.meta.url).pathname;

describe('zfpwb validate --problem', () => {
  it('prints records with the built-ins’ fields and exits 0 when the bound held', () => {
    const r = zfpwb(['validate', '--problem', join(EXAMPLES, 'lax-wendroff.json'), '--mode', 'precision', '--param', '20', '--steps', '40', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const run = JSON.parse(r.out).runs[0];
    expect(run.config.problem).toBe('user:Lax-Wendroff advection');
    expect(run.steps).toHaveLength(41);
    for (const key of ['zfpError', 'bound', 'numericalError']) expect(typeof run.steps[40][key]).toBe('number');
    expect(run.steps[40].numericalError).toBeGreaterThan(0);
    expect(run.summary.boundHeld).toBe(true);
    expect(run.summary.theorem).toMatch(/Theorem 3\.12/);
  });

  it('refuses an unstable stencil before the run, exit 2, one line', () => {
    const r = zfpwb(['validate', '--problem', join(EXAMPLES, 'lax-wendroff.json'), '--set', 'nu=1.2', '--mode', 'precision', '--param', '20']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/powers grow without bound/);
  });

  it('refuses a malformed file naming the field, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfpwb-problem-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', shape: [16], boundary: 'periodic', stencil: { offsets: [[0]], weights: ['1 - '] }, initial: 0, kind: 'time-stepping', steps: 3 }));
    const r = zfpwb(['validate', '--problem', file, '--mode', 'precision', '--param', '20']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^zfpwb validate: stencil\.weights\.0: cannot parse "1 - ": .*char/);
  });

  it('refuses --grid with a file, and both or neither of --solver and --problem', () => {
    expect(zfpwb(['validate', '--problem', join(EXAMPLES, 'lax-wendroff.json'), '--grid', '8', '--mode', 'precision', '--param', '20']).err).toMatch(/"shape" sets the grid/);
    const neither = zfpwb(['validate', '--mode', 'precision', '--param', '20']);
    expect(neither.code).toBe(2);
    expect(neither.err).toMatch(/exactly one of --solver NAME and --problem FILE/);
  });
});

describe('zfpwb choose --problem', () => {
  it('chooses β for a user stencil and confirms it', () => {
    const r = zfpwb(['choose', '--problem', join(EXAMPLES, 'lax-wendroff.json'), '--tol', '1e-6', '--steps', '40']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/β_min = \d+ predicts/);
    expect(r.out).toMatch(/certified +β = \d+ .*bound ≤ ε at every step/);
  });
});

describe('zfpwb experiment custom --problem', () => {
  it('writes custom.json (which zfpwb report reads back) and custom.html', () => {
    const out = mkdtempSync(join(tmpdir(), 'zfpwb-custom-'));
    const r = zfpwb(['experiment', 'custom', '--problem', join(EXAMPLES, 'heated-plate.json'), '--steps', '30', '--mode', 'precision', '--param', '20', '--out', out]);
    expect(r.err).toBe('custom: 1/1 runs done\n'); // progress, a line per finished run off a terminal
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'custom.json'), 'utf8'));
    expect(result.experiment).toBe('custom');
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0].summary.boundHeld).toBe(true);
    expect(result.runs[0].steps[30].numericalError).toBeNull(); // no exact solution: unknown, not zero
    expect(readFileSync(join(out, 'custom.html'), 'utf8')).toMatch(/heated plate/);
    expect(zfpwb(['report', join(out, 'custom.json')]).code).toBe(0);
  });

  it('runs the precision sweep on the worker pool, each worker rebuilding the file with its --set', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zfpwb-custom-'));
    // Each worker starts tsx and loads the sources anew: slow on a loaded machine, hence the longer limit.
    const r = zfpwb(['experiment', 'custom', '--problem', join(EXAMPLES, 'heated-plate.json'), '--steps', '6', '--set', 'q=3', '--out', out], { timeout: 240_000 });
    expect(r.err).toMatch(/^(custom: \d\/4 runs done\n){4}$/);
    expect(r.code).toBe(0);
    const pooled = JSON.parse(readFileSync(join(out, 'custom.json'), 'utf8'));
    expect(pooled.runs.map((run: { config: { label: string } }) => run.config.label)).toEqual(['β = 16', 'β = 20', 'β = 24', 'β = 32']);
    // The same runs on this thread, with q = 3: the workers saw the --set, not the file's q = 1.
    const document = { ...JSON.parse(readFileSync(join(EXAMPLES, 'heated-plate.json'), 'utf8')), steps: 6 };
    const problem = registerProblem((await problemFromFile(document, { set: { q: 3 } })) as Problem & { name: UserProblemName });
    const here = CUSTOM_SWEEP.map((spec) => runSimulation({ problem, params: {}, spec, maxRecorded: CUSTOM_RECORDED }));
    expect(pooled.runs.map((run: RunRecord) => run.steps.map((s) => s.zfpError))).toEqual(here.map((run) => run.steps.map((s) => s.zfpError)));
    expect(pooled.runs.map((run: RunRecord) => run.summary.maxBound)).toEqual(here.map((run) => run.summary.maxBound));
  }, 300_000);

  it('refuses custom without --problem', () => {
    const r = zfpwb(['experiment', 'custom', '--out', tmpdir()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs --problem FILE/);
  });
});

describe('zfpwb validate --problem module.ts', () => {
  it('runs a defineProblem module (under a TypeScript loader) and marks the estimated bound', () => {
    const r = zfpwb(['validate', '--problem', join(EXAMPLES, 'implicit-heat.ts'), '--mode', 'precision', '--param', '20', '--steps', '20', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).runs[0].summary.theorem).toMatch(/estimated, not proven/);
  });
  it('refuses a module that does not default-export defineProblem, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfpwb-module-'));
    writeFileSync(join(dir, 'plain.mjs'), 'export default { shape: [4] };\n');
    const r = zfpwb(['validate', '--problem', join(dir, 'plain.mjs'), '--mode', 'precision', '--param', '20']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/must `export default defineProblem/);
  });
});
