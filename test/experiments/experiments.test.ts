/** Every experiment's quick run: results that match the schema, and bounds above the measured error. */
import { describe, expect, it } from 'vitest';
import { experimentNames, experiments, type ExperimentResult, type FamilyComparison, type RunRecord, type StepResult } from '../../experiments/index.ts';
import { inlinePool } from '../../experiments/pool.ts';
import { checkResults } from '../../src/results/schema-check.ts';

const finiteOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));

function checkStep(s: StepResult): void {
  expect(Number.isInteger(s.k) && s.k >= 0).toBe(true);
  for (const field of ['zfpError', 'numericalError', 'ratio', 'stateNorm'] as const) expect(Number.isFinite(s[field]), field).toBe(true);
  for (const field of ['bound', 'roundoffError', 'minPlanes', 'maxPlanes'] as const) expect(finiteOrNull(s[field]), field).toBe(true);
  if (s.bound !== null) expect(s.zfpError).toBeLessThanOrEqual(s.bound);
  if (s.fixedPointBound !== undefined) expect(s.fixedPointError!).toBeLessThanOrEqual(s.fixedPointBound);
}

const ZFP_MODES = ['precision', 'rate', 'accuracy'];
const SZ_MODES = ['sz-abs', 'sz-rel'];

/**
 * The comparison against the runs it came from, recomputed here by brute force: each matched-error
 * pick is the cheapest run of its family whose bound certifies ε; each matched-storage pick is the
 * most accurate run within the budget, and the error read at the budget lies between the family's
 * best error and that run's; winners follow from the numbers.
 */
function checkComparison(comparison: FamilyComparison, runs: readonly RunRecord[]): void {
  const ofFamily = (modes: string[]) => runs.filter((r) => modes.includes(r.config.representation.mode));
  const families = { zfp: ofFamily(ZFP_MODES), sz: ofFamily(SZ_MODES) };
  expect(families.zfp.length).toBeGreaterThan(0);
  expect(families.sz.length).toBeGreaterThan(0);
  expect(comparison.matchedError.length).toBeGreaterThan(0);
  for (const row of comparison.matchedError) {
    for (const family of ['zfp', 'sz'] as const) {
      const certified = families[family].filter((r) => r.summary.boundHeld && r.summary.maxBound! <= row.epsilon);
      const cheapest = Math.min(...certified.map((r) => r.summary.meanBitsPerValue));
      const pick = row[family];
      if (certified.length === 0) expect(pick).toBeNull();
      else expect(pick!.bitsPerValue, `${comparison.problem} ε = ${row.epsilon} ${family}`).toBe(cheapest);
      if (pick) expect(pick.maxBound!).toBeLessThanOrEqual(row.epsilon);
    }
    if (row.zfp && row.sz && row.zfp.bitsPerValue !== row.sz.bitsPerValue) expect(row.winner).toBe(row.zfp.bitsPerValue < row.sz.bitsPerValue ? 'zfp' : 'sz');
    if (!row.zfp || !row.sz) expect(row.winner).toBe(row.zfp ? 'zfp' : 'sz');
  }
  for (const row of comparison.matchedStorage) {
    for (const family of ['zfp', 'sz'] as const) {
      const pick = row[family];
      const within = families[family].filter((r) => r.summary.meanBitsPerValue <= row.bitsPerValue && r.summary.maxZfpError > 0);
      expect(pick.bitsPerValue).toBeLessThanOrEqual(row.bitsPerValue);
      expect(pick.maxError).toBe(Math.min(...within.map((r) => r.summary.maxZfpError)));
      expect(pick.errorAtBudget).toBeLessThanOrEqual(pick.maxError);
      expect(pick.errorAtBudget).toBeGreaterThanOrEqual(Math.min(...families[family].map((r) => r.summary.maxZfpError).filter((e) => e > 0)));
    }
    if (row.zfp.errorAtBudget !== row.sz.errorAtBudget) expect(row.winner).toBe(row.zfp.errorAtBudget < row.sz.errorAtBudget ? 'zfp' : 'sz');
  }
}

/** The results survive JSON (what the report command reads back). */
function roundTrip(result: ExperimentResult): ExperimentResult {
  return JSON.parse(JSON.stringify(result)) as ExperimentResult;
}

