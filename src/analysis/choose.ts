/**
 * The cheapest ZFP setting a run certifies for an error target ε. The a-priori lemma gives a start
 * (Lemma 3.5/3.14/Theorem 3.16's β_min; for accuracy the largest τ = 2^e its per-step bound allows;
 * for rate the smallest rate keeping β_min complete planes in every block), then bisection with
 * trial runs over the mode's ladder (β, integer bits/value, τ = 2^e, or the SZ-style absolute
 * bound e = 2^k, whose lemma is linear in e: docs/theory.md §10, or its range-relative ε = 2^-k)
 * finds the smallest setting whose run's bound stays ≤ ε at every step, and the smallest whose
 * measured error does. chooseAcrossFamilies does it in every mode and names the cheaper family.
 */
import { float64Kind } from '../array/ieee.ts';
import { ZfpParameterError } from '../zfp/index.ts';
import { maxDistance } from '../../solvers/grid.ts';
import type { ProblemName, StateType } from '../../solvers/problem.ts';
import { run } from '../../solvers/runner.ts';
import { chooseBeta, largestAbsoluteBound, maxBeta, ZFP_MIN_EXP } from '../../theorems/index.ts';
import { familyOf, type Family, type RepresentationSpec, type SzMode, type ZfpMode } from '../results/representation-spec.ts';
import type { Certify, RunRecord } from '../results/schema.ts';
import { certifies } from '../results/summary.ts';
import { boundModel, type BoundModel, type Horizon } from './bound-model.ts';
import { stepK } from './local-error.ts';
import { createProblem, type SolverParams } from './problem-setup.ts';
import { runSimulation } from './simulation-run.ts';

/** What choose can pick: a ZFP mode's parameter or an SZ-style bound. */
export type ChooseMode = ZfpMode | SzMode;

/** Every mode, in the order `choose --mode all` tries them. */
export const CHOOSE_MODES: readonly ChooseMode[] = ['precision', 'rate', 'accuracy', 'sz-abs', 'sz-rel'];

export interface ChooseRequest {
  readonly problem: ProblemName;
  readonly params: SolverParams;
  readonly mode: ChooseMode;
  /** Largest error inline compression may add (max norm). */
  readonly epsilon: number;
  /** Steps the a-priori lemma covers: default the run's; a longer one recomputes ‖Aⁿ‖∞, 'unbounded' uses the Kreiss bound. */
  readonly horizon?: Horizon;
  /** The bound a setting is certified by: 'data' (default), the run's own local errors; 'any', the K bounds. */
  readonly certify?: Certify;
  /** The simulation state's type (default float64): float32 runs in float32 with a float32 ZFP array. */
  readonly stateType?: StateType;
}

/** What the a-priori lemmas need, from the uncompressed run. */
interface Prior {
  readonly model: BoundModel;
  readonly type: StateType;
  readonly d: number;
  /** max ‖u_k‖∞ of the double run (for block sweeps: the largest block): the lemmas' M. */
  readonly M: number;
  readonly steps: number;
}

function prior({ problem: name, params, horizon, stateType: type = 'float64' }: ChooseRequest): Prior {
  const problem = createProblem(name, params);
  // A numeric horizon is run in full, so that M and ‖Aⁿ‖∞ both cover it.
  const result = run(problem, { representations: [float64Kind], type, ...(typeof horizon === 'number' && { steps: horizon }) });
  const records = result.tracks[0]!.steps;
  const initial = new Float64Array(problem.shape.reduce((a, b) => a * b, 1));
  const fixedPoint = initial.slice();
  problem.initial(initial);
  problem.exact(0, fixedPoint);
  const M = Math.max(...records.map((r) => (problem.blocks ? (r.maxBlockNorm ?? 0) : r.stateNorm)));
  const model = boundModel({ problem, params, steps: result.steps, initialError: maxDistance(initial, fixedPoint), ...(horizon !== undefined && { horizon }) });
  return { model, type, d: problem.blocks ? 1 : problem.shape.length, M, steps: result.steps };
}

/** A mode's settings from cheapest (index 0) to dearest; a step of the ladder is 1 plane, 1 bit/value or a factor 2 in τ. */
interface Ladder {
  readonly size: number;
  spec(index: number): RepresentationSpec;
}

