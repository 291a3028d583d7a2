import type { Representation, RepresentationKind, StoreStats } from '../src/array/representation.ts';
import { emptyExponentsByPlanes, mergeExponentsByPlanes, type ExponentsByPlanes } from '../src/array/compression-stats.ts';
import type { Arithmetic } from '../src/reference/arithmetic.ts';
import { referenceArithmetic, type ReferenceSpec } from '../src/reference/choice.ts';
import { requireInteger } from './params.ts';
import { maxNorm } from './grid.ts';
import { referenceStepIn, type BlockSweep, type Problem, type ProblemName, type StateType } from './problem.ts';
import { StallWatch, stallWindow } from './stall.ts';

export interface RunOptions {
  /** Each kind gives one inline-compressed track, all against the same double run. */
  readonly representations: readonly RepresentationKind[];
  /** Defaults to the problem's step count. */
  readonly steps?: number;
  /** Run a reference in this arithmetic (decimal.js is slow); omitted: no reference. */
  readonly reference?: ReferenceSpec;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The state's type (default float64). float32: the plain run and every inline track round their
   * state to float32 after every step (block sweeps: every block as it is updated) and start from the rounded
   * initial state, as a float32 solver holds it; the representations should hold float32 too. The
   * reference stays high precision, started from the rounded initial state.
   */
  readonly type?: StateType;
  /** Watches each step k = 0..steps as it is recorded (a live chart); nothing it receives may be kept: copy. */
  readonly onStep?: (step: RunStep) => void;
  /**
   * Fixed-point problems with a known contraction rate: the inline tracks stop once every one of them
   * has stalled (`solvers/stall.ts`), and the plain run goes on alone to its tolerance. Default: the
   * tracks run as long as the plain run.
   */
  readonly stopStalledTracks?: boolean;
}

/** One recorded step as a watcher sees it: the arrays are the run's own, overwritten by the next step. */
export interface RunStep {
  /** Each inline track's record of step k. */
  readonly records: readonly StepRecord[];
  /** u_k, the plain double run. */
  readonly solution: Float64Array;
  /** ũ_k per inline track. */
  readonly states: readonly Float64Array[];
}

/** One inline track at step k (docs/experiments.md's per-step fields, plus the norms the bounds use). */
export interface StepRecord {
  readonly k: number;
  /** ‖ũ_k − u_k‖∞: inline-compressed against double. */
  readonly zfpError: number;
  /** ‖u_k‖∞ of the plain double run: the size of the solution the errors are measured against. */
  readonly solutionNorm: number;
  /** ‖u_k − u_exact‖∞: double against the exact (or fixed-point) solution. */
  readonly numericalError: number;
  /** ‖u_k − u_ref,k‖∞ when the reference runs, else null. */
  readonly roundoffError: number | null;
  readonly ratio: number;
  readonly minPlanes: number | null;
  readonly maxPlanes: number | null;
  /** ‖ũ_k‖∞ of the state handed to the representation: the theorems' ‖x̃_k‖. */
  readonly stateNorm: number;
  /** Block sweeps: max over blocks of ‖y_i‖∞ before compression (Theorem 3.16's Y_k); else null. */
  readonly maxBlockNorm: number | null;
  /** δ_k = ‖Q(x̃_k) − x̃_k‖∞, the local error the round trip of this step made (block sweeps: max over blocks). */
  readonly localError: number;
  /** ZFP: per plane count the largest block exponent of this step's stores; null otherwise. */
  readonly exponentsByPlanes: ExponentsByPlanes | null;
}

export interface TrackResult {
  readonly representation: string;
  readonly steps: StepRecord[];
  /** Fixed-point problems: ‖ũ_k − u*‖∞ per step k (u* the problem's exact solution, its fixed point); else null. */
  readonly fixedPointErrors: number[] | null;
  /** The first iteration at which this track could stop stalled (with `stopStalledTracks`), else null. */
  stalledAt: number | null;
}

export interface RunResult {
  readonly problem: ProblemName;
  /** Steps the plain run took: fewer than asked when a fixed-point run reached its tolerance. */
  readonly steps: number;
  /** ‖u_k − u_exact‖∞ of the plain run for k = 0..steps, also past the steps of tracks that stopped stalled. */
  readonly numericalErrors: number[];
  readonly tracks: TrackResult[];
}

