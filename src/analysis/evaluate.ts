/** A finished inline track, measured against its theorem: bounds per step and the run's summary. */
import type { StateType } from '../../solvers/problem.ts';
import type { StepRecord } from '../../solvers/runner.ts';
import { chooseBeta, largestAbsoluteBound, SCALAR_FACTS } from '../../theorems/index.ts';
import type { BoundModel, PosteriorStep, PosteriorSteps } from './bound-model.ts';
import type { RepresentationSpec } from '../results/representation-spec.ts';
import { localErrorBound } from './local-error.ts';
import type { BetaMin, Certify, RunSummary, StepResult } from '../results/schema.ts';

export interface TrackInput {
  readonly spec: RepresentationSpec;
  /** ZFP block dimension. */
  readonly d: number;
  readonly model: BoundModel | null;
  readonly records: readonly StepRecord[];
  /** Block sweeps compress inside a step: step k's bound uses that step's block norms (Theorem 3.16). */
  readonly blockSweep: boolean;
  /** ‖x̃_k − x*‖ per k for fixed-point problems. */
  readonly fixedPointErrors?: ArrayLike<number>;
  /** Where the plain run ended: past the records when the track stopped stalled. */
  readonly plainRun: PlainRunEnd;
  /** The bound the verdict rests on. */
  readonly certify: Certify;
  /**
   * ‖|A|‖∞ of a linear step, which scales its floating-point rounding; null leaves the step's own
   * rounding out of the bounds (nonlinear steps, block sweeps).
   */
  readonly stepGain: number | null;
  /** The state's type: float32 runs (plain and inline) round every step's result to float32. */
  readonly type: StateType;
}

/**
 * γ₃₂ = 32u/(1 − 32u), u = 2^-53: a step's value is a sum of at most 32 rounded double products, so
 * each run's computed step is within γ₃₂·(|A||x|)ᵢ of the exact one, and the two runs' within
 * γ₃₂‖|A|‖(‖x̃‖ + ‖x‖).
 */
const STEP_ROUNDING = (32 * 2 ** -53) / (1 - 32 * 2 ** -53);

/**
 * What rounding a step's result y to the state type costs, per unit of the rounded result's norm:
 * |fl(y) − y| ≤ u|y| and |y| ≤ |fl(y)|/(1 − u), so u/(1 − u) (zero for float64, whose step result
 * is not rounded again). Both runs round, each by at most this times its own new norm (docs/theory.md §1,
 * "float32 states").
 */
function stateRounding(type: StateType): number {
  if (type === 'float64') return 0;
  const u = SCALAR_FACTS[type].unitRoundoff;
  return u / (1 - u);
}

/** Bits a value of the state type takes uncompressed: a record's ratio is against it. */
export function bitsOfType(type: StateType): number {
  return type === 'float64' ? 64 : 32;
}

/** What a track's bounds need besides its records. */
export type BoundsInput = Omit<TrackInput, 'records' | 'fixedPointErrors' | 'plainRun'>;

/** The plain run's last iteration and its numerical error there: past the track's last record when the track stopped stalled. */
export interface PlainRunEnd {
  readonly steps: number;
  readonly numericalError: number;
}

/** The bounds at one step, as a StepResult carries them. */
export type StepBounds = Pick<StepResult, 'bound' | 'dataBound' | 'anyBound' | 'boundConstantC' | 'boundLipschitz' | 'fixedPointBound'>;

const NO_BOUNDS: StepBounds = { bound: null, dataBound: null, anyBound: null };

/**
 * A track's bounds as its records arrive: every theorem is causal (step k's bound needs records
 * 0..k), so a run can be bounded while it runs, as the web lab draws it, at the cost of bounding the
 * finished run; evaluateTrack reads the same bounds.
 *
 * The theorems' inputs per step j: the norm, the measured and the worst-case local error. The rounding
 * ρ_j of step j in the two runs enters the error one step after the storage error δ_j, so it is carried
 * as part of the next step's local error (and the latest step's ρ is added to the bound itself, which
 * no power of A has acted on yet): the bounds then hold for the computed runs, not only for exact
 * steps, which matters where δ_j is itself near round-off.
 */
export class TrackBounds {
  /** Per record added, in order. */
  readonly steps: StepBounds[] = [];
  /** max_j of the norms the theorems took (block sweeps: the largest block's), for β_min. */
  largestNorm = 0;
  private data: PosteriorSteps | null;
  private any: PosteriorSteps | null;
  private previous: StepRecord | null = null;
  /** ρ of the latest step. */
  private rounding = 0;
  private readonly toState: number;

  constructor(readonly input: BoundsInput) {
    this.data = input.model?.posterior() ?? null;
    this.any = input.model?.posterior() ?? null;
    this.toState = stateRounding(input.type);
  }