/** Exponents an SZ-style ladder spans below 2·M: past 2^-60·M the bound is below any double's round-off. */
const SZ_LADDER_STEPS = 62;

function ladderOf(mode: ChooseMode, M: number, type: StateType): Ladder {
  switch (mode) {
    case 'precision':
      return { size: maxBeta(type), spec: (i) => ({ mode, precision: i + 1 }) };
    case 'rate':
      return { size: 64, spec: (i) => ({ mode, rate: i + 1 }) };
    case 'accuracy': {
      // zfp uses minexp = floor(log2 τ): only powers of two differ. Above 2·M every block is dropped.
      const top = Math.ceil(Math.log2(M > 0 ? M : 1)) + 1;
      return { size: top - ZFP_MIN_EXP + 1, spec: (i) => ({ mode, tolerance: 2 ** (top - i) }) };
    }
    case 'sz-abs': {
      const top = Math.ceil(Math.log2(M > 0 ? M : 1)) + 1;
      return { size: SZ_LADDER_STEPS, spec: (i) => ({ mode, tolerance: 2 ** (top - i) }) };
    }
    case 'sz-rel':
      // ε = 1/2 of the range is the coarsest bound that still tells values apart.
      return { size: SZ_LADDER_STEPS, spec: (i) => ({ mode, ratio: 2 ** -(i + 1) }) };
  }
}

/** The lemma's setting as a ladder index and the reason for it, or why it has none. */
type LemmaPick = { readonly index: number; readonly why: string } | { readonly infeasible: string };

function betaMin(epsilon: number, p: Prior): { beta: number; predicted: number } | { infeasible: string } {
  const c = chooseBeta({ epsilon, d: p.d, type: p.type, predict: (K) => p.model.prior(K, p.M, p.steps) });
  if (c.kind === 'feasible') return c;
  return {
    infeasible: `no β ≤ ${maxBeta(p.type)} meets ε = ${epsilon} by ${p.model.lemma} over ${p.steps} steps with M = ${p.M.toPrecision(4)}; the smallest predicted error is ${c.predicted.toExponential(2)} (β = ${c.beta}), where K_β is limited by the conversion back to ${p.type === 'float64' ? 'double' : 'float32'}`,
  };
}

function lemmaPrecision(epsilon: number, p: Prior): LemmaPick {
  const b = betaMin(epsilon, p);
  if ('infeasible' in b) return b;
  return { index: b.beta - 1, why: `${p.model.lemma}: β_min = ${b.beta} predicts ${b.predicted.toExponential(2)} ≤ ε (M = ${p.M.toPrecision(4)}, ${p.steps} steps)` };
}

/**
 * The ladder's first setting whose K at the largest norm M the lemma lets through: fixed accuracy
 * (per-block planes) and the range-relative bound (K = 2ε, as the range is at most 2M).
 */
function lemmaByK(epsilon: number, p: Prior, ladder: Ladder, how: string, name: (spec: RepresentationSpec) => string): LemmaPick {
  let best = Infinity;
  for (let i = 0; i < ladder.size; i++) {
    const spec = ladder.spec(i);
    const predicted = p.model.prior(stepK(spec, p.d, null, p.M, p.type)!, p.M, p.steps);
    if (predicted <= epsilon) return { index: i, why: `${p.model.lemma} with ${how}: ${name(spec)} predicts ${predicted.toExponential(2)} ≤ ε` };
    best = Math.min(best, predicted);
  }
  return { infeasible: `no setting meets ε = ${epsilon} by ${p.model.lemma}; the smallest predicted error is ${best.toExponential(2)}` };
}