/** A track's step k: what its store kept and its distances, each a max norm over the field. */
interface StepOutcome {
  readonly stats: StoreStats;
  readonly maxBlockNorm: number | null;
  /** δ_k = ‖Q(ũ_k) − ũ_k‖. */
  readonly localError: number;
  /** ‖ũ_k − u_k‖. */
  readonly zfpError: number;
  /** ‖ũ_k‖. */
  readonly stateNorm: number;
  /** ‖ũ_k − u*‖ when the run has a fixed point u*, else null. */
  readonly fixedPointError: number | null;
}

/** An inline-compressed track: holds ũ_k and advances it through its representation, measuring against u_k, the plain run's state. */
interface InlineTrack {
  readonly name: string;
  readonly state: Float64Array;
  /** Stores the initial state ũ_0 = u_0. */
  start(u: Float64Array): StepOutcome;
  /** ũ_{k+1} = F(Q(ũ_k)), then stores it. */
  advance(u: Float64Array): StepOutcome;
}

/**
 * The distances of a track's step, in one pass over the field: δ (`loaded` against `state`), and
 * `state` against u, 0 and the fixed point (none: u stands in, and its result is dropped).
 */
function measure(state: Float64Array, loaded: Float64Array, u: Float64Array, fixedPoint: Float64Array | null): [localError: number, zfpError: number, stateNorm: number, fixedPointError: number | null] {
  const target = fixedPoint ?? u;
  let local = 0, zfp = 0, norm = 0, fixed = 0;
  for (let i = 0; i < state.length; i++) {
    const x = state[i]!;
    local = Math.max(local, Math.abs(loaded[i]! - x));
    zfp = Math.max(zfp, Math.abs(x - u[i]!));
    norm = Math.max(norm, Math.abs(x));
    fixed = Math.max(fixed, Math.abs(x - target[i]!));
  }
  return [local, zfp, norm, fixedPoint ? fixed : null];
}

/** store → load → step: x̃_{k+1} = fl(F(Q(x̃_k))) (fl: rounding to the state type); Q(x̃_k) is loaded right away to measure δ_k. */
function fieldTrack(problem: Problem, representation: Representation, toStateType: RoundToType, fixedPoint: Float64Array | null): InlineTrack {
  const state = new Float64Array(representation.shape.reduce((a, b) => a * b, 1));
  const loaded = new Float64Array(state.length);
  const store = (u: Float64Array): StepOutcome => {
    const stats = representation.store(state);
    representation.load(loaded);
    const [localError, zfpError, stateNorm, fixedPointError] = measure(state, loaded, u, fixedPoint);
    return { stats, maxBlockNorm: null, localError, zfpError, stateNorm, fixedPointError };
  };
  return {
    name: representation.name,
    state,
    start: (u) => {
      state.set(u);
      return store(u);
    },
    advance: (u) => {
      problem.step(loaded, state);
      toStateType(state);
      return store(u);
    },
  };
}

