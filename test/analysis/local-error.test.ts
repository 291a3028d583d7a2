/** The single-use constant K_j of fixed accuracy: a block that keeps no plane is stored as zeros, so K = 1, never 0. */
import { describe, expect, it } from 'vitest';
import { localErrorBound, stepK } from '../../src/analysis/local-error.ts';
import { createProblem, solverParams } from '../../src/analysis/problem-setup.ts';
import { kindOf } from '../../src/analysis/representation-kind.ts';
import { run } from '../../solvers/runner.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import { emptyExponentsByPlanes } from '../../src/array/index.ts';
import { kBeta, kFromPlanes, kRate } from '../../theorems/index.ts';

describe('stepK in fixed-accuracy mode', () => {
  it.each([
    [1e3, 0.5],
    [1e3, 1],
    [2 ** 9, 2 ** -1],
    [2 ** 40, 1e-3],
  ])('is 1 when τ = %s lies above the field range ‖x‖ = %s (no plane kept)', (tolerance, norm) => {
    for (const d of [1, 2, 3]) expect(stepK({ mode: 'accuracy', tolerance }, d, null, norm)).toBe(1);
  });

  it('is below 1 when many planes are kept', () => {
    for (const tolerance of [1e-12, 1e-6, 1e-2]) {
      const K = stepK({ mode: 'accuracy', tolerance }, 2, null, 3);
      expect(K).toBeGreaterThan(0);
      expect(K).toBeLessThanOrEqual(1);
    }
    expect(stepK({ mode: 'accuracy', tolerance: 1e-12 }, 2, null, 3)).toBeLessThan(1e-6);
  });
});

describe('per-block local-error bounds', () => {
  const exponents = (entries: [planes: number, emax: number][]) => {
    const table = emptyExponentsByPlanes();
    for (const [p, e] of entries) table[p] = e;
    return table;
  };

  it('charges each block its own planes and its own size, not the fewest planes times the whole norm', () => {
    // A tiny block (2^-20) kept 4 planes; the large block (2^1) kept 30.
    const stored = { minPlanes: 4, exponentsByPlanes: exponents([[4, -20], [30, 1]]) };
    const bound = localErrorBound({ mode: 'rate', rate: 16 }, 2, stored, 2)!;
    expect(bound).toBe(Math.max(kRate(4, 2, 'float64') * 2 ** -20, kRate(30, 2, 'float64') * 2));
    expect(bound).toBeLessThan(1e-3 * kRate(4, 2, 'float64') * 2);
  });

  it('charges a block K in units of 2^(e−1), the least its norm can be, not 2^e', () => {
    const stored = { minPlanes: 30, exponentsByPlanes: exponents([[30, 1]]) };
    expect(localErrorBound({ mode: 'rate', rate: 40 }, 2, stored, 2)).toBe(kFromPlanes(30, 2, 'float64').derived * 2 ** 0);
    expect(localErrorBound({ mode: 'rate', rate: 40 }, 2, stored, 2)).toBeLessThanOrEqual((kRate(30, 2, 'float64') * 2 ** 1) / 2);
  });

  it('fixed accuracy counts the blocks it dropped: a state entirely below τ has a bound at least its error', () => {
    const spec = { mode: 'accuracy', tolerance: 2 ** -3 } as const;
    const p = createProblem('diffusion2d', solverParams('diffusion2d', true, { n: 8, steps: 1 }));
    const representation = kindOf(spec).create(p.shape);
    const state = new Float64Array(64).fill(2 ** -12);
    const stats = representation.store(state);
    const loaded = new Float64Array(64);
    representation.load(loaded);
    expect(loaded.every((v) => v === 0)).toBe(true);
    const bound = localErrorBound(spec, 2, { minPlanes: stats.minPlanes, exponentsByPlanes: stats.exponentsByPlanes! }, 2 ** -12)!;
    expect(bound).toBeGreaterThanOrEqual(2 ** -12);
  });

  it('is zero for a state of all-zero blocks (stored exactly), and keeps K_β for fixed precision', () => {
    expect(localErrorBound({ mode: 'rate', rate: 8 }, 2, { minPlanes: null, exponentsByPlanes: emptyExponentsByPlanes() }, 0)).toBe(0);
    expect(localErrorBound({ mode: 'precision', precision: 20 }, 3, { minPlanes: 20, exponentsByPlanes: exponents([[20, 0]]) }, 0.75)).toBe(kBeta(20, 3, 'float64') * 0.75);
  });

  it.each([
    [{ mode: 'rate', rate: 6 }],
    [{ mode: 'rate', rate: 20 }],
    [{ mode: 'accuracy', tolerance: 1e-3 }],
    [{ mode: 'accuracy', tolerance: 1e-9 }],
  ] as const)('bounds the measured δ_j of every step of a run (%o)', (spec) => {
    for (const problem of ['advection2d', 'diffusion3d', 'gauss-seidel'] as const) {
      const params = solverParams(problem, true, problem === 'gauss-seidel' ? { n: 12, sweeps: 6 } : { n: 12, steps: 6 });
      const p = createProblem(problem, params);
      const d = p.blocks ? 1 : p.shape.length;
      const records = run(p, { representations: [kindOf(spec)] }).tracks[0]!.steps;
      for (const r of records) expect(r.localError).toBeLessThanOrEqual(localErrorBound(spec, d, r, p.blocks ? r.maxBlockNorm! : r.stateNorm)!);
      // The K form bounds any data with these norms, so it is never below the run's own bound.
      for (const step of runSimulation({ problem, params, spec, maxRecorded: Infinity }).steps) expect(step.anyBound!).toBeGreaterThanOrEqual(step.dataBound!);
    }
  });
});

describe("the bounds carry the steps' own rounding", () => {
  it('the data bound holds at precision 64, where the storage error is itself near round-off', () => {
    for (const problem of ['diffusion2d', 'advection1d'] as const) {
      const params = solverParams(problem, true);
      const run = runSimulation({ problem, params, spec: { mode: 'precision', precision: 64 }, maxRecorded: 10_000, certify: 'data' });
      expect(run.summary.boundHeld, problem).toBe(true);
      for (const s of run.steps) expect(s.zfpError, `${problem} step ${s.k}`).toBeLessThanOrEqual(s.dataBound!);
    }
  });
});