/** K·M = e in every lemma, and each is linear in K·M: e = ε / (its error at K = M = 1); the ladder's first e at or below it. */
function lemmaAbsoluteBound(epsilon: number, p: Prior, ladder: Ladder): LemmaPick {
  const perUnit = p.model.prior(1, 1, p.steps);
  const e = largestAbsoluteBound(epsilon, perUnit);
  if (!Number.isFinite(e)) return { infeasible: `${p.model.lemma} predicts no error at all over ${p.steps} steps, so it gives no largest bound` };
  for (let i = 0; i < ladder.size; i++) {
    const spec = ladder.spec(i) as { tolerance: number };
    if (spec.tolerance <= e) return { index: i, why: `${p.model.lemma} with absolute storage error (docs/theory.md §10): e ≤ ε / ${perUnit.toPrecision(4)} = ${e.toExponential(3)}, so e = 2^${Math.log2(spec.tolerance)}` };
  }
  return { infeasible: `the lemma's e = ${e.toExponential(3)} lies below every bound the ladder tries` };
}

/** Fewest complete planes a block kept over the run; an all-zero state (null) is stored exactly and limits nothing. */
function minPlanesOf(record: RunRecord): number {
  return Math.min(...record.steps.map((s) => s.minPlanes ?? Infinity));
}

/** The smallest integer rate whose run keeps β_min complete planes in every block (trial runs). */
function lemmaRate(epsilon: number, p: Prior, trial: (index: number) => RunRecord): LemmaPick {
  const b = betaMin(epsilon, p);
  if ('infeasible' in b) return b;
  const keeps = (i: number) => minPlanesOf(trial(i)) >= b.beta;
  const index = smallestPassing(64, 63, keeps);
  if (index === null) return { infeasible: `β_min = ${b.beta} planes, but even rate 64 leaves some block with fewer complete planes` };
  return { index, why: `${p.model.lemma}: β_min = ${b.beta}; rate ${index + 1} is the smallest integer rate keeping ≥ ${b.beta} complete planes in every block` };
}

/**
 * The smallest index in 0..size−1 that passes, by bisection from `start` (tried first, then the
 * dearest setting), assuming passing is monotone; the answer passes and the index below it does not.
 */