/** Successive displacement: each block goes through a block-sized representation right after its update. */
function blockTrack(blocks: BlockSweep, length: number, representation: Representation, toStateType: RoundToType, valueBytes: number, fixedPoint: Float64Array | null): InlineTrack {
  const state = new Float64Array(length);
  const block = new Float64Array(blocks.size);
  let bytes = 0;
  let minPlanes: number | null = null;
  let maxPlanes: number | null = null;
  let maxBlockNorm = 0;
  let localError = 0;
  let exponentsByPlanes: ExponentsByPlanes | null = null;
  const compress = (start: number): void => {
    for (let i = 0; i < blocks.size; i++) block[i] = state[start + i]!;
    toStateType(block);
    state.set(block, start);
    maxBlockNorm = Math.max(maxBlockNorm, maxNorm(block));
    const stats = representation.store(block);
    representation.load(block);
    for (let i = 0; i < blocks.size; i++) localError = Math.max(localError, Math.abs(block[i]! - state[start + i]!));
    state.set(block, start);
    bytes += stats.bytes;
    if (stats.minPlanes !== null) minPlanes = Math.min(minPlanes ?? Infinity, stats.minPlanes);
    if (stats.maxPlanes !== null) maxPlanes = Math.max(maxPlanes ?? -Infinity, stats.maxPlanes);
    if (stats.exponentsByPlanes) mergeExponentsByPlanes((exponentsByPlanes ??= emptyExponentsByPlanes()), stats.exponentsByPlanes);
  };
  const pass = (u: Float64Array, visit: () => void): StepOutcome => {
    bytes = 0;
    minPlanes = maxPlanes = null;
    maxBlockNorm = localError = 0;
    exponentsByPlanes = null;
    visit();
    const merged = exponentsByPlanes as ExponentsByPlanes | null; // assigned inside visit()
    // Each block's δ was measured as it was stored: `state` stands in for the loaded field.
    const [, zfpError, stateNorm, fixedPointError] = measure(state, state, u, fixedPoint);
    const stats = { bytes, ratio: (valueBytes * length) / bytes, minPlanes, maxPlanes, ...(merged && { exponentsByPlanes: merged }) };
    return { stats, maxBlockNorm, localError, zfpError, stateNorm, fixedPointError };
  };
  return {
    name: representation.name,
    state,
    start: (u) =>
      pass(u, () => {
        state.set(u);
        for (let start = 0; start < length; start += blocks.size) compress(start);
      }),
    advance: (u) => pass(u, () => blocks.sweep(state, compress)),
  };
}

/** The reference track: its own state, advanced by the problem's generic step. */
function referenceTrack<T>(problem: Problem, arithmetic: Arithmetic<T>, initial: Float64Array) {
  let state = arithmetic.field(initial.length);
  let next = arithmetic.field(initial.length);
  for (let i = 0; i < initial.length; i++) state.set(i, arithmetic.fromNumber(initial[i]!));
  // Each difference is stored before it is read: storing ends its computation, so no temporaries pile up.
  const difference = arithmetic.field(1);
  const step = referenceStepIn(problem, arithmetic);
  return {
    advance: (): void => {
      step(state, next);
      [state, next] = [next, state];
    },
    /** Subtracts in T and rounds only the difference: rounding the reference first would quantize the curve to ulps of u. */
    distanceTo: (u: Float64Array): number => {
      let m = 0;
      for (let i = 0; i < u.length; i++) {
        difference.set(0, arithmetic.sub(state.get(i), arithmetic.fromNumber(u[i]!)));
        m = Math.max(m, Math.abs(arithmetic.toNumber(difference.get(0))));
      }
      return m;
    },
  };
}

/** Rounds a state in place to the simulation's type after a step (or a block of a sweep); a no-op for float64. */
type RoundToType = (values: Float64Array) => void;

function roundToFloat32(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) values[i] = Math.fround(values[i]!);
}

