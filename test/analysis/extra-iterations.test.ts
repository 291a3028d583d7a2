/** Theorem 3.9 for Jacobi in the max norm, the norm of K_β and of the Theorem 3.7 bound. */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import { problems } from '../../solvers/index.ts';
import { extraIterations, extraIterationsFromPowers, nonnegativePowerNorms, powerNormSeries } from '../../theorems/index.ts';

describe('Theorem 3.9 with exact power norms', () => {
  it('reduces to ⌈ln(1 − δ/E_k)/ln L⌉ when ‖Gⁿ‖ = Lⁿ, also past the known powers', () => {
    const L = 0.9;
    const powers = Float64Array.from({ length: 41 }, (_, n) => L ** n);
    for (const [k, delta] of [[3, 1e-3], [10, 0.05], [20, 1e-4], [40, 1e-3], [5, 0.5]] as const) {
      const exact = extraIterations(L, 2, k, delta);
      const fromPowers = extraIterationsFromPowers(powers, 2, k, delta);
      expect(fromPowers.kind).toBe(exact.kind);
      if (exact.kind === 'reachable' && fromPowers.kind === 'reachable') expect(fromPowers.mPred).toBe(exact.mPred);
    }
  });

  it('sums the series from the known powers into a bound, also when ‖G‖ = 1', () => {
    expect(powerNormSeries(Float64Array.from({ length: 30 }, (_, n) => 0.5 ** n))).toBeCloseTo(1, 12);
    // ‖G‖ = 1 but ‖G²‖ = 0.25: ‖Gⁿ‖ ≤ 0.25^⌊n/2⌋, so Σ_{n≥1} ≤ (1 + 0.25)/(1 − 0.25).
    expect(powerNormSeries([1, 1, 0.25])).toBeCloseTo(1.25 / 0.75, 12);
    expect(powerNormSeries([1, 1, 1])).toBe(Infinity);
  });

  it('poisson-jacobi: δ = K·M·Σ‖Gⁿ‖∞, well below the old 2-norm form √N·K·M·ρ/(1 − ρ), so m_pred reaches one decade further', () => {
    const params = { n: 16, tolerance: 1e-13, maxIterations: 10_000 };
    const record = runSimulation({ problem: 'poisson-jacobi', params, spec: { mode: 'precision', precision: 32 }, maxRecorded: 10 });
    const rows = record.extraIterations!;
    const delta = rows[0]!.delta!;
    expect(rows.every((r) => r.delta === delta)).toBe(true);
    const problem = problems['poisson-jacobi'].create(params);
    const size = problem.shape.reduce((a, b) => a * b, 1);
    const powers = nonnegativePowerNorms({ size, apply: problem.facts.applyLinearPart, nonnegative: true }, 400);
    const series = powerNormSeries(powers);
    // Σ_{n≥1}‖Gⁿ‖∞ is at least its first 400 terms, and the 2-norm form's factor is several times larger.
    expect(series).toBeGreaterThanOrEqual(powers.subarray(1).reduce((a, b) => a + b, 0));
    const rho = problem.facts.jacobi!.spectralRadius;
    expect((Math.sqrt(size) * rho) / (1 - rho) / series).toBeGreaterThan(3);
    // The compressed run reaches ε = 1e-6 and the max-norm δ still lies below E_k there.
    const at = rows.find((r) => r.epsilon === 1e-6)!;
    expect(at.mActual).not.toBeNull();
    expect(at.mPred).not.toBeNull();
    expect(at.mPred!).toBeGreaterThanOrEqual(0);
  });
});
