/**
 * SZ-style storage against its theory (docs/theory.md §10): on every built-in problem, for absolute
 * bounds over five decades and two range-relative ones, the bound holds at every step; the measured
 * single-use error never exceeds e; and the closed a-priori form for L ≤ 1 lies above the run.
 */
import { describe, expect, it } from 'vitest';
import { chooseSetting } from '../../src/analysis/choose.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import type { RepresentationSpec } from '../../src/results/representation-spec.ts';
import { problems } from '../../solvers/index.ts';
import type { ProblemName } from '../../solvers/problem.ts';
import { absoluteLipschitzPrior, absoluteStallLevel, largestAbsoluteBound, powerSum, TheoremHypothesisError } from '../../theorems/index.ts';

const NAMES = Object.keys(problems) as ProblemName[];
const SPECS: readonly RepresentationSpec[] = [
  { mode: 'sz-abs', tolerance: 1e-2 },
  { mode: 'sz-abs', tolerance: 1e-4 },
  { mode: 'sz-abs', tolerance: 1e-7 },
  { mode: 'sz-rel', ratio: 1e-3 },
  { mode: 'sz-rel', ratio: 1e-6 },
];

describe('SZ-style inline runs meet their bounds', () => {
  for (const problem of NAMES) {
    it(`${problem}: the bound holds at every step for every e`, () => {
      // Jacobi's quick run is 10 000 iterations; 1 500 keep the test's work bounded and still stall at every e.
      const params = solverParams(problem, true, problem === 'poisson-jacobi' ? { maxIterations: 1500 } : {});
      for (const spec of SPECS) {
        const run = runSimulation({ problem, params, spec, maxRecorded: 100_000 });
        const where = `${problem} ${run.config.label}`;
        expect(run.summary.boundHeld, where).toBe(true);
        expect(run.summary.maxBound, where).not.toBeNull();
        // Step 1 carries one storage error only, amplified once: within the bound and non-trivial.
        const first = run.steps.find((s) => s.k === 1)!;
        expect(first.zfpError, where).toBeLessThanOrEqual(first.bound!);
        if (spec.mode === 'sz-abs') expect(run.summary.maxBound!, where).toBeGreaterThan(0);
      }
    }, 600_000);
  }

  it('diffusion (L = 1): the closed form e·k bounds the run and the a-posteriori bound equals it', () => {
    const params = solverParams('diffusion2d', true);
    const e = 1e-5;
    const run = runSimulation({ problem: 'diffusion2d', params, spec: { mode: 'sz-abs', tolerance: e }, maxRecorded: 100_000 });
    for (const s of run.steps) {
      const prior = absoluteLipschitzPrior(e, 1, s.k);
      expect(s.zfpError).toBeLessThanOrEqual(prior * (1 + 1e-12));
      // Zero states are stored exactly (K = 0), so the a-posteriori bound is at most the prior.
      expect(s.bound!).toBeLessThanOrEqual(prior * (1 + 1e-12));
    }
  });
});

describe("the summary's largest e, SZ-style's counterpart of β_min", () => {
  it('diffusion (L = 1): a run at that e keeps its bound ≤ ε = the final numerical error, and the lemma refuses twice that e', () => {
    const params = solverParams('diffusion2d', true);
    const probe = runSimulation({ problem: 'diffusion2d', params, spec: { mode: 'sz-abs', tolerance: 1e-5 }, maxRecorded: 100_000 });
    const b = probe.summary.betaMin;
    expect(b.kind).toBe('largest-e');
    if (b.kind !== 'largest-e') return;
    const steps = probe.steps.length - 1;
    expect(absoluteLipschitzPrior(b.tolerance, 1, steps)).toBeLessThanOrEqual(b.epsilon);
    expect(absoluteLipschitzPrior(2 * b.tolerance, 1, steps)).toBeGreaterThan(b.epsilon);
    const atLargest = runSimulation({ problem: 'diffusion2d', params, spec: { mode: 'sz-abs', tolerance: b.tolerance }, maxRecorded: 100_000 });
    expect(atLargest.summary.boundHeld).toBe(true);
    expect(atLargest.summary.maxBound!).toBeLessThanOrEqual(b.epsilon);
    expect(atLargest.summary.maxZfpError).toBeLessThanOrEqual(b.epsilon);
  });
});

describe('choose --mode sz-abs', () => {
  it('starts from the largest e = 2^k ≤ ε / k on diffusion (L = 1); the certified e meets ε under its bound and twice it does not', () => {
    const params = solverParams('diffusion2d', true);
    const { steps, lemma, certified } = chooseSetting({ problem: 'diffusion2d', params, mode: 'sz-abs', epsilon: 1e-4 });
    expect('spec' in lemma).toBe(true);
    if (!('spec' in lemma)) return;
    const e = (lemma.spec as { tolerance: number }).tolerance;
    expect(e).toBeLessThanOrEqual(largestAbsoluteBound(1e-4, steps));
    expect(2 * e).toBeGreaterThan(largestAbsoluteBound(1e-4, steps));
    expect(certified).not.toBeNull();
    const s = certified!.record.summary;
    expect(s.boundHeld).toBe(true);
    expect(s.maxBound!).toBeLessThanOrEqual(1e-4);
    expect(s.maxZfpError).toBeLessThanOrEqual(1e-4);
    const twice = runSimulation({ problem: 'diffusion2d', params, spec: { mode: 'sz-abs', tolerance: 2 * (certified!.spec as { tolerance: number }).tolerance }, maxRecorded: 100_000 });
    expect(twice.summary.maxBound!).toBeGreaterThan(1e-4);
  });
});

describe('absolute-bound closed forms', () => {
  it('S_k(L)·e, its inverse for a target and the stall level agree with each other', () => {
    for (const L of [0.5, 0.9, 1]) {
      const k = 40;
      const e = largestAbsoluteBound(1e-3, absoluteLipschitzPrior(1, L, k));
      expect(absoluteLipschitzPrior(e, L, k)).toBeLessThanOrEqual(1e-3);
      expect(absoluteLipschitzPrior(e, L, k)).toBeGreaterThan(1e-3 * (1 - 1e-12));
      if (L < 1) expect(absoluteLipschitzPrior(e, L, 100_000)).toBeCloseTo(absoluteStallLevel(e, L), 15);
    }
    expect(powerSum(1, 7)).toBe(7);
    expect(() => absoluteStallLevel(1e-3, 1)).toThrow(TheoremHypothesisError);
  });
});
