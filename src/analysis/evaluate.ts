/** A finished inline track, measured against its theorem: bounds per step and the run's summary. */
import type { StateType } from '../../solvers/problem.ts';
import type { StepRecord } from '../../solvers/runner.ts';
import { chooseBeta, largestAbsoluteBound, SCALAR_FACTS } from '../../theorems/index.ts';
import type { BoundModel, Posterior } from './bound-model.ts';
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

/** The theorems' inputs, j = 0..steps−1: norms and both local-error sequences (null without a ZFP bound). */
interface TheoremInputs {
  readonly norms: Float64Array;
  readonly measured: Float64Array;
  readonly worstCase: Float64Array;
  /** ρ_j: how far the two runs' computed step j can differ by rounding alone. */
  readonly rounding: Float64Array;
}

/**
 * The theorems' inputs. The rounding ρ_j of step j in the two runs enters the error one step after the
 * storage error δ_j, so it is carried as part of the next step's local error (and the last step's ρ
 * is added to the bound itself, in withStepRounding): the bounds then hold for the computed runs,
 * not only for exact steps, which matters where δ_j is itself near round-off.
 */
function theoremInputs({ spec, d, records, blockSweep, stepGain, type }: TrackInput): TheoremInputs | null {
  const steps = records.length - 1;
  const norms = new Float64Array(steps);
  const measured = new Float64Array(steps);
  const worstCase = new Float64Array(steps);
  const rounding = new Float64Array(steps);
  const toState = stateRounding(type);
  for (let j = 0; j < steps; j++) {
    const r = blockSweep ? records[j + 1]! : records[j]!;
    norms[j] = blockSweep ? r.maxBlockNorm! : r.stateNorm;
    const bound = localErrorBound(spec, d, r, norms[j]!, type);
    if (bound === null) return null;
    // Block sweeps round each block as it is updated, in both runs: Theorem 3.16 charges a block's local error λ ≥ 1 times, so both go in that sweep's (a block's rounded value is its value after the sweep).
    const carried = blockSweep ? toState * (norms[j]! + r.solutionNorm) : j > 0 ? rounding[j - 1]! : 0;
    worstCase[j] = bound + carried;
    measured[j] = r.localError + carried;
    if (!blockSweep) {
      const next = records[j + 1]!;
      rounding[j] = (stepGain === null ? 0 : STEP_ROUNDING * stepGain * (r.stateNorm + r.localError + r.solutionNorm)) + toState * (next.stateNorm + next.solutionNorm);
    }
  }
  return { norms, measured, worstCase, rounding };
}

/** The bound at step k ≥ 1 plus the rounding of step k − 1, which no power of A has acted on yet. */
function withStepRounding(posterior: Posterior, rounding: Float64Array): Posterior {
  const shifted = (values: Float64Array): Float64Array => values.map((v, k) => (k > 0 && k <= rounding.length ? v + rounding[k - 1]! : v));
  return { ...posterior, bound: shifted(posterior.bound), ...(posterior.fixedPointBound && { fixedPointBound: shifted(posterior.fixedPointBound) }) };
}

export interface Evaluated {
  readonly steps: StepResult[];
  readonly summary: RunSummary;
}

export function evaluateTrack(input: TrackInput): Evaluated {
  const { records, model, certify } = input;
  const inputs = model ? theoremInputs(input) : null;
  const data = inputs && model ? withStepRounding(model.posterior(inputs.measured), inputs.rounding) : null;
  const any = inputs && model ? withStepRounding(model.posterior(inputs.worstCase), inputs.rounding) : null;
  const posterior = certify === 'data' ? data : any;
  const steps: StepResult[] = records.map((r, k) => ({
    k: r.k,
    zfpError: r.zfpError,
    bound: posterior ? posterior.bound[k]! : null,
    dataBound: data ? data.bound[k]! : null,
    anyBound: any ? any.bound[k]! : null,
    localError: r.localError,
    solutionNorm: r.solutionNorm,
    numericalError: r.numericalError,
    roundoffError: r.roundoffError,
    ratio: r.ratio,
    minPlanes: r.minPlanes,
    maxPlanes: r.maxPlanes,
    stateNorm: input.blockSweep ? (r.maxBlockNorm ?? 0) : r.stateNorm,
    ...(posterior?.boundConstantC && { boundConstantC: posterior.boundConstantC[k]! }),
    ...(posterior?.boundLipschitz && { boundLipschitz: posterior.boundLipschitz[k]! }),
    ...(input.fixedPointErrors && { fixedPointError: input.fixedPointErrors[k]! }),
    ...(posterior?.fixedPointBound && { fixedPointBound: posterior.fixedPointBound[k]! }),
  }));
  return { steps, summary: summarize(steps, input, inputs) };
}

function violates(s: StepResult): boolean {
  if (s.bound !== null && !(s.zfpError <= s.bound)) return true;
  return s.fixedPointBound !== undefined && !(s.fixedPointError! <= s.fixedPointBound);
}

/** Why a run without an exact solution has no β_min, and what to do instead. */
export const NO_EXACT_REASON = 'no exact solution, so no numerical error for ε to aim at; give the problem an exact solution, or choose for an ε of your own (zfpwb choose --tol ε)';

function betaMin(input: TrackInput, epsilon: number, norms: Float64Array | null, steps: number): BetaMin {
  const { model } = input;
  if (!model || !norms) return { kind: 'not-applicable', epsilon, lemma: '—', reason: 'no ZFP bound for this representation' };
  const M = Math.max(0, ...norms);
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

function summarize(steps: readonly StepResult[], input: TrackInput, inputs: { norms: Float64Array } | null): RunSummary {
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
    finalNumericalError: last.numericalError,
    finalRatio: last.ratio,
    minRatio: Math.min(...steps.map((s) => s.ratio)),
    meanBitsPerValue: steps.reduce((a, s) => a + bitsOfType(input.type) / s.ratio, 0) / steps.length,
    betaMin: betaMin(input, last.numericalError, inputs?.norms ?? null, steps.length - 1),
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
