import { describe, expect, it } from 'vitest';
import { float64Kind } from '../../src/array/ieee.ts';
import { zfpKind } from '../../src/array/zfp-representation.ts';
import { runSimulation } from '../../src/analysis/simulation-run.ts';
import { problems } from '../../solvers/index.ts';
import type { OperatorFacts } from '../../solvers/problem.ts';
import { run } from '../../solvers/runner.ts';
import { StallWatch, stallWindow } from '../../solvers/stall.ts';

/** The first k at which the watch lets the track stop, over the track's and the plain run's errors, or null. */
function stallOf(window: number, errors: (k: number) => number, plainErrors: (k: number) => number, steps: number): number | null {
  const watch = new StallWatch(window);
  for (let k = 0; k <= steps; k++) if (watch.observe(errors(k), plainErrors(k))) return k;
  return null;
}

describe('stall rule', () => {
  const facts = (extra: Partial<OperatorFacts>): OperatorFacts => ({ lipschitz: 1, linear: true, nonnegative: true, stencil: null, applyLinearPart: () => {}, ...extra });

  it('checks every window of iterations in which the contraction gains a factor 10', () => {
    const rho = Math.cos(Math.PI / 65);
    expect(stallWindow(facts({ jacobi: { spectralRadius: rho, maxNorm: 1 } }))).toBe(Math.ceil(Math.log(10) / -Math.log(rho)));
    expect(stallWindow(facts({ lipschitz: 0.5 }))).toBe(4); // 0.5⁴ = 1/16 ≤ 1/10 < 0.5³
    expect(stallWindow(facts({ lipschitz: 0 }))).toBe(1);
  });

  it('never stops a track when the contraction rate is unknown or only estimated', () => {
    expect(stallWindow(facts({ lipschitz: 1 }))).toBeNull();
    expect(stallWindow(facts({ lipschitz: 0.5, provenance: { lipschitz: 'estimated', linear: 'derived' } }))).toBeNull();
    expect(stallWindow(facts({ lipschitz: 0.5, provenance: { lipschitz: 'assumed', linear: 'derived' } }))).toBe(4);
  });

  it('lets a converging track run, and stops a floored one once the plain run is within 1 % of its floor', () => {
    const rho = 0.99, window = Math.ceil(Math.log(10) / -Math.log(rho));
    const plain = (k: number): number => rho ** k;
    expect(stallOf(window, plain, plain, 20 * window)).toBeNull();
    // Converges at ρ down to δ, then wanders within a factor 1.5 of it without a trend.
    const delta = 1e-6, floorAt = Math.ceil(Math.log(delta) / Math.log(rho));
    const track = (k: number): number => Math.max(rho ** k, delta * (1 + 0.5 * Math.sin(k)));
    const best = delta * 0.5;
    const stopped = stallOf(window, track, plain, 40 * window)!;
    expect(plain(stopped)).toBeLessThanOrEqual(0.01 * best * (1 + 1e-9));
    expect(plain(stopped - 1)).toBeGreaterThan(0.01 * best * (1 - 1e-9));
    // The plain run alone would allow it from k = floorAt + 2.3 windows; the floor shows at a check by floorAt + 2.
    expect(stopped).toBeLessThanOrEqual(floorAt + 4 * window);
    // Floored but the plain run never near: the track runs on.
    expect(stallOf(window, track, () => delta, 40 * window)).toBeNull();
    // A track at the fixed point has nothing left to gain; one that is all NaN has nothing to measure.
    expect(stallOf(window, () => 0, () => 0, 10 * window)).toBe(window);
    expect(stallOf(window, () => NaN, plain, 10 * window)).toBe(window);
  });
});

describe('runs that stop stalled tracks', () => {
  const params = { n: 14, tolerance: 1e-9, maxIterations: 3000 };
  const problem = problems['poisson-jacobi'].create(params);
  const window = stallWindow(problem.facts)!;
  const coarse = zfpKind({ mode: 'precision', precision: 14 });

  it('stops the inline track at its stall while the plain run goes on to its tolerance, changing nothing before', () => {
    const watched: number[] = [];
    const stopped = run(problem, { representations: [coarse], stopStalledTracks: true, onStep: ({ records }) => watched.push(records[0]!.k) });
    const full = run(problem, { representations: [coarse] });
    const track = stopped.tracks[0]!, fullTrack = full.tracks[0]!;
    const stalledAt = track.stalledAt!;
    expect(stalledAt).toBeGreaterThanOrEqual(2 * window);
    expect(stalledAt).toBeLessThan(full.steps / 2);
    expect(stopped.numericalErrors[stalledAt]).toBeLessThanOrEqual(0.01 * Math.min(...track.fixedPointErrors!));
    expect(track.steps).toHaveLength(stalledAt + 1);
    expect(watched).toEqual(Array.from({ length: stalledAt + 1 }, (_, k) => k));
    expect(track.steps).toEqual(fullTrack.steps.slice(0, stalledAt + 1));
    expect(track.fixedPointErrors).toEqual(fullTrack.fixedPointErrors!.slice(0, stalledAt + 1));
    expect(stopped.steps).toBe(full.steps);
    expect(stopped.numericalErrors).toEqual(full.numericalErrors);
    expect(stopped.numericalErrors[stopped.steps]).toBeLessThan(params.tolerance);
    expect(fullTrack.stalledAt).toBeNull();
    // The rest of the full run never got within half of the floor the track had reached.
    const best = (errors: number[]): number => Math.min(...errors);
    expect(best(fullTrack.fixedPointErrors!)).toBeGreaterThanOrEqual(0.5 * best(track.fixedPointErrors!));
  });

  it('never stalls an uncompressed track before the plain run converges', () => {
    const result = run(problem, { representations: [float64Kind], stopStalledTracks: true });
    expect(result.tracks[0]!.stalledAt).toBeNull();
    expect(result.tracks[0]!.steps).toHaveLength(result.steps + 1);
  });

  it('keeps the plain run in the summary and Theorem 3.9, and says where the track stopped', () => {
    const request = { problem: 'poisson-jacobi' as const, params, spec: { mode: 'precision' as const, precision: 20 }, maxRecorded: Infinity };
    const stopped = runSimulation({ ...request, stopStalledTracks: true });
    const full = runSimulation(request);
    expect(stopped.summary.stalledAt).toBe(stopped.steps.at(-1)!.k);
    expect(stopped.steps.length).toBeLessThan(full.steps.length);
    expect(full.summary.stalledAt).toBeUndefined();
    expect(stopped.summary.finalNumericalError).toBe(full.summary.finalNumericalError);
    expect(stopped.summary.betaMin).toEqual(full.summary.betaMin);
    expect(stopped.extraIterations!.map((r) => r.kDouble)).toEqual(full.extraIterations!.map((r) => r.kDouble));
    expect(stopped.extraIterations!.map((r) => r.kCompressed)).toEqual(full.extraIterations!.map((r) => r.kCompressed));
    expect(stopped.extraIterations!.some((r) => r.kCompressed === null)).toBe(true);
    expect(stopped.summary.boundHeld).toBe(true);
    // What the track would have added: ‖ũ_k − u_k‖ moves by the plain run's last 1 % of the floor, and the floor wanders a little.
    expect(stopped.summary.maxZfpError).toBeGreaterThanOrEqual(0.98 * full.summary.maxZfpError);
  });
});