function smallestPassing(size: number, start: number, passes: (index: number) => boolean): number | null {
  let hi = passes(start) ? start : start < size - 1 && passes(size - 1) ? size - 1 : null;
  if (hi === null) return null;
  let lo = hi === start ? 0 : start + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

function lemmaOf(mode: ChooseMode, epsilon: number, p: Prior, ladder: Ladder, trial: (index: number) => RunRecord): LemmaPick {
  switch (mode) {
    case 'precision':
      return lemmaPrecision(epsilon, p);
    case 'rate':
      return lemmaRate(epsilon, p, trial);
    case 'accuracy':
      return lemmaByK(epsilon, p, ladder, 'the per-block planes of fixed accuracy', (spec) => `τ = 2^${Math.log2((spec as { tolerance: number }).tolerance)}`);
    case 'sz-abs':
      return lemmaAbsoluteBound(epsilon, p, ladder);
    case 'sz-rel':
      return lemmaByK(epsilon, p, ladder, 'a range-relative bound, K = 2ε as the range is at most 2M (docs/theory.md §10)', (spec) => `ε = 2^${Math.log2((spec as { ratio: number }).ratio)}`);
  }
}

/** One setting with its run. */
export interface Setting {
  readonly spec: RepresentationSpec;
  readonly record: RunRecord;
}

export interface ChooseResult {
  /** Steps the problem takes (fixed-point runs may stop early). */
  readonly steps: number;
  readonly certify: Certify;
  readonly stateType: StateType;
  /** The lemma's a-priori setting and why, or why the lemma has none. */
  readonly lemma: (Setting & { readonly why: string }) | { readonly infeasible: string };
  /** The cheapest setting whose run's bound stays ≤ ε at every step (and held); null when none does. */
  readonly certified: Setting | null;
  /** The cheapest setting whose measured error stays ≤ ε; null when none does. */
  readonly empiricalMinimum: Setting | null;
  /** Trial runs taken. */
  readonly trials: number;
}

/** `onTrial` reports trial runs done against an estimate of the total (bisection knows no exact count). */
export function chooseSetting(request: ChooseRequest, onTrial?: (done: number, total: number) => void): ChooseResult {
  const { problem, params, mode, epsilon } = request;
  const certify = request.certify ?? 'data';
  const stateType = request.stateType ?? 'float64';
  if (stateType === 'float32' && familyOf(mode) === 'sz') throw new ZfpParameterError(`a float32 state is kept in a float32 ZFP array: choose precision, rate or accuracy, not ${mode}`);
  const p = prior(request);
  const ladder = ladderOf(mode, p.M, stateType);
  const runs = new Map<number, RunRecord>();
  const estimate = 3 * Math.ceil(Math.log2(ladder.size)) + 3;
  const trial = (index: number): RunRecord => {
    let record = runs.get(index);
    if (!record) {
      record = runSimulation({ problem, params, spec: ladder.spec(index), maxRecorded: Infinity, certify, stateType, ...(request.horizon !== undefined && { horizon: request.horizon }) });
      runs.set(index, record);
      onTrial?.(runs.size, Math.max(estimate, runs.size));
    }
    return record;
  };
  const setting = (index: number | null): Setting | null => (index === null ? null : { spec: ladder.spec(index), record: trial(index) });

  const pick = lemmaOf(mode, epsilon, p, ladder, trial);
  const start = 'index' in pick ? pick.index : ladder.size - 1;
  const certifiedIndex = smallestPassing(ladder.size, start, (i) => certifies(trial(i).summary, epsilon));
  // A certified setting's error is under its bound, so the empirical minimum is never dearer.
  const meets = (i: number) => trial(i).summary.maxZfpError <= epsilon;
  const empiricalIndex = smallestPassing(ladder.size, certifiedIndex ?? start, meets);
  return {
    steps: p.steps,
    certify,
    stateType,
    lemma: 'index' in pick ? { ...setting(pick.index)!, why: pick.why } : pick,
    certified: setting(certifiedIndex),
    empiricalMinimum: setting(empiricalIndex),
    trials: runs.size,
  };
}

/** One family's cheapest certified setting over its modes. */
export interface FamilyBest {
  readonly mode: ChooseMode;
  readonly setting: Setting;
}

export interface FamilyChoice {
  readonly epsilon: number;
  readonly certify: Certify;
  /** Each mode's own answer, in CHOOSE_MODES order. */
  readonly modes: readonly { readonly mode: ChooseMode; readonly result: ChooseResult }[];
  /** Per family the certified setting storing the fewest bits per value, or null when none of its modes certifies one. */
  readonly best: Readonly<Record<Family, FamilyBest | null>>;
  /** The family whose best stores fewer bits per value (or the only one certifying); null when neither certifies or they tie. */
  readonly winner: Family | null;
}

const bitsOf = (best: FamilyBest): number => best.setting.record.summary.meanBitsPerValue;

/**
 * "Which family, which setting": chooseSetting in every mode of both families, each family's
 * cheapest certified setting, and the winner by bits per value. `onTrial` counts the trial runs of
 * all modes against a running estimate.
 */
export function chooseAcrossFamilies(request: Omit<ChooseRequest, 'mode'>, onTrial?: (done: number, total: number) => void): FamilyChoice {
  if (request.stateType === 'float32') throw new ZfpParameterError('comparing the families needs a float64 state (the SZ-style representations store float64): with a float32 state choose one ZFP mode');
  let before = 0;
  const modes = CHOOSE_MODES.map((mode, i) => {
    const remaining = CHOOSE_MODES.length - i - 1;
    const result = chooseSetting({ ...request, mode }, onTrial && ((done, total) => onTrial(before + done, before + total + remaining * Math.max(1, total))));
    before += result.trials;
    return { mode, result };
  });
  const bestOf = (family: Family): FamilyBest | null => {
    const certified = modes.flatMap(({ mode, result }) => (familyOf(mode) === family && result.certified ? [{ mode, setting: result.certified }] : []));
    return certified.length === 0 ? null : certified.reduce((a, b) => (bitsOf(b) < bitsOf(a) ? b : a));
  };
  const best = { zfp: bestOf('zfp'), sz: bestOf('sz') };
  const winner = !best.zfp || !best.sz ? (best.zfp ? 'zfp' : best.sz ? 'sz' : null) : bitsOf(best.zfp) === bitsOf(best.sz) ? null : bitsOf(best.zfp) < bitsOf(best.sz) ? 'zfp' : 'sz';
  return { epsilon: request.epsilon, certify: request.certify ?? 'data', modes, best, winner };
}
