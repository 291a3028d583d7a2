/**
 * The cheapest ZFP setting the lemmas allow for an error target ε, then a confirming run. Precision:
 * Lemma 3.5/3.14/Theorem 3.16's β_min. Accuracy: the largest tolerance 2^e whose per-step bound
 * meets ε. Rate: β_min, then the smallest integer rate whose run keeps β_min complete planes in
 * every block. SZ-style absolute bound: the a-priori forms are linear in e (docs/theory.md §10), so
 * the largest e is ε over the lemma's error at e = 1.
 */
import { float64Kind } from '../array/ieee.ts';
import { maxDistance } from '../../solvers/grid.ts';
import type { ProblemName } from '../../solvers/problem.ts';
import { run } from '../../solvers/runner.ts';
import { chooseBeta, largestAbsoluteBound, ZFP_MIN_EXP } from '../../theorems/index.ts';
import type { RepresentationSpec, ZfpMode } from '../results/representation-spec.ts';

/** What choose can pick: a ZFP mode's parameter or the SZ-style absolute bound. */
export type ChooseMode = ZfpMode | 'sz-abs';
import type { RunRecord } from '../results/schema.ts';
import { boundModel, type BoundModel, type Horizon } from './bound-model.ts';
import { stepK } from './local-error.ts';
import { createProblem, type SolverParams } from './problem-setup.ts';
import { runSimulation } from './simulation-run.ts';

export interface ChooseRequest {
  readonly problem: ProblemName;
  readonly params: SolverParams;
  readonly mode: ChooseMode;
  /** Largest error inline compression may add (max norm). */
  readonly epsilon: number;
  /** Steps the a-priori lemma covers: default the run's; a longer one recomputes ‖Aⁿ‖∞, 'unbounded' uses the Kreiss bound. */
  readonly horizon?: Horizon;
}

/** What the a-priori lemmas need, from the uncompressed run. */
interface Prior {
  readonly model: BoundModel;
  readonly d: number;
  /** max ‖u_k‖∞ of the double run (for block sweeps: the largest block): the lemmas' M. */
  readonly M: number;
  readonly steps: number;
}

function prior({ problem: name, params, horizon }: ChooseRequest): Prior {
  const problem = createProblem(name, params);
  // A numeric horizon is run in full, so that M and ‖Aⁿ‖∞ both cover it.
  const result = run(problem, { representations: [float64Kind], ...(typeof horizon === 'number' && { steps: horizon }) });
  const records = result.tracks[0]!.steps;
  const initial = new Float64Array(problem.shape.reduce((a, b) => a * b, 1));
  const fixedPoint = initial.slice();
  problem.initial(initial);
  problem.exact(0, fixedPoint);
  const M = Math.max(...records.map((r) => (problem.blocks ? (r.maxBlockNorm ?? 0) : r.stateNorm)));
  const model = boundModel({ problem, params, steps: result.steps, initialError: maxDistance(initial, fixedPoint), ...(horizon !== undefined && { horizon }) });
  return { model, d: problem.blocks ? 1 : problem.shape.length, M, steps: result.steps };
}

/** A setting and the reason for it (with its run when finding it took trial runs), or why there is none. */
type Candidate = { readonly spec: RepresentationSpec; readonly why: string; readonly record?: RunRecord } | { readonly infeasible: string };

function chooseBetaMin(epsilon: number, p: Prior): { beta: number; predicted: number } | { infeasible: string } {
  const c = chooseBeta({ epsilon, d: p.d, type: 'float64', predict: (K) => p.model.prior(K, p.M, p.steps) });
  if (c.kind === 'feasible') return c;
  return {
    infeasible: `infeasible: no β ≤ 64 meets ε = ${epsilon} by ${p.model.lemma} over ${p.steps} steps with M = ${p.M.toPrecision(4)}; the smallest predicted error is ${c.predicted.toExponential(2)} (β = ${c.beta}), where K_β is limited by the conversion back to double`,
  };
}

function choosePrecision(epsilon: number, p: Prior): Candidate {
  const b = chooseBetaMin(epsilon, p);
  if ('infeasible' in b) return b;
  return { spec: { mode: 'precision', precision: b.beta }, why: `${p.model.lemma}: β_min = ${b.beta} predicts ${b.predicted.toExponential(2)} ≤ ε (M = ${p.M.toPrecision(4)}, ${p.steps} steps)` };
}