  /** False once a step had no local-error bound (IEEE rounding): then the track has no bound at all. */
  get bounded(): boolean {
    return this.data !== null;
  }

  /** Takes step k's record (k = 0, 1, … in order) and returns step k's bounds. */
  add(record: StepRecord): StepBounds {
    const step = this.previous === null ? this.first() : this.next(this.previous, record);
    this.previous = record;
    this.steps.push(step);
    return step;
  }

  private first(): StepBounds {
    return this.data && this.any ? this.certified(this.data.first, this.any.first) : NO_BOUNDS;
  }

  /** Step j + 1 from records j (`r0`) and j + 1 (`r1`). */
  private next(r0: StepRecord, r1: StepRecord): StepBounds {
    if (!this.data || !this.any) return NO_BOUNDS;
    const { spec, d, blockSweep, stepGain, type } = this.input;
    const r = blockSweep ? r1 : r0;
    const norm = blockSweep ? r.maxBlockNorm! : r.stateNorm;
    const bound = localErrorBound(spec, d, r, norm, type);
    if (bound === null) {
      this.data = this.any = null;
      return NO_BOUNDS;
    }
    this.largestNorm = Math.max(this.largestNorm, norm);
    // Block sweeps round each block as it is updated, in both runs: Theorem 3.16 charges a block's local error λ ≥ 1 times, so both go in that sweep's (a block's rounded value is its value after the sweep).
    const carried = blockSweep ? this.toState * (norm + r.solutionNorm) : this.rounding;
    this.rounding = blockSweep ? 0 : (stepGain === null ? 0 : STEP_ROUNDING * stepGain * (r.stateNorm + r.localError + r.solutionNorm)) + this.toState * (r1.stateNorm + r1.solutionNorm);
    return this.certified(this.withRounding(this.data.next(r.localError + carried)), this.withRounding(this.any.next(bound + carried)));
  }

  private withRounding(p: PosteriorStep): PosteriorStep {
    return { ...p, bound: p.bound + this.rounding, ...(p.fixedPointBound !== undefined && { fixedPointBound: p.fixedPointBound + this.rounding }) };
  }

  private certified(data: PosteriorStep, any: PosteriorStep): StepBounds {
    const p = this.input.certify === 'data' ? data : any;
    return {
      bound: p.bound,
      dataBound: data.bound,
      anyBound: any.bound,
      ...(p.boundConstantC !== undefined && { boundConstantC: p.boundConstantC }),
      ...(p.boundLipschitz !== undefined && { boundLipschitz: p.boundLipschitz }),
      ...(p.fixedPointBound !== undefined && { fixedPointBound: p.fixedPointBound }),
    };
  }
}

/** A track's bounds once it has finished. */
function boundsOf(input: TrackInput): TrackBounds {
  const bounds = new TrackBounds(input);
  for (const r of input.records) bounds.add(r);
  return bounds;
}

export interface Evaluated {
  readonly steps: StepResult[];
  readonly summary: RunSummary;
}

/** `bounds`: the same track's, already fed every record as the run made them (default: bounded now). */
export function evaluateTrack(input: TrackInput, bounds: TrackBounds = boundsOf(input)): Evaluated {
  const { records } = input;
  if (bounds.steps.length !== records.length) throw new RangeError(`the bounds cover ${bounds.steps.length} steps of a track of ${records.length}`);
  const steps: StepResult[] = records.map((r, k) => {
    const { bound, dataBound, anyBound, boundConstantC, boundLipschitz, fixedPointBound } = bounds.bounded ? bounds.steps[k]! : NO_BOUNDS;
    return {
      k: r.k,
      zfpError: r.zfpError,
      bound,
      dataBound,
      anyBound,
      localError: r.localError,
      solutionNorm: r.solutionNorm,
      numericalError: r.numericalError,
      roundoffError: r.roundoffError,
      ratio: r.ratio,
      minPlanes: r.minPlanes,
      maxPlanes: r.maxPlanes,
      stateNorm: input.blockSweep ? (r.maxBlockNorm ?? 0) : r.stateNorm,
      ...(boundConstantC !== undefined && { boundConstantC }),
      ...(boundLipschitz !== undefined && { boundLipschitz }),
      ...(input.fixedPointErrors && { fixedPointError: input.fixedPointErrors[k]! }),
      ...(fixedPointBound !== undefined && { fixedPointBound }),
    };
  });
  return { steps, summary: summarize(steps, input, bounds.bounded ? bounds.largestNorm : null) };
}

function violates(s: StepResult): boolean {
  if (s.bound !== null && !(s.zfpError <= s.bound)) return true;
  return s.fixedPointBound !== undefined && !(s.fixedPointError! <= s.fixedPointBound);
}

