/**
 * One problem run inline with one representation and measured against its theorem (bound per step,
 * verdict, β_min) as a results record; and the reference rerun behind the round-off curve.
 * Requests and records are plain data, so sweeps can run them on worker threads.
 */
import { float64Kind } from '../array/ieee.ts';
import type { Representation, RepresentationKind } from '../array/representation.ts';
import { maxDistance } from '../../solvers/grid.ts';
import type { ProblemName, StateType } from '../../solvers/problem.ts';
import { run, type RunStep } from '../../solvers/runner.ts';
import { resolveReference, type ReferenceArithmeticName, type ReferenceChoice, type ReferenceSpec } from '../reference/choice.ts';
import { specLabel, type RepresentationSpec } from '../results/representation-spec.ts';
import type { Certify, RunRecord } from '../results/schema.ts';
import { boundModel, type BoundModel, type Horizon } from './bound-model.ts';
import { evaluateTrack, thin, TrackBounds, type StepBounds } from './evaluate.ts';
import { extraIterationRows } from './extra-iterations.ts';
import { localErrorBound } from './local-error.ts';
import { createProblem, type SolverParams } from './problem-setup.ts';
import { kindOf } from './representation-kind.ts';

export interface SimulationRequest {
  readonly problem: ProblemName;
  readonly params: SolverParams;
  readonly spec: RepresentationSpec;
  /** Steps in the JSON at most (the summary uses every step). */
  readonly maxRecorded: number;
  /** Steps Lemma 3.14's C covers (advection); default: the run's own. */
  readonly horizon?: Horizon;
  /** The bound the verdict rests on; default 'data', the run's own measured local errors. */
  readonly certify?: Certify;
  /** The state's type; default float64. float32: a float32 plain run and a float32 ZFP array. */
  readonly stateType?: StateType;
  /** Fixed-point problems: stop the inline track once it has stalled (experiments do); default: run it as long as the plain run. */
  readonly stopStalledTracks?: boolean;
}

/** The rerun in a wider arithmetic that gives the plain run's round-off curve. */
export interface ReferenceRequest {
  readonly problem: ProblemName;
  readonly params: SolverParams;
  /** `auto`: decimal.js up to AUTO_DOUBLE_DOUBLE_ABOVE grid points, double-double above. */
  readonly reference: ReferenceChoice;
  /** decimal.js's significant digits; default 21 (docs/theory.md, "The reference run"). */
  readonly digits?: number;
  /** The plain run's state type (default float64); the reference stays high precision. */
  readonly stateType?: StateType;
}

/** ‖u_k − u_ref,k‖∞ for k = 0..steps, and the arithmetic that gave it. */
export interface ReferenceCurve {
  readonly arithmetic: ReferenceArithmeticName;
  readonly roundoff: number[];
}

/** What an instrumented kind measures: the time spent storing and loading (the codec's share of the steps). */
interface Probe {
  ms: number;
}

function instrumented(kind: RepresentationKind, probe: Probe): RepresentationKind {
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      probe.ms += performance.now() - started;
    }
  };
  return {
    name: kind.name,
    create: (shape): Representation => {
      const inner = kind.create(shape);
      return {
        name: inner.name,
        shape: inner.shape,
        store: (values) => timed(() => inner.store(values)),
        load: (out) => timed(() => inner.load(out)),
        bitsPerValue: () => inner.bitsPerValue(),
      };
    },
  };
}

/**
 * `onProgress` is for callers on this thread (a progress bar); workers report per task instead.
 * `onStep` watches every step as the run makes it (the web lab's live chart and field), with its
 * bounds: a time-stepping run knows its length, so its theorem is set up before the run and bounds
 * each step as it comes (the same bounds the record gets); a fixed-point run's bound model needs the
 * iteration it stops at, so its steps come with null and its bounds with the record.
 */
