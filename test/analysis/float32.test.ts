/** float32 simulations: the plain run and the inline state in float32, bounds that hold at every step, and choose's certified setting. */
import { describe, expect, it } from 'vitest';
import { chooseSetting } from '../../src/analysis/choose.ts';
import { kindOf } from '../../src/analysis/representation-kind.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import { runReference, runSimulation } from '../../src/analysis/simulation-run.ts';
import { ZfpParameterError } from '../../src/zfp/index.ts';
import type { BuiltinProblemName } from '../../solvers/problem.ts';
import type { RepresentationSpec, ZfpMode } from '../../src/results/representation-spec.ts';
import type { RunRecord } from '../../src/results/schema.ts';
import { certifies, cheaper, SMALL, SMALL_PROBLEMS } from './choose-cases.ts';

/** A spread of settings: coarse to float32's full 32 planes, in every lossy mode. */
const SPECS: readonly RepresentationSpec[] = [
  { mode: 'precision', precision: 6 },
  { mode: 'precision', precision: 16 },
  { mode: 'precision', precision: 26 },
  { mode: 'precision', precision: 32 },
  { mode: 'rate', rate: 4 },
  { mode: 'rate', rate: 16 },
  { mode: 'rate', rate: 32 },
  { mode: 'accuracy', tolerance: 1e-3 },
  { mode: 'accuracy', tolerance: 1e-7 },
  { mode: 'reversible' },
];

const float32Run = (problem: BuiltinProblemName, spec: RepresentationSpec): RunRecord =>
  runSimulation({ problem, params: solverParams(problem, true, SMALL[problem]), spec, maxRecorded: Infinity, stateType: 'float32' });

describe('validate with a float32 state', () => {
  it.each(SMALL_PROBLEMS)('%s: both bounds hold at every step, at every setting', (problem) => {
    for (const spec of SPECS) {
      const run = float32Run(problem, spec);
      const what = `${problem} ${JSON.stringify(spec)}`;
      expect(run.config.type, what).toBe('float32');
      expect(run.summary.boundHeld, what).toBe(true);
      for (const s of run.steps) {
        expect(s.zfpError, `${what} step ${s.k} (data)`).toBeLessThanOrEqual(s.dataBound!);
        expect(s.zfpError, `${what} step ${s.k} (any)`).toBeLessThanOrEqual(s.anyBound!);
      }
    }
  });

  it.each(['diffusion2d', 'gauss-seidel'] as const)('%s: reversible float32 storage is exact for the float32 state, so both runs round alike: the error is zero, the bound only their rounding', (problem) => {
    const run = float32Run(problem, { mode: 'reversible' });
    expect(run.summary.maxZfpError).toBe(0);
    // Rounding to float32 is charged (about 2^-24 of the solution a step), not left out.
    const M = Math.max(...run.steps.map((s) => s.solutionNorm));
    expect(run.summary.maxBound!).toBeGreaterThan(2 ** -26 * M);
  });

  it('a float32 array stores half the bits of a float64 one at the same precision, and the ratio is against 32 bits', () => {
    const spec: RepresentationSpec = { mode: 'precision', precision: 20 };
    const params = solverParams('diffusion2d', true, SMALL.diffusion2d);
    const f64 = runSimulation({ problem: 'diffusion2d', params, spec, maxRecorded: Infinity });
    const f32 = runSimulation({ problem: 'diffusion2d', params, spec, maxRecorded: Infinity, stateType: 'float32' });
    // Same planes, a smaller exponent field: float32 costs no more bits per value than float64.
    expect(f32.summary.meanBitsPerValue).toBeLessThanOrEqual(f64.summary.meanBitsPerValue);
    const last = f32.steps[f32.steps.length - 1]!;
    expect(last.ratio).toBeCloseTo(32 / f32.summary.meanBitsPerValue, 0);
  });

  it('the plain run rounds to float32: its round-off against the reference is float32-sized, not double-sized', () => {
    const params = solverParams('diffusion2d', true, SMALL.diffusion2d);
    const double = runReference({ problem: 'diffusion2d', params, reference: 'double-double' });
    const single = runReference({ problem: 'diffusion2d', params, reference: 'double-double', stateType: 'float32' });
    const M = 1; // the heat kernel's peak is below 1 at every step shown here
    expect(Math.max(...double.roundoff)).toBeLessThan(1e-14 * M * 100);
    expect(Math.max(...single.roundoff.slice(1))).toBeGreaterThan(1e-10);
    expect(Math.max(...single.roundoff)).toBeLessThan(1e-5);
  });

  it('refuses a float32 state in a representation that is not a float32 ZFP array', () => {
    expect(() => kindOf({ mode: 'sz-abs', tolerance: 1e-3 }, 'float32')).toThrow(ZfpParameterError);
    expect(() => kindOf({ mode: 'ieee', format: 'float16' }, 'float32')).toThrow(/float32 ZFP array/);
    expect(() => chooseSetting({ problem: 'diffusion2d', params: solverParams('diffusion2d', true, SMALL.diffusion2d), mode: 'sz-abs', epsilon: 1e-3, stateType: 'float32' })).toThrow(ZfpParameterError);
  });
});

const cases = SMALL_PROBLEMS.flatMap((problem) => (['precision', 'rate', 'accuracy'] as ZfpMode[]).map((mode) => [problem, mode] as const));

describe('choose with a float32 state', () => {
  it.each(cases)('%s, %s: the certified setting is certified and one step cheaper is not, at 1e-3 and 1e-5 of the solution', (problem, mode) => {
    const params = solverParams(problem, true, SMALL[problem]);
    const M = Math.max(...float32Run(problem, { mode: 'precision', precision: 32 }).steps.map((s) => s.solutionNorm));
    for (const relative of [1e-3, 1e-5]) {
      const epsilon = relative * M;
      const result = chooseSetting({ problem, params, mode, epsilon, stateType: 'float32' });
      const certified = result.certified!;
      expect(certified, `${problem} ${mode} ε = ${epsilon}`).not.toBeNull();
      expect(certified.record.config.type).toBe('float32');
      expect(certifies(certified.record, epsilon)).toBe(true);
      if (certified.spec.mode === 'precision') expect(certified.spec.precision).toBeLessThanOrEqual(32);
      const below = cheaper(certified.spec);
      if (below) expect(certifies(runSimulation({ problem, params, spec: below, maxRecorded: Infinity, stateType: 'float32' }), epsilon), `${problem} ${mode} one step below`).toBe(false);
      expect(result.empiricalMinimum!.record.summary.maxZfpError).toBeLessThanOrEqual(epsilon);
    }
  });

  it('says a target below float32 round-off is infeasible, naming β ≤ 32', () => {
    const params = solverParams('diffusion2d', true, SMALL.diffusion2d);
    const result = chooseSetting({ problem: 'diffusion2d', params, mode: 'precision', epsilon: 1e-12, stateType: 'float32' });
    expect(result.certified).toBeNull();
    expect('infeasible' in result.lemma && result.lemma.infeasible).toMatch(/no β ≤ 32 meets ε = 1e-12.*float32/);
  });
});