/** Why a run without an exact solution has no β_min, and what to do instead. */
export const NO_EXACT_REASON = 'no exact solution, so no numerical error for ε to aim at; give the problem an exact solution, or choose for an ε of your own (zfpwb choose --tol ε)';

function betaMin(input: TrackInput, epsilon: number, largestNorm: number | null, steps: number): BetaMin {
  const { model } = input;
  if (!model || largestNorm === null) return { kind: 'not-applicable', epsilon, lemma: '—', reason: 'no ZFP bound for this representation' };
  const M = largestNorm;
  // β_min aims ZFP's error at the numerical error, which only an exact solution measures.
  if (Number.isNaN(epsilon)) return { kind: 'not-applicable', epsilon, lemma: model.lemma, reason: NO_EXACT_REASON };
  if (!(epsilon > 0)) return { kind: 'not-applicable', epsilon, lemma: model.lemma, reason: 'the numerical error is zero' };
  if (input.spec.mode === 'sz-abs' || input.spec.mode === 'sz-rel') {
    // The lemmas are linear in K·M, which is e for an absolute bound (docs/theory.md §10): no β to pick, but a largest e.
    const perUnit = model.prior(1, 1, steps);
    if (!(perUnit > 0)) return { kind: 'not-applicable', epsilon, lemma: model.lemma, reason: `${model.lemma} predicts no error over ${steps} steps` };
    return { kind: 'largest-e', epsilon, lemma: model.lemma, tolerance: largestAbsoluteBound(epsilon, perUnit) };
  }
  const choice = chooseBeta({ epsilon, d: input.d, type: input.type, predict: (K) => model.prior(K, M, steps) });
  return { kind: choice.kind, epsilon, lemma: model.lemma, beta: choice.beta, predicted: choice.predicted };
}

function summarize(steps: readonly StepResult[], input: TrackInput, largestNorm: number | null): RunSummary {
  const last = steps[steps.length - 1]!;
  const violation = steps.find(violates);
  const exceeds = steps.find((s) => s.zfpError > s.numericalError);
  const largest = (pick: (s: StepResult) => number | null): number | null => {
    const values = steps.map(pick).filter((b): b is number => b !== null);
    return values.length > 0 ? Math.max(...values) : null;
  };
  return {
    theorem: input.model?.theorem ?? null,
    normHandling: input.model?.normHandling ?? null,
    ...(input.model?.kreissPowerBound !== undefined && { kreissPowerBound: input.model.kreissPowerBound }),
    boundHeld: violation === undefined,
    certify: input.certify,
    firstViolation: violation?.k ?? null,
    zfpExceedsNumericalAt: exceeds?.k ?? null,
    zfpErrorReachesSolutionAt: steps.find((s) => s.zfpError > 0 && s.zfpError >= s.solutionNorm)?.k ?? null,
    maxZfpError: Math.max(...steps.map((s) => s.zfpError)),
    maxBound: largest((s) => s.bound),
    maxDataBound: largest((s) => s.dataBound),
    maxAnyBound: largest((s) => s.anyBound),
    finalNumericalError: input.plainRun.numericalError,
    finalRatio: last.ratio,
    minRatio: Math.min(...steps.map((s) => s.ratio)),
    meanBitsPerValue: steps.reduce((a, s) => a + bitsOfType(input.type) / s.ratio, 0) / steps.length,
    betaMin: betaMin(input, input.plainRun.numericalError, largestNorm, input.plainRun.steps),
    ...(last.k < input.plainRun.steps && { stalledAt: last.k }),
  };
}

/**
 * At most `max` (≥ 3) steps for the JSON (summaries use all steps): all of them when they fit, else
 * per window of consecutive steps the ones with the smallest and the largest ZFP error, so the
 * thinned curve keeps its envelope; and always the last step.
 */
export function thin<T extends { k: number; zfpError: number }>(steps: readonly T[], max: number): T[] {
  if (steps.length <= max) return [...steps];
  const window = Math.ceil((steps.length - 1) / Math.floor((max - 1) / 2));
  const kept: T[] = [];
  for (let start = 0; start < steps.length - 1; start += window) {
    let low = start, high = start;
    for (let i = start + 1; i < Math.min(start + window, steps.length - 1); i++) {
      if (steps[i]!.zfpError < steps[low]!.zfpError) low = i;
      if (steps[i]!.zfpError > steps[high]!.zfpError) high = i;
    }
    kept.push(steps[Math.min(low, high)]!);
    if (low !== high) kept.push(steps[Math.max(low, high)]!);
  }
  kept.push(steps[steps.length - 1]!);
  return kept;
}