export function runSimulation(request: SimulationRequest, onProgress?: (done: number, total: number) => void, onStep?: (step: RunStep, bounds: StepBounds | null) => void): RunRecord {
  const problem = createProblem(request.problem, request.params);
  const length = problem.shape.reduce((a, b) => a * b, 1);
  const initial = new Float64Array(length);
  const fixedPoint = new Float64Array(length);
  problem.initial(initial);
  problem.exact(0, fixedPoint);
  const type = request.stateType ?? 'float64';
  const isFixedPoint = problem.tolerance !== null;
  const probe: Probe = { ms: 0 };
  const d = problem.blocks ? 1 : problem.shape.length;
  const modelFor = (steps: number): BoundModel | null =>
    request.spec.mode === 'ieee' ? null : boundModel({ problem, params: request.params, steps, initialError: maxDistance(initial, fixedPoint), ...(request.horizon !== undefined && { horizon: request.horizon }) });
  const boundsFor = (model: BoundModel | null): TrackBounds =>
    new TrackBounds({ spec: request.spec, d, model, blockSweep: problem.blocks !== undefined, certify: request.certify ?? 'data', stepGain: problem.facts.linear ? problem.facts.lipschitz : null, type });
  const live = isFixedPoint ? null : boundsFor(modelFor(problem.steps));
  // A fixed-point run unwatched has nothing to do per step here.
  const watch =
    live || onStep
      ? (step: RunStep): void => {
          const bounds = live?.add(step.records[0]!) ?? null;
          onStep?.(step, bounds);
        }
      : undefined;
  const result = run(problem, { representations: [instrumented(kindOf(request.spec, type), probe)], type, stopStalledTracks: request.stopStalledTracks ?? false, ...(onProgress && { onProgress }), ...(watch && { onStep: watch }) });
  const track = result.tracks[0]!;
  const records = track.steps;
  const fixedPointErrors = track.fixedPointErrors;
  const plainRun = { steps: result.steps, numericalError: result.numericalErrors[result.steps]! };
  const bounds = live ?? boundsFor(modelFor(result.steps));
  if (!live) for (const r of records) bounds.add(r);
  const { model } = bounds.input;
  const { steps, summary } = evaluateTrack({ ...bounds.input, records, plainRun, ...(fixedPointErrors && { fixedPointErrors }) }, bounds);
  const extraIterations =
    fixedPointErrors && model?.powerNorms
      ? extraIterationRows({
          powerNorms: model.powerNorms,
          initialError: maxDistance(initial, fixedPoint),
          // Theorem 3.9's single K: the largest per-step ratio of the per-block bound to the norm.
          K: Math.max(0, ...records.map((r) => (r.stateNorm > 0 ? localErrorBound(request.spec, d, r, r.stateNorm, type)! / r.stateNorm : 0))),
          M: Math.max(...records.map((r) => r.stateNorm)),
          doubleErrors: result.numericalErrors,
          compressedErrors: fixedPointErrors,
        })
      : undefined;
  return {
    config: { representation: request.spec, label: type === 'float64' ? specLabel(request.spec) : `${specLabel(request.spec)}, float32 state`, problem: request.problem, type },
    steps: thin(steps, request.maxRecorded),
    summary: { ...summary, codecMsPerStep: probe.ms / Math.max(1, records.length - 1) },
    ...(extraIterations && { extraIterations }),
  };
}

export function runReference(request: ReferenceRequest, onProgress?: (done: number, total: number) => void, onStep?: (step: RunStep) => void): ReferenceCurve {
  const problem = createProblem(request.problem, request.params);
  const arithmetic = resolveReference(request.reference, problem.shape.reduce((a, b) => a * b, 1));
  const reference: ReferenceSpec = arithmetic === 'decimal' ? { arithmetic, ...(request.digits !== undefined && { precision: request.digits }) } : { arithmetic };
  const result = run(problem, { representations: [float64Kind], reference, type: request.stateType ?? 'float64', ...(onProgress && { onProgress }), ...(onStep && { onStep }) });
  return { arithmetic, roundoff: result.tracks[0]!.steps.map((s) => s.roundoffError!) };
}

/** Steps `zfpwb validate --json` records at most: beyond it, the smallest and largest error per window (the summary uses every step). */
export const VALIDATE_RECORDED = 10_001;

/** What `zfpwb validate --json` prints (and the web lab downloads): the runs, and the reference's arithmetic when one ran. */
export interface ValidateResults {
  readonly reference?: ReferenceArithmeticName;
  readonly runs: RunRecord[];
}

export function validateResults(runs: RunRecord[], reference: ReferenceArithmeticName | null): ValidateResults {
  return { ...(reference && { reference }), runs };
}

/** The reference's round-off joins a run's steps by k. */
export function withRoundoff(run: RunRecord, roundoff: readonly number[]): RunRecord {
  return { ...run, steps: run.steps.map((s) => ({ ...s, roundoffError: roundoff[s.k] ?? null })) };
}
