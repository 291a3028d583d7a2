import { describe, expect, it } from 'vitest';
import { CHOOSE_MODES, chooseAcrossFamilies, chooseSetting, type ChooseMode } from '../../src/analysis/choose.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import type { BuiltinProblemName } from '../../solvers/problem.ts';
import { familyOf, type RepresentationSpec } from '../../src/results/representation-spec.ts';
import type { RunRecord } from '../../src/results/schema.ts';
import { certifies, cheaper, SMALL, SMALL_PROBLEMS } from './choose-cases.ts';


const szBound = (spec: RepresentationSpec): number => (spec.mode === 'sz-abs' ? spec.tolerance : spec.mode === 'sz-rel' ? spec.ratio : NaN);

const bits = (record: RunRecord): number => record.summary.meanBitsPerValue;

const cases = SMALL_PROBLEMS.flatMap((problem) => CHOOSE_MODES.map((mode) => [problem, mode] as const));

describe('choose returns the cheapest setting its run certifies', () => {
  it.each(cases)('%s, %s, at 1e-4 and 1e-7 of the solution', (problem, mode) => {
    const params = solverParams(problem, true, SMALL[problem]);
    const reference = runSimulation({ problem, params, spec: { mode: 'precision', precision: 64 }, maxRecorded: Infinity });
    const M = Math.max(...reference.steps.map((s) => s.solutionNorm));
    for (const relative of [1e-4, 1e-7]) {
      const epsilon = relative * M;
      const result = chooseSetting({ problem, params, mode, epsilon });
      const certified = result.certified!;
      expect(certified, `${problem} ${mode} ε = ${epsilon}`).not.toBeNull();
      expect(certifies(certified.record, epsilon)).toBe(true);
      expect(certified.record.summary.certify).toBe('data');
      const below = cheaper(certified.spec);
      if (below) expect(certifies(runSimulation({ problem, params, spec: below, maxRecorded: Infinity }), epsilon), `${problem} ${mode} one step below`).toBe(false);
      // The empirical minimum meets ε with its measured error and is never dearer than the certified setting:
      // for ZFP in bits per value; for an SZ-style bound in e (its bits need not fall as e grows on such small fields).
      const empirical = result.empiricalMinimum!;
      expect(empirical.record.summary.maxZfpError).toBeLessThanOrEqual(epsilon);
      if (empirical.spec.mode === 'sz-abs' || empirical.spec.mode === 'sz-rel') expect(szBound(empirical.spec)).toBeGreaterThanOrEqual(szBound(certified.spec));
      else expect(empirical.record.summary.meanBitsPerValue).toBeLessThanOrEqual(certified.record.summary.meanBitsPerValue);
    }
  });
});

describe('choose across families answers "which family, which setting"', () => {
  it.each(['diffusion2d', 'advection1d', 'gauss-seidel'] as BuiltinProblemName[])('%s: each mode as chooseSetting alone, each family its cheapest, the winner by bits per value', (problem) => {
    const params = solverParams(problem, true, SMALL[problem]);
    const epsilon = 1e-6;
    const choice = chooseAcrossFamilies({ problem, params, epsilon });
    expect(choice.modes.map((m) => m.mode)).toEqual(CHOOSE_MODES);
    const alone = new Map(CHOOSE_MODES.map((mode) => [mode, chooseSetting({ problem, params, mode, epsilon })]));
    for (const { mode, result } of choice.modes) {
      expect(result.certified?.spec ?? null, `${problem} ${mode}`).toEqual(alone.get(mode)!.certified?.spec ?? null);
    }
    // Per family, brute force over the per-mode answers run on their own.
    for (const family of ['zfp', 'sz'] as const) {
      const certified = [...alone].filter(([mode, r]) => familyOf(mode) === family && r.certified).map(([mode, r]) => ({ mode, bits: bits(r.certified!.record) }));
      const best = choice.best[family];
      if (certified.length === 0) expect(best).toBeNull();
      else {
        expect(bits(best!.setting.record)).toBe(Math.min(...certified.map((c) => c.bits)));
        expect(certifies(best!.setting.record, epsilon)).toBe(true);
        expect(familyOf(best!.mode as ChooseMode)).toBe(family);
      }
    }
    const { zfp, sz } = choice.best;
    expect(zfp, `${problem}: some ZFP mode certifies 1e-6`).not.toBeNull();
    expect(sz, `${problem}: some SZ-style bound certifies 1e-6`).not.toBeNull();
    if (bits(zfp!.setting.record) !== bits(sz!.setting.record)) expect(choice.winner).toBe(bits(zfp!.setting.record) < bits(sz!.setting.record) ? 'zfp' : 'sz');
  });
});
