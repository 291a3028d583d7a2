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
    expect(r.out).toMatch(/bound held at all 21 steps/);
  });

  it('--json prints {runs:[{config, steps:[{k, zfpError, bound, …}], summary}]}', () => {
    const r = zfpwb('validate', '--solver', 'advection1d', '--mode', 'rate', '--param', '16', '--steps', '10', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out);
    expect(parsed.runs).toHaveLength(1);
    expect(parsed.runs[0].steps).toHaveLength(11);
    expect(parsed.runs[0].steps[3]).toMatchObject({ k: 3, zfpError: expect.any(Number), bound: expect.any(Number) });
    expect(parsed.runs[0].summary.boundHeld).toBe(true);
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

describe('zfpwb choose', () => {
  it('finds β_min and confirms it with a run', () => {
    const r = zfpwb('choose', '--solver', 'diffusion2d', '--tol', '1e-6', '--grid', '16', '--steps', '20');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/β_min = \d+/);
    expect(r.out).toMatch(/confirming run \(β = \d+\): max ZFP error .* ≤ ε; bound held/);
  });

  it('says why a target below what double precision allows is infeasible', () => {
    const r = zfpwb('choose', '--solver', 'diffusion2d', '--tol', '1e-30', '--grid', '16', '--steps', '20');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/infeasible: no β ≤ 64 meets ε = 1e-30/);
  });
});

describe('zfpwb experiment and report', () => {
  it('writes JSON and HTML, and report rebuilds the HTML from the JSON', () => {
    const r = zfpwb('experiment', 'advection1d', '--quick', '--inline', '--out', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/advection1d\.html/);
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

  it('rejects an unknown experiment', () => {
    const r = zfpwb('experiment', 'nonsense', '--quick');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown experiment "nonsense"/);
  });
});
