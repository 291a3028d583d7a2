/** The library API: the same records as the CLI, for a file and for a defineProblem value. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choose, chooseAcrossFamilies, defineProblem, loadProblem, validate, writeReport } from '../../src/api.ts';

const EXAMPLES = new URL('../../examples/problems/', import.meta.url).pathname;

describe('zfp-workbench/api', () => {
  it('loadProblem + validate give the record `validate --json` prints, writeReport the report', async () => {
    const name = await loadProblem(join(EXAMPLES, 'lax-wendroff.json'), { set: { nu: 0.4 }, steps: 30 });
    const result = validate(name, { mode: 'precision', precision: 20 });
    const run = result.runs[0];
    expect(run.config.problem).toBe('user:Lax-Wendroff advection');
    expect(run.steps).toHaveLength(31);
    expect(run.summary.theorem).toMatch(/Theorem 3\.12/);
    expect(run.summary.boundHeld).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'zfpwb-api-'));
    const files = writeReport(result, dir);
    expect(JSON.parse(readFileSync(files.json, 'utf8')).runs[0].summary.boundHeld).toBe(true);
    expect(readFileSync(files.html, 'utf8')).toMatch(/Lax-Wendroff advection/);
  });

  it('choose takes a defineProblem value directly', () => {
    const halve = defineProblem({ name: 'halve', shape: [16], steps: 8, initial: Float64Array.from({ length: 16 }, (_, i) => i), step: (s, d) => d.forEach((_, i) => (d[i] = 0.5 * s[i]!)) });
    const { certified } = choose(halve, { mode: 'precision', epsilon: 1e-6 });
    expect(certified).not.toBeNull();
    expect(certified!.record.summary.maxBound).toBeLessThanOrEqual(1e-6);
    expect(certified!.record.summary.maxZfpError).toBeLessThanOrEqual(1e-6);
  });

  it('validate and choose run a float32 state with stateType', async () => {
    const name = await loadProblem(join(EXAMPLES, 'lax-wendroff.json'), { set: { nu: 0.4 }, steps: 30 });
    const run = validate(name, { mode: 'rate', rate: 12 }, { stateType: 'float32' }).runs[0];
    expect(run.config.type).toBe('float32');
    expect(run.summary.boundHeld).toBe(true);
    const { certified, stateType } = choose(name, { mode: 'precision', epsilon: 1e-4 }, { stateType: 'float32' });
    expect(stateType).toBe('float32');
    expect(certified!.record.config.type).toBe('float32');
    expect(certified!.record.summary.maxBound).toBeLessThanOrEqual(1e-4);
  });

  it('chooseAcrossFamilies answers for a user problem with the per-mode answers choose gives', () => {
    const halve = defineProblem({ name: 'halve-families', shape: [16], steps: 8, initial: Float64Array.from({ length: 16 }, (_, i) => i), step: (s, d) => d.forEach((_, i) => (d[i] = 0.5 * s[i]!)) });
    const choice = chooseAcrossFamilies(halve, 1e-6);
    const relative = choice.modes.find((m) => m.mode === 'sz-rel')!.result;
    expect(relative.certified?.spec).toEqual(choose(halve, { mode: 'sz-rel', epsilon: 1e-6 }).certified?.spec);
    expect(choice.best.zfp).not.toBeNull();
    expect(choice.best.sz).not.toBeNull();
    expect(['zfp', 'sz']).toContain(choice.winner);
  });

  it('loadProblem refuses an unstable stencil before any run', async () => {
    await expect(loadProblem(join(EXAMPLES, 'lax-wendroff.json'), { set: { nu: 1.5 } })).rejects.toThrow(/powers grow without bound/);
  });
});
