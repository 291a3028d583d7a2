/**
 * runSimulation's per-step bounds, handed to onStep as the run makes each step (the web lab draws
 * them live), are the record's at every step; a fixed-point run's steps come without, since its bound
 * model needs the iteration it stops at.
 */
import { describe, expect, it } from 'vitest';
import type { StepBounds } from '../../src/analysis/evaluate.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import type { RepresentationSpec } from '../../src/results/representation-spec.ts';
import type { Certify } from '../../src/results/schema.ts';
import type { BuiltinProblemName } from '../../solvers/problem.ts';

function liveAndRecorded(problem: BuiltinProblemName, spec: RepresentationSpec, certify: Certify, overrides = {}) {
  const live: (StepBounds | null)[] = [];
  const record = runSimulation({ problem, params: solverParams(problem, true, overrides), spec, certify, maxRecorded: 100_000 }, undefined, (_, bounds) => live.push(bounds));
  return { live, record };
}

describe('bounds as steps arrive', () => {
  // One problem per theorem: Theorem 3.3 (diffusion), 3.12 (advection), 3.16 (block Gauss–Seidel).
  const cases: [BuiltinProblemName, RepresentationSpec, Certify][] = [
    ['diffusion2d', { mode: 'precision', precision: 14 }, 'data'],
    ['advection1d', { mode: 'rate', rate: 12 }, 'any'],
    ['advection2d', { mode: 'accuracy', tolerance: 1e-6 }, 'data'],
    ['gauss-seidel', { mode: 'precision', precision: 12 }, 'any'],
  ];
  it.each(cases)('%s: the bounds of every step are the record\'s', (problem, spec, certify) => {
    const { live, record } = liveAndRecorded(problem, spec, certify);
    expect(live).toHaveLength(record.steps.length);
    record.steps.forEach((step, k) => {
      const { bound, dataBound, anyBound, boundConstantC, boundLipschitz } = step;
      expect(live[k]).toEqual({ bound, dataBound, anyBound, ...(boundConstantC !== undefined && { boundConstantC }), ...(boundLipschitz !== undefined && { boundLipschitz }) });
    });
    expect(record.steps.at(-1)!.bound).toBeGreaterThan(0);
  });

  it('a fixed-point run hands its steps on without bounds, and bounds them once it stops', () => {
    const { live, record } = liveAndRecorded('poisson-jacobi', { mode: 'precision', precision: 14 }, 'data', { n: 16, maxIterations: 200 });
    expect(live).toHaveLength(record.steps.length);
    expect(live.every((b) => b === null)).toBe(true);
    expect(record.steps.at(-1)!.bound).toBeGreaterThan(0);
  });
});