describe('experiments, quick size', () => {
  it.each(experimentNames.filter((n) => n !== 'precision-contours'))('%s: schema, and bound ≥ error at every step', async (name) => {
    const result = roundTrip(await experiments[name].run({ quick: true, pool: inlinePool }));
    expect(result).toMatchObject({ experiment: name, title: expect.any(String), params: expect.any(Object) });
    expect(result.runs.length).toBeGreaterThan(0);
    for (const run of result.runs) {
      expect(run.config).toMatchObject({ representation: expect.any(Object), label: expect.any(String), problem: expect.any(String) });
      expect(run.steps.length).toBeGreaterThan(1);
      expect(run.steps[0]!.k).toBe(0);
      run.steps.forEach(checkStep);
      const s = run.summary;
      expect(s.boundHeld, `${run.config.label}: bound broken at k=${s.firstViolation}`).toBe(true);
      expect(s.minRatio).toBeLessThanOrEqual(s.finalRatio);
      const last = run.steps[run.steps.length - 1]!;
      // A stalled track stops while the plain run goes on: its final numerical error is the plain run's, further on.
      if (s.stalledAt === undefined) expect(s.finalNumericalError).toBe(last.numericalError);
      else expect([last.k, s.finalNumericalError < last.numericalError]).toEqual([s.stalledAt, true]);
      expect(['feasible', 'infeasible', 'largest-e', 'not-applicable']).toContain(s.betaMin.kind);
      if (run.config.representation.mode !== 'ieee') expect(s.maxBound).not.toBeNull();
      expect(s.codecMsPerStep!).toBeGreaterThanOrEqual(0);
      // β_min means nothing for an absolute bound: SZ-style rows carry the lemma's largest e instead.
      if (SZ_MODES.includes(run.config.representation.mode)) expect(s.betaMin.kind).toBe('largest-e');
    }
    // Every sweep weighs ZFP against SZ-style, per problem, from its own runs; the file checks against the schema.
    checkResults(result);
    if (name === 'poisson-jacobi') expect(result.runs.filter((r) => r.summary.stalledAt !== undefined).length).toBeGreaterThan(result.runs.length / 2);
    const problems = [...new Set(result.runs.map((r) => r.config.problem))];
    expect(result.comparison!.map((c) => c.problem)).toEqual(problems);
    for (const comparison of result.comparison!) checkComparison(comparison, result.runs.filter((r) => r.config.problem === comparison.problem));
  });

  it('diffusion2d records the double round-off from the decimal.js reference, and double-double gives the same curve', async () => {
    const result = await experiments.diffusion2d.run({ quick: true, pool: inlinePool });
    expect(result.params).toMatchObject({ reference: 'decimal', referenceDigits: 21 });
    const roundoff = result.runs[0]!.steps.map((s) => s.roundoffError);
    expect(roundoff.every((r) => r !== null && r < 1e-13)).toBe(true);
    expect(roundoff.some((r) => r! > 0)).toBe(true);
    const fast = await experiments.diffusion2d.run({ quick: true, pool: inlinePool, reference: 'double-double' });
    expect(fast.params).toMatchObject({ reference: 'double-double', referenceDigits: null });
    // They differ by decimal.js's own 21-digit rounding (the field is of order 1), far below the round-off.
    fast.runs[0]!.steps.forEach((s, i) => expect(Math.abs(s.roundoffError! - roundoff[i]!)).toBeLessThan(1e-19));
    const none = await experiments.diffusion2d.run({ quick: true, pool: inlinePool, reference: 'none' });
    expect(none.params).toMatchObject({ reference: null });
    expect(none.runs[0]!.steps.every((s) => s.roundoffError === null)).toBe(true);
  });

  it('advection1d: Theorem 3.3 explodes where Theorem 3.12 stays useful', async () => {
    const result = await experiments.advection1d.run({ quick: true, pool: inlinePool });
    const last = result.runs[0]!.steps.at(-1)!;
    expect(last.boundLipschitz!).toBeGreaterThan(100 * last.bound!);
    expect(last.boundConstantC!).toBeGreaterThanOrEqual(last.bound!);
  });

  it('precision-contours: integer β in 1..64 or infeasible; forward falls with κ, backward is its own form and rises with κ', async () => {
    const result = roundTrip(await experiments['precision-contours'].run({ quick: true }));
    expect(result.contours).toHaveLength(2);
    const [forward, backward] = result.contours!;
    for (const grid of [forward!, backward!]) {
      expect(grid.z).toHaveLength(grid.y.length);
      for (const row of grid.z) {
        expect(row).toHaveLength(grid.x.length);
        for (const beta of row) if (beta !== null) expect(Number.isInteger(beta) && beta >= 1 && beta <= 64).toBe(true);
      }
      // Near q = 1 no β ≤ 64 is certified at κ = 1: shown as infeasible, not as β > 64.
      expect(grid.z[grid.y.length - 1]![0]).toBeNull();
    }
    const mid = Math.floor(forward!.y.length / 2);
    const fRow = forward!.z[mid]!;
    expect(fRow[0]!).toBeGreaterThan(fRow[fRow.length - 1]!);
    // The backward panel is not the forward one, and κ enters it (through κ·qᵏ): β never falls as κ grows.
    const differ = backward!.z.some((row, i) => row.some((beta, j) => beta !== forward!.z[i]![j]));
    expect(differ).toBe(true);
    const rowAt = (q: number) => backward!.z[backward!.y.findIndex((y) => y >= q)]!;
    const rising = rowAt(0.9).filter((b): b is number => b !== null);
    expect(rising.every((b, j) => j === 0 || b >= rising[j - 1]!)).toBe(true);
    expect(rising[rising.length - 1]!).toBeGreaterThan(rising[0]!);
  });
});
