/**
 * Runs that cannot run away and verdicts that blame correctly: step and grid limits from memory,
 * thinned records, output directories checked before any work, results files checked field by field.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_GRID_POINTS, MAX_STEPS, solverChoice } from '../../src/cli/solver-options.ts';
import { CliUsageError } from '../../src/cli/errors.ts';
import { thin } from '../../src/analysis/evaluate.ts';
import { checkResults } from '../../src/results/schema-check.ts';

const BIN = new URL('../../bin/zfpwb.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'zfpwb-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A margin only a hang exceeds: these commands fail or finish in seconds. */
function zfpwb(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 100_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error('expected a CliUsageError');
}

describe('--steps and --grid limits', () => {
  it('refuses more steps than the heap holds, naming the limit', () => {
    expect(usageError(() => solverChoice('advection1d', { steps: '1e9' }))).toMatch(new RegExp(`--steps must be at most ${MAX_STEPS}`));
    expect(solverChoice('advection1d', { steps: String(MAX_STEPS) }).params['steps']).toBe(MAX_STEPS);
  });

  it('refuses grids beyond the memory allowance, counting points in the problem dimension', () => {
    const side3 = Math.ceil(Math.cbrt(MAX_GRID_POINTS)) + 1;
    expect(usageError(() => solverChoice('diffusion3d', { grid: String(side3) }))).toMatch(new RegExp(`--grid ${side3} gives ${side3}\\^3`));
    expect(usageError(() => solverChoice('diffusion2d', { grid: '100000' }))).toMatch(/above the \d+ this machine's memory allows/);
    expect(solverChoice('advection1d', { grid: String(side3) }).params['n']).toBe(side3);
  });
});

describe('thinned records', () => {
  it('keep at most maxRecorded steps, with each window’s smallest and largest error and the last step', () => {
    const steps = Array.from({ length: 100_000 }, (_, k) => ({ k, zfpError: Math.sin(k / 1000) + (k === 54_321 ? 5 : 0) }));
    const kept = thin(steps, 1001);
    expect(kept.length).toBeLessThanOrEqual(1001);
    expect(kept.some((s) => s.k === 54_321)).toBe(true);
    expect(kept.at(-1)!.k).toBe(99_999);
    expect(Math.min(...kept.map((s) => s.zfpError))).toBe(Math.min(...steps.map((s) => s.zfpError)));
    expect(kept.map((s) => s.k)).toEqual([...kept.map((s) => s.k)].sort((a, b) => a - b));
    expect(thin(steps.slice(0, 50), 1001)).toHaveLength(50);
  });
});

describe('results files', () => {
  it('name the first missing or wrong field', () => {
    expect(() => checkResults({ experiment: 'advection1d', runs: [] })).toThrow('title is missing (expected a string)');
    expect(() => checkResults({ experiment: 'heat', runs: [] })).toThrow(/experiment is "heat", expected an experiment's name/);
    const run = { config: { representation: { mode: 'rate' }, label: 'r', problem: 'p' }, steps: [{ k: 0 }], summary: {} };
    const result = { experiment: 'advection1d', title: 't', description: 'd', params: {}, runs: [run], elapsedMs: 1 };
    expect(() => checkResults(result)).toThrow('runs[0].steps[0].zfpError is missing (expected a number)');
  });
});

describe('the commands', () => {
  it('validate at τ above the field range does not blame the codec', () => {
    const r = zfpwb('validate', '--solver', 'advection1d', '--mode', 'accuracy', '--param', '1e3', '--steps', '3');
    expect(r.out).not.toMatch(/BROKEN/);
    expect(r.out).toMatch(/bound \(data\) held at all 4 steps/);
    expect(r.code).toBe(0);
  });

  it('experiment --out /proc/x fails at once in one line, before running anything', () => {
    const r = zfpwb('experiment', 'advection1d', '--quick', '--inline', '--out', '/proc/x');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cannot write to directory \/proc\/x/);
    expect(r.out).toBe('');
  });

  it('report on a file missing fields names the field, in one line', () => {
    const path = join(dir, 'partial.json');
    writeFileSync(path, JSON.stringify({ experiment: 'advection1d', runs: [] }));
    const r = zfpwb('report', path);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/partial\.json is not an experiment's results: title is missing/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
