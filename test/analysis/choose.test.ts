import { describe, expect, it } from 'vitest';
import { chooseSetting } from '../../src/analysis/choose.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import type { ProblemName } from '../../solvers/problem.ts';
import type { RepresentationSpec, ZfpMode } from '../../src/results/representation-spec.ts';
import type { RunRecord } from '../../src/results/schema.ts';

/** Every built-in solver at a CI size: small grids, a few steps. */
const SMALL: Record<ProblemName, Record<string, unknown>> = {
  diffusion2d: { n: 16, steps: 10 },
  diffusion3d: { n: 8, steps: 5 },
  advection1d: { n: 16, steps: 10 },
  advection2d: { n: 12, steps: 8 },
  'poisson-jacobi': { n: 12, maxIterations: 20 },
  'gauss-seidel': { n: 12, sweeps: 8 },
};

/** One ladder step cheaper: a plane, a bit per value, or a factor 2 in τ; null at the bottom. */
function cheaper(spec: RepresentationSpec): RepresentationSpec | null {
  switch (spec.mode) {
    case 'precision':
      return spec.precision > 1 ? { mode: 'precision', precision: spec.precision - 1 } : null;
    case 'rate':
      return spec.rate > 1 ? { mode: 'rate', rate: spec.rate - 1 } : null;
    case 'accuracy':
      return { mode: 'accuracy', tolerance: spec.tolerance * 2 };
    default:
      throw new Error(`not a lossy ZFP mode: ${spec.mode}`);
  }
}

const certifies = (record: RunRecord, epsilon: number): boolean => record.summary.boundHeld && record.summary.maxBound !== null && record.summary.maxBound <= epsilon;

const cases = (Object.keys(SMALL) as ProblemName[]).flatMap((problem) => (['precision', 'rate', 'accuracy'] as ZfpMode[]).map((mode) => [problem, mode] as const));

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
      // The empirical minimum meets ε with its measured error and is never dearer than the certified setting.
      const empirical = result.empiricalMinimum!;
      expect(empirical.record.summary.maxZfpError).toBeLessThanOrEqual(epsilon);
      expect(empirical.record.summary.meanBitsPerValue).toBeLessThanOrEqual(certified.record.summary.meanBitsPerValue);
    }
  });
});
