/** The zfpwb commands as a user runs them: exit codes and the one-line errors. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zfpwb as run } from '../cli/zfpwb.ts';

const dir = mkdtempSync(join(tmpdir(), 'zfpwb-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zfpwb = (...args: string[]) => run(args);

describe('zfpwb validate', () => {
  it('exits 0 and prints measured error and bound when the bound holds', () => {
    const r = zfpwb('validate', '--solver', 'diffusion2d', '--mode', 'precision', '--param', '20', '--grid', '16', '--steps', '20');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Theorem 3\.3/);
    expect(r.out).toMatch(/bound \(data\) held at all 21 steps/);
    expect(r.out).toMatch(/ZFP error (stayed under|exceeded) the numerical \(discretization\) error/);
    expect(r.out).toMatch(/β_min for ε = the final numerical error/);
  });

  it('says a destroyed solution is destroyed, and --tol then exits 1', () => {
    const args = ['validate', '--solver', 'advection1d', '--mode', 'precision', '--param', '3', '--steps', '50'];
    const r = zfpwb(...args);
    expect(r.out).toMatch(/SOLUTION DESTROYED: from step \d+/);
    expect(r.out).toMatch(/ZFP error exceeded the numerical \(discretization\) error from step 1/);
    expect(zfpwb(...args, '--tol', '1e-3').code).toBe(1);
  });

  it('--json prints {runs:[{config, steps:[{k, zfpError, bound, …}], summary}]}', () => {
    const r = zfpwb('validate', '--solver', 'advection1d', '--mode', 'rate', '--param', '16', '--steps', '10', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out);
    expect(parsed.runs).toHaveLength(1);
    expect(parsed.runs[0].steps).toHaveLength(11);
    expect(parsed.runs[0].steps[3]).toMatchObject({ k: 3, zfpError: expect.any(Number), bound: expect.any(Number) });
    expect(parsed.runs[0].summary.boundHeld).toBe(true);
    // bound is the verdict's (the run's own by default); the K_β bound sits beside it.
    const step = parsed.runs[0].steps[3];
    expect(parsed.runs[0].summary.certify).toBe('data');
    expect(step.bound).toBe(step.dataBound);
    expect(step.anyBound).toBeGreaterThanOrEqual(step.dataBound);
  });

  it.each([
    [['--solver', 'heat4d', '--mode', 'precision', '--param', '20'], /unknown solver "heat4d"/],
    [['--solver', 'diffusion2d', '--mode', 'precision', '--param', '99'], /--param must be an integer β in 1\.\.64/],
    [['--solver', 'diffusion2d', '--mode', 'lossy', '--param', '9'], /--mode must be one of/],
    [['--solver', 'advection1d', '--mode', 'precision', '--param', '20', '--set', 'cfl=1.5'], /needs CFL number ν = \|a\|Δt\/h ≤ 1, got 1\.5/],
  ])('refuses bad input in one line: %j', (args, message) => {
    const r = zfpwb('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('zfpwb validate and choose --type float32', () => {
  it('validate runs a float32 state and says so in the table and the JSON', () => {
    const args = ['validate', '--solver', 'advection1d', '--mode', 'precision', '--param', '20', '--grid', '16', '--steps', '10', '--type', 'float32'];
    const table = zfpwb(...args);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/β = 20, float32 state/);
    const run = JSON.parse(zfpwb(...args, '--json').out).runs[0];
    expect(run.config.type).toBe('float32');
    expect(run.summary.boundHeld).toBe(true);
  });

  it('choose picks a float32 setting validate --type float32 takes back and certifies', () => {
    const r = zfpwb('choose', '--solver', 'diffusion2d', '--tol', '1e-5', '--grid', '16', '--steps', '10', '--type', 'float32', '--json');
    expect(r.code).toBe(0);
    const { certified, type } = JSON.parse(r.out);
    expect(type).toBe('float32');
    expect(certified.param).toBeLessThanOrEqual(32);
    const v = zfpwb('validate', '--solver', 'diffusion2d', '--mode', 'precision', '--param', String(certified.param), '--grid', '16', '--steps', '10', '--type', 'float32', '--tol', '1e-5');
    expect(v.code).toBe(0);
  });

  it('experiment --type float32 sweeps float32 runs (β ≤ 32) and labels them', () => {
    const out = join(dir, 'float32');
    const r = zfpwb('experiment', 'advection1d', '--quick', '--inline', '--type', 'float32', '--reference', 'none', '--out', out);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'advection1d.json'), 'utf8'));
    expect(result.params.stateType).toBe('float32');
    expect(result.runs.length).toBeGreaterThan(0);
    for (const run of result.runs) {
      expect(run.config.type).toBe('float32');
      expect(run.config.label).toMatch(/float32 state$/);
      if (run.config.representation.mode === 'precision') expect(run.config.representation.precision).toBeLessThanOrEqual(32);
    }
  });

  it.each([
    [['experiment', 'precision-contours', '--quick', '--type', 'float32'], /--type float32 applies to the solver experiments, not to precision-contours/],
    [['validate', '--solver', 'diffusion2d', '--mode', 'precision', '--param', '20', '--type', 'float16'], /--type must be float64 or float32, got "float16"/],
    [['validate', '--solver', 'diffusion2d', '--mode', 'precision', '--param', '40', '--type', 'float32'], /--param must be an integer β in 1\.\.32/],
    [['validate', '--solver', 'diffusion2d', '--mode', 'sz-abs', '--param', '1e-3', '--type', 'float32'], /float32 ZFP array/],
    [['choose', '--solver', 'diffusion2d', '--mode', 'sz-abs', '--tol', '1e-3', '--type', 'float32'], /float32 ZFP array/],
  ])('refuses in one line with exit 2: %j', (args, message) => {
    const r = zfpwb(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('zfpwb choose', () => {
  it('prints the lemma, certified and empirical-minimum settings side by side', () => {
    const r = zfpwb('choose', '--solver', 'diffusion2d', '--tol', '1e-6', '--grid', '16', '--steps', '20');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/β_min = \d+/);
    for (const row of ['lemma', 'certified', 'empirical minimum']) expect(r.out).toMatch(new RegExp(`^${row} +β = \\d+ `, 'm'));
  });

  it('--json gives settings validate takes back, and validate agrees the certified one holds ε', () => {
    const r = zfpwb('choose', '--solver', 'poisson-jacobi', '--mode', 'rate', '--tol', '1e-6', '--grid', '12', '--steps', '20', '--json');
    expect(r.code).toBe(0);
    const { lemma, certified, empiricalMinimum } = JSON.parse(r.out);
    for (const s of [lemma, certified, empiricalMinimum]) expect(Object.keys(s)).toEqual(expect.arrayContaining(['mode', 'param', 'maxZfpError', 'maxBound', 'bitsPerValue']));
    expect(certified.maxBound).toBeLessThanOrEqual(1e-6);
    expect(empiricalMinimum.param).toBeLessThanOrEqual(certified.param);
    const v = zfpwb('validate', '--solver', 'poisson-jacobi', '--mode', 'rate', '--param', String(certified.param), '--grid', '12', '--steps', '20', '--tol', '1e-6');
    expect(v.code).toBe(0);
  });

  it('--mode all: each mode\'s certified setting, each family\'s cheapest, and the winner; --json the same with settings validate takes back', () => {
    const args = ['choose', '--solver', 'diffusion2d', '--mode', 'all', '--tol', '1e-6', '--grid', '16', '--steps', '20'];
    const r = zfpwb(...args);
    expect(r.code).toBe(0);
    for (const mode of ['precision', 'rate', 'accuracy', 'sz-abs', 'sz-rel']) expect(r.out).toMatch(new RegExp(`^${mode} +\\S`, 'm'));
    expect(r.out).toMatch(/^ZFP: .+ bits\/value$/m);
    expect(r.out).toMatch(/^SZ-style: .+ bits\/value$/m);
    expect(r.out).toMatch(/^winner: (ZFP|SZ-style), [\d.]+ fewer bits\/value/m);
    const json = JSON.parse(zfpwb(...args, '--json').out);
    expect(Object.keys(json.modes)).toEqual(['precision', 'rate', 'accuracy', 'sz-abs', 'sz-rel']);
    const winner = json.best[json.winner];
    expect(winner.bitsPerValue).toBeLessThanOrEqual(json.best[json.winner === 'zfp' ? 'sz' : 'zfp'].bitsPerValue);
    const v = zfpwb('validate', '--solver', 'diffusion2d', '--mode', winner.mode, '--param', String(winner.param), '--grid', '16', '--steps', '20', '--tol', '1e-6');
    expect(v.code).toBe(0);
    expect(json.modes['sz-rel'].certified.maxBound).toBeLessThanOrEqual(1e-6);
  });

  it('says why a target below what double precision allows is infeasible', () => {
    const r = zfpwb('choose', '--solver', 'diffusion2d', '--tol', '1e-30', '--grid', '16', '--steps', '20');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/infeasible: no β ≤ 64 meets ε = 1e-30/);
    expect(r.out).toMatch(/^certified +none/m);
  });
});

describe('zfpwb experiment and report', () => {
  it('writes JSON and HTML, and report rebuilds the HTML from the JSON', () => {
    const r = zfpwb('experiment', 'advection1d', '--quick', '--inline', '--out', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/advection1d\.html/);
    expect(r.out).toMatch(/^advection1d: ZFP against SZ-style at matched error targets$/m);
    const rebuilt = join(dir, 'rebuilt.html');
    expect(zfpwb('report', join(dir, 'advection1d.json'), '--out', rebuilt).code).toBe(0);
    expect(readFileSync(rebuilt, 'utf8')).toBe(readFileSync(join(dir, 'advection1d.html'), 'utf8'));
  });

  it('pages share one plotly.min.js beside them; --self-contained inlines it instead', () => {
    // Relies on the files the test above wrote.
    const plotly = readFileSync(join(dir, 'plotly.min.js'), 'utf8');
    const shared = readFileSync(join(dir, 'advection1d.html'), 'utf8');
    expect(shared).toContain('<script src="plotly.min.js"></script>');
    expect(shared.length).toBeLessThan(plotly.length / 4);
    const single = join(dir, 'single', 'advection1d.html');
    mkdirSync(join(dir, 'single'));
    expect(zfpwb('report', join(dir, 'advection1d.json'), '--out', single, '--self-contained').code).toBe(0);
    expect(existsSync(join(dir, 'single', 'plotly.min.js'))).toBe(false);
    const inlined = readFileSync(single, 'utf8');
    expect(inlined).not.toContain('<script src=');
    expect(inlined.length).toBeGreaterThan(plotly.length);
  });

  it('runs several experiments together: one progress count, each summary in the order named, then the wall time', () => {
    const out = join(dir, 'together');
    const r = zfpwb('experiment', 'precision-contours', 'gauss-seidel', '--quick', '--inline', '--out', out);
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    // gauss-seidel's quick sweep is 9 runs and its reference, precision-contours one.
    expect(lines.at(-1)).toBe('2 experiments: 11/11 runs done');
    expect(lines.every((line) => /^2 experiments: \d+\/\d+ runs done$/.test(line))).toBe(true);
    const contours = r.out.indexOf('β needed for ZFP error below floating-point error');
    const seidel = r.out.indexOf('Block Gauss–Seidel');
    expect(contours).toBeGreaterThanOrEqual(0);
    expect(seidel).toBeGreaterThan(contours);
    expect(r.out).toMatch(/^2 experiment\(s\) in \d+\.\d s\. Reports:$/m);
    expect(existsSync(join(out, 'precision-contours.json')) && existsSync(join(out, 'gauss-seidel.json'))).toBe(true);
  });

  it('rejects an unknown experiment', () => {
    const r = zfpwb('experiment', 'nonsense', '--quick');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown experiment "nonsense"/);
  });
});
