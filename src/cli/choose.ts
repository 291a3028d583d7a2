/**
 * `zfpwb choose`: the cheapest ZFP setting the lemmas allow for an error target ε, then a confirming
 * run. Precision: Lemma 3.5/3.14/Theorem 3.16's β_min. Accuracy: the largest tolerance 2^e whose
 * per-step bound meets ε. Rate: β_min, then the smallest integer rate whose run keeps β_min
 * complete planes in every block.
 */
import { boundModel, type BoundModel } from '../../experiments/bound-model.ts';
import type { RepresentationSpec } from '../../experiments/configs.ts';
import { specLabel } from '../../experiments/configs.ts';
import { stepK } from '../../experiments/local-error.ts';
import { createProblem } from '../../experiments/problem-setup.ts';
import type { RunRecord } from '../../experiments/schema.ts';
import { runSimulation } from '../../experiments/task.ts';
import { maxDistance } from '../../solvers/grid.ts';
import { run } from '../../solvers/runner.ts';
import { float64Kind } from '../array/ieee.ts';
import { chooseBeta, ZFP_MIN_EXP } from '../../theorems/index.ts';
import { EXIT_FAILED_CHECK } from './errors.ts';
import { parseMode, parseNumber, solverChoice, type SolverChoice, type ZfpMode } from './solver-options.ts';

export interface ChooseOptions {
  solver: string;
  tol: string;
  mode: string;
  steps?: string;
  grid?: string;
  set?: string[];
}

/** What the a-priori lemmas need, from the uncompressed run. */
interface Prior {
  readonly model: BoundModel;
  readonly d: number;
  /** max ‖u_k‖∞ of the double run (for block sweeps: the largest block): the lemmas' M. */
  readonly M: number;
  readonly steps: number;
}

function prior({ problem: name, params }: SolverChoice): Prior {
  const problem = createProblem(name, params);
  const result = run(problem, { representations: [float64Kind] });
  const records = result.tracks[0]!.steps;
  const initial = new Float64Array(problem.shape.reduce((a, b) => a * b, 1));
  const fixedPoint = initial.slice();
  problem.initial(initial);
  problem.exact(0, fixedPoint);
  const M = Math.max(...records.map((r) => (problem.blocks ? (r.maxBlockNorm ?? 0) : r.stateNorm)));
  const model = boundModel({ problem, params, steps: result.steps, initialError: maxDistance(initial, fixedPoint) });
  return { model, d: problem.blocks ? 1 : problem.shape.length, M, steps: result.steps };
}

/** A setting and the reason for it (with its run when finding it took trial runs), or why there is none. */
type Choice = { readonly spec: RepresentationSpec; readonly why: string; readonly record?: RunRecord } | { readonly infeasible: string };

function chooseBetaMin(epsilon: number, p: Prior): { beta: number; predicted: number } | { infeasible: string } {
  const c = chooseBeta({ epsilon, d: p.d, type: 'float64', predict: (K) => p.model.prior(K, p.M, p.steps) });
  if (c.kind === 'feasible') return c;
  return {
    infeasible: `infeasible: no β ≤ 64 meets ε = ${epsilon} by ${p.model.lemma} over ${p.steps} steps with M = ${p.M.toPrecision(4)}; the smallest predicted error is ${c.predicted.toExponential(2)} (β = ${c.beta}), where K_β is limited by the conversion back to double`,
  };
}

function choosePrecision(epsilon: number, p: Prior): Choice {
  const b = chooseBetaMin(epsilon, p);
  if ('infeasible' in b) return b;
  return { spec: { mode: 'precision', precision: b.beta }, why: `${p.model.lemma}: β_min = ${b.beta} predicts ${b.predicted.toExponential(2)} ≤ ε (M = ${p.M.toPrecision(4)}, ${p.steps} steps)` };
}

/** zfp uses minexp = floor(log2 τ): only powers of two matter, so scan τ = 2^e downward. */
function chooseAccuracy(epsilon: number, p: Prior): Choice {
  let best = Infinity;
  for (let e = Math.ceil(Math.log2(p.M)) + 1; e >= ZFP_MIN_EXP; e--) {
    const spec: RepresentationSpec = { mode: 'accuracy', tolerance: 2 ** e };
    const predicted = p.model.prior(stepK(spec, p.d, null, p.M)!, p.M, p.steps);
    if (predicted <= epsilon) return { spec, why: `${p.model.lemma} with the per-block planes of fixed accuracy: τ = 2^${e} predicts ${predicted.toExponential(2)} ≤ ε` };
    best = Math.min(best, predicted);
  }
  return { infeasible: `infeasible: no tolerance meets ε = ${epsilon}; the smallest predicted error is ${best.toExponential(2)}` };
}

function minPlanesOf(record: RunRecord): number {
  return Math.min(...record.steps.map((s) => s.minPlanes ?? 0));
}

/** Bisects the integer rates 1..64 for the smallest whose every block keeps β_min planes (trial runs). */
function chooseRate(epsilon: number, p: Prior, trial: (spec: RepresentationSpec) => RunRecord): Choice {
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

/** The `choose` action; loaded by choose-command.ts only when the command runs (it brings the theorems). */
export async function choose(options: ChooseOptions): Promise<void> {
  const choice = solverChoice(options.solver, options);
  const mode: ZfpMode = parseMode(options.mode);
  const epsilon = parseNumber('--tol', options.tol, (x) => x > 0, 'a positive error target');
  const p = prior(choice);
  const trial = (spec: RepresentationSpec) => runSimulation({ type: 'simulation', ...choice, spec, maxRecorded: Infinity });
  const picked = mode === 'precision' ? choosePrecision(epsilon, p) : mode === 'accuracy' ? chooseAccuracy(epsilon, p) : chooseRate(epsilon, p, trial);
  console.log(`${choice.problem}, ${mode}, ε = ${epsilon}, ${p.steps} steps`);
  if ('infeasible' in picked) {
    console.log(picked.infeasible);
    process.exitCode = EXIT_FAILED_CHECK;
    return;
  }
  console.log(picked.why);
  const confirm = picked.record ?? trial(picked.spec);
  const s = confirm.summary;
  const held = s.maxZfpError <= epsilon;
  console.log(
    `confirming run (${specLabel(picked.spec)}): max ZFP error ${s.maxZfpError.toExponential(2)} ${held ? '≤' : '>'} ε; bound ${s.boundHeld ? 'held' : 'BROKEN'}; ` +
      `compression ratio ${s.finalRatio.toFixed(2)} final, ${s.minRatio.toFixed(2)} min (${s.meanBitsPerValue.toFixed(1)} bits/value)`,
  );
  if (!held || !s.boundHeld) process.exitCode = EXIT_FAILED_CHECK;
}