function sameEntries(a: Int16Array, b: Int16Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** ‖u − exact‖ and ‖u‖ in one pass. */
function errorAndNorm(u: Float64Array, exact: Float64Array): [error: number, norm: number] {
  let error = 0, norm = 0;
  for (let i = 0; i < u.length; i++) {
    const x = u[i]!;
    error = Math.max(error, Math.abs(x - exact[i]!));
    norm = Math.max(norm, Math.abs(x));
  }
  return [error, norm];
}

/**
 * Advances the exact solution, the plain run (double, or rounded to float32 per step), every inline track and (optionally) the reference
 * in lockstep, recording per step and per inline track the fields of docs/experiments.md.
 */
export function run(problem: Problem, options: RunOptions): RunResult {
  const total = options.steps ?? problem.steps;
  requireInteger('steps', total, 0);
  const length = problem.shape.reduce((a, b) => a * b, 1);
  let u = new Float64Array(length);
  let next = new Float64Array(length);
  const exact = new Float64Array(length);
  const toStateType: RoundToType = options.type === 'float32' ? roundToFloat32 : () => {};
  problem.initial(u);
  toStateType(u);
  // A fixed-point problem's exact solution is its fixed point, the same at every step.
  const fixedPoint = problem.tolerance === null ? null : exact;
  if (fixedPoint) problem.exact(0, fixedPoint);
  const blocks = problem.blocks;
  const tracks = options.representations.map((kind) =>
    blocks
      ? blockTrack(blocks, length, kind.create([blocks.size]), toStateType, options.type === 'float32' ? 4 : 8, fixedPoint)
      : fieldTrack(problem, kind.create(problem.shape), toStateType, fixedPoint),
  );
  // A float32 sweep rounds each block as it is updated, as the inline track does; other steps round their result.
  const plainStep = (src: Float64Array, dst: Float64Array): void => {
    if (blocks && options.type === 'float32') {
      dst.set(src);
      blocks.sweep(dst, (start) => toStateType(dst.subarray(start, start + blocks.size)));
      return;
    }
    problem.step(src, dst);
    toStateType(dst);
  };
  const reference = options.reference ? referenceTrack(problem, referenceArithmetic(options.reference), u) : null;
  const results: TrackResult[] = tracks.map((t) => ({ representation: t.name, steps: [], fixedPointErrors: fixedPoint && [], stalledAt: null }));
  const numericalErrors: number[] = [];
  const window = options.stopStalledTracks && fixedPoint ? stallWindow(problem.facts) : null;
  const stallWatches = window === null ? null : tracks.map(() => new StallWatch(window));
  let tracksRunning = true;

  // A representation refills its statistics in place at the next store, so a record keeps a copy; a
  // table equal to the track's previous one shares that copy (records never change them), as most steps' do.
  const lastExponents: (ExponentsByPlanes | null)[] = tracks.map(() => null);
  const keptExponents = (t: number, table: ExponentsByPlanes): ExponentsByPlanes => {
    const last = lastExponents[t];
    if (last && sameEntries(last, table)) return last;
    return (lastExponents[t] = table.slice());
  };
  const watch = (k: number): void => options.onStep?.({ records: results.map((r) => r.steps[k]!), solution: u, states: tracks.map((t) => t.state) });
  const record = (k: number, outcomes: StepOutcome[]): number => {
    if (!fixedPoint) problem.exact(k, exact);
    const [numericalError, solutionNorm] = errorAndNorm(u, exact);
    numericalErrors.push(numericalError);
    const roundoffError = reference && tracksRunning ? reference.distanceTo(u) : null;
    outcomes.forEach(({ stats, maxBlockNorm, localError, zfpError, stateNorm, fixedPointError }, t) => {
      results[t]!.fixedPointErrors?.push(fixedPointError!);
      results[t]!.steps.push({
        k,
        zfpError,
        solutionNorm,
        numericalError,
        roundoffError,
        ratio: stats.ratio,
        minPlanes: stats.minPlanes,
        maxPlanes: stats.maxPlanes,
        stateNorm,
        maxBlockNorm,
        localError,
        exponentsByPlanes: stats.exponentsByPlanes ? keptExponents(t, stats.exponentsByPlanes) : null,
      });
    });
    return numericalError;
  };

  /** Feeds step k's errors against the fixed point to the watches (noting each track's first stall); true once all have stalled. */
  const allStalled = (k: number): boolean => {
    if (!stallWatches) return false;
    let all = true;
    stallWatches.forEach((w, t) => {
      const result = results[t]!;
      if (w.observe(result.fixedPointErrors![k]!, numericalErrors[k]!) && result.stalledAt === null) result.stalledAt = k;
      all &&= result.stalledAt !== null;
    });
    return all;
  };

  record(0, tracks.map((t) => t.start(u)));
  allStalled(0);
  watch(0);
  let k = 0;
  while (k < total) {
    plainStep(u, next);
    [u, next] = [next, u];
    reference?.advance();
    const outcomes = tracksRunning ? tracks.map((t) => t.advance(u)) : [];
    k++;
    const numericalError = record(k, outcomes);
    if (tracksRunning) watch(k);
    options.onProgress?.(k, total);
    if (problem.tolerance !== null && numericalError < problem.tolerance) break;
    // A stall found at the last step stops nothing: it is not reported.
    if (tracksRunning && k < total) tracksRunning = !allStalled(k);
  }
  return { problem: problem.name, steps: k, numericalErrors, tracks: results };
}