/** zfp uses minexp = floor(log2 τ): only powers of two matter, so scan τ = 2^e downward. */
function chooseAccuracy(epsilon: number, p: Prior): Candidate {
  let best = Infinity;
  for (let e = Math.ceil(Math.log2(p.M)) + 1; e >= ZFP_MIN_EXP; e--) {
    const spec: RepresentationSpec = { mode: 'accuracy', tolerance: 2 ** e };
    const predicted = p.model.prior(stepK(spec, p.d, null, p.M)!, p.M, p.steps);
    if (predicted <= epsilon) return { spec, why: `${p.model.lemma} with the per-block planes of fixed accuracy: τ = 2^${e} predicts ${predicted.toExponential(2)} ≤ ε` };
    best = Math.min(best, predicted);
  }
  return { infeasible: `infeasible: no tolerance meets ε = ${epsilon}; the smallest predicted error is ${best.toExponential(2)}` };
}

/** K·M = e in every lemma, and each is linear in K·M: e = ε / (its error at K = M = 1). */
function chooseAbsoluteBound(epsilon: number, p: Prior): Candidate {
  const perUnit = p.model.prior(1, 1, p.steps);
  const e = largestAbsoluteBound(epsilon, perUnit);
  if (!Number.isFinite(e)) return { infeasible: `infeasible: ${p.model.lemma} predicts no error at all over ${p.steps} steps, so it gives no largest bound` };
  return { spec: { mode: 'sz-abs', tolerance: e }, why: `${p.model.lemma} with absolute storage error (theory §10): e = ε / ${perUnit.toPrecision(4)} = ${e.toExponential(3)}` };
}

function minPlanesOf(record: RunRecord): number {
  return Math.min(...record.steps.map((s) => s.minPlanes ?? 0));
}

/** Bisects the integer rates 1..64 for the smallest whose every block keeps β_min planes (trial runs). */
function chooseRate(epsilon: number, p: Prior, trial: (spec: RepresentationSpec) => RunRecord): Candidate {
  const b = chooseBetaMin(epsilon, p);
  if ('infeasible' in b) return b;
  let lo = 1;
  let hi = 64;
  let found: RunRecord | null = null;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const record = trial({ mode: 'rate', rate: mid });
    if (minPlanesOf(record) >= b.beta) {
      found = record;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  if (!found) return { infeasible: `infeasible: β_min = ${b.beta} planes, but even rate 64 leaves some block with fewer complete planes` };
  return { spec: found.config.representation, why: `${p.model.lemma}: β_min = ${b.beta}; rate ${(found.config.representation as { rate: number }).rate} is the smallest integer rate keeping ≥ ${b.beta} complete planes in every block`, record: found };
}

/** The chosen setting with its confirming run, or why no setting meets ε. */
export type Choice =
  | {
      readonly kind: 'chosen';
      readonly spec: RepresentationSpec;
      readonly why: string;
      readonly confirm: RunRecord;
      /** The confirming run stayed within ε and under its bound at every step. */
      readonly confirmed: boolean;
    }
  | { readonly kind: 'infeasible'; readonly reason: string };

export interface ChooseResult {
  /** Steps the problem takes (fixed-point runs may stop early). */
  readonly steps: number;
  readonly choice: Choice;
}

export function chooseSetting(request: ChooseRequest): ChooseResult {
  const { problem, params, mode, epsilon } = request;
  const p = prior(request);
  const trial = (spec: RepresentationSpec) => runSimulation({ problem, params, spec, maxRecorded: Infinity, ...(request.horizon !== undefined && { horizon: request.horizon }) });
  const picked =
    mode === 'precision' ? choosePrecision(epsilon, p) : mode === 'accuracy' ? chooseAccuracy(epsilon, p) : mode === 'sz-abs' ? chooseAbsoluteBound(epsilon, p) : chooseRate(epsilon, p, trial);
  if ('infeasible' in picked) return { steps: p.steps, choice: { kind: 'infeasible', reason: picked.infeasible } };
  const confirm = picked.record ?? trial(picked.spec);
  const confirmed = confirm.summary.maxZfpError <= epsilon && confirm.summary.boundHeld;
  return { steps: p.steps, choice: { kind: 'chosen', spec: picked.spec, why: picked.why, confirm, confirmed } };
}
