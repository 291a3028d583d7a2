/** Theorem 3.12's ‖Aⁿ‖∞ over the horizon asked for, and the Kreiss bound for any horizon. */
import { describe, expect, it } from 'vitest';
import { boundModel } from '../../src/analysis/bound-model.ts';
import { createProblem, type SolverParams } from '../../src/analysis/problem-setup.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import { problems } from '../../solvers/index.ts';
import {
  TheoremHypothesisError,
  densePowerNorms,
  kreissEstimate,
  laxWendroffStencil,
  periodicKreissBound,
  periodicPowerNorms,
  type Dense,
} from '../../theorems/index.ts';

/** The dense circulant of a 1D periodic stencil. */
function circulant(weights: readonly number[], offsets: readonly number[], n: number): Dense {
  return Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0);
    offsets.forEach((o, t) => (row[(((i + o) % n) + n) % n]! += weights[t]!));
    return row;
  });
}

describe('Kreiss bound of a periodic stencil, from its symbol', () => {
  it('K(A) = 1 for Lax–Wendroff, as the dense resolvent samples find, and the max-norm bound holds every power', () => {
    const stencil = laxWendroffStencil(0.8);
    const n = 7;
    const bound = periodicKreissBound(stencil, [n]);
    expect(bound.K).toBe(1);
    expect(bound.spectralRadius).toBeCloseTo(1, 12);
    expect(bound.maxNorm).toBeCloseTo(Math.sqrt(n) * Math.E * n, 10);
    const A = circulant(stencil.weights, stencil.offsets.map((o) => o[0]!), n);
    const dense = kreissEstimate(A, { angles: 24 });
    expect(dense.K).toBeLessThanOrEqual(1 + 1e-9);
    expect(dense.K).toBeGreaterThan(0.99);
    const powers = densePowerNorms(A, 600);
    expect(Math.max(...powers)).toBeLessThanOrEqual(bound.maxNorm);
    expect(Array.from(periodicPowerNorms(stencil, [n], 600)).every((v, k) => Math.abs(v - powers[k]!) < 1e-9)).toBe(true);
  });

  it('refuses a stencil whose symbol leaves the unit disk', () => {
    expect(() => periodicKreissBound(laxWendroffStencil(1.2), [16])).toThrow(TheoremHypothesisError);
  });
});

describe('Lemma 3.14 over the horizon the user asks for', () => {
  const params: SolverParams = { ...problems.advection1d.quick };
  const steps = problems.advection1d.quick.steps;
  const problem = createProblem('advection1d', params);

  it('computes ‖Aⁿ‖∞ for a longer horizon instead of reusing the run’s own maximum', () => {
    const short = boundModel({ problem, params, steps: steps, initialError: 0 });
    const long = boundModel({ problem, params, steps: steps, initialError: 0, horizon: 3000 });
    const exact = periodicPowerNorms(problem.facts.stencil!, problem.shape, 3000);
    const maxUpTo = (n: number) => Math.max(...exact.subarray(1, n + 1));
    expect(short.prior(1, 1, steps) / steps).toBeCloseTo(maxUpTo(steps), 12);
    expect(long.prior(1, 1, 3000) / 3000).toBeCloseTo(maxUpTo(3000), 12);
    // Asked of the short model, a longer count still gets its own powers.
    expect(short.prior(1, 1, 3000) / 3000).toBeCloseTo(maxUpTo(3000), 12);
    expect(maxUpTo(3000)).toBeGreaterThan(maxUpTo(steps) * 1.05);
  });

  it("uses the Kreiss bound for horizon: 'unbounded', and every advection run reports it", () => {
    const model = boundModel({ problem, params, steps: steps, initialError: 0, horizon: 'unbounded' });
    const kreiss = periodicKreissBound(problem.facts.stencil!, problem.shape);
    expect(model.prior(1, 1, 10) / 10).toBeCloseTo(kreiss.maxNorm, 10);
    expect(model.lemma).toMatch(/Kreiss/);
    expect(kreiss.maxNorm).toBeGreaterThanOrEqual(Math.max(...periodicPowerNorms(problem.facts.stencil!, problem.shape, 3000)));
    const record = runSimulation({ problem: 'advection1d', params, spec: { mode: 'precision', precision: 32 }, maxRecorded: 5 });
    expect(record.summary.kreissPowerBound).toBeCloseTo(kreiss.maxNorm, 10);
    expect(record.summary.normHandling).toMatch(/Kreiss/);
    expect(() => boundModel({ problem, params, steps: steps, initialError: 0, horizon: 2.5 })).toThrow(/horizon/);
  });
});
