/**
 * The workbench for your own problem, from TypeScript (Node): load or define a problem, validate
 * a ZFP setting against its theorem's bound, choose the cheapest setting for an error target, and
 * write the HTML report. `zfp-workbench/api`; the CLI's `--problem` runs the same code.
 */
import { resolve } from 'node:path';
import type { StateType, UserProblemName } from '../solvers/problem.ts';
import { problemFromDefinition, type DefinedProblem } from '../solvers/user/define-problem.ts';
import { chooseAcrossFamilies as chooseEveryMode, chooseSetting, type ChooseMode, type ChooseResult, type FamilyChoice } from './analysis/choose.ts';
import type { Certify } from './results/schema.ts';
import { customResult } from './analysis/custom-experiment.ts';
import { checkOperatorFacts } from './analysis/operator-check.ts';
import { registerProblem } from './analysis/problem-setup.ts';
import { runSimulation } from './analysis/simulation-run.ts';
import { inlinePlotly } from './cli/plotly-source.ts';
import { writeResults, type WrittenFiles } from './cli/output.ts';
import type { Horizon } from './analysis/bound-model.ts';
import type { RepresentationSpec } from './results/representation-spec.ts';
import type { RunRecord } from './results/schema.ts';

export { defineProblem, type DefinedProblem, type ProblemDefinitionInput, type StatedFacts } from '../solvers/user/define-problem.ts';
export { loadProblem, type LoadOptions } from './cli/problem-loader.ts';
export type { RepresentationSpec, RunRecord, ChooseResult, FamilyChoice, StateType, UserProblemName };

/** A problem as loadProblem returns it, or a defineProblem result. */
export type ProblemInput = UserProblemName | DefinedProblem;

function registered(problem: ProblemInput): UserProblemName {
  if (typeof problem === 'string') return problem;
  const defined = problemFromDefinition(problem);
  checkOperatorFacts(defined);
  return registerProblem(defined);
}

/** What `zfpwb validate --json` prints: one run, its steps and its summary (`summary.boundHeld`, `summary.theorem`). */
export interface ValidateResult {
  readonly runs: [RunRecord];
}

export interface ValidateOptions {
  /** Steps kept in `runs[0].steps` at most (the summary uses every step); default 10 001. */
  readonly maxRecorded?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** The state's scalar type (default float64); float32 rounds the solver's state per step and keeps it in a float32 ZFP array. */
  readonly stateType?: StateType;
}

export function validate(problem: ProblemInput, config: RepresentationSpec, options: ValidateOptions = {}): ValidateResult {
  const { stateType } = options;
  const run = runSimulation({ problem: registered(problem), params: {}, spec: config, maxRecorded: options.maxRecorded ?? 10_001, ...(stateType && { stateType }) }, options.onProgress);
  return { runs: [run] };
}

export interface ChooseTarget {
  /** A ZFP mode (precision, rate, accuracy) or an SZ-style bound (sz-abs, sz-rel). */
  readonly mode: ChooseMode;
  /** Largest error inline compression may add (max norm). */
  readonly epsilon: number;
}

export interface ChooseOptions {
  readonly horizon?: Horizon;
  readonly certify?: Certify;
  /** The simulation state's type (default float64); float32 takes a ZFP mode, and not chooseAcrossFamilies. */
  readonly stateType?: StateType;
}

export function choose(problem: ProblemInput, target: ChooseTarget, options: ChooseOptions = {}): ChooseResult {
  const { horizon, certify, stateType } = options;
  return chooseSetting({ problem: registered(problem), params: {}, mode: target.mode, epsilon: target.epsilon, ...(horizon !== undefined && { horizon }), ...(certify !== undefined && { certify }), ...(stateType && { stateType }) });
}

/** "Which family, which setting": every mode of ZFP and SZ-style for ε, each family's cheapest certified setting and the winner (`zfpwb choose --mode all`). */
export function chooseAcrossFamilies(problem: ProblemInput, epsilon: number, options: ChooseOptions = {}): FamilyChoice {
  const { horizon, certify } = options;
  return chooseEveryMode({ problem: registered(problem), params: {}, epsilon, ...(horizon !== undefined && { horizon }), ...(certify !== undefined && { certify }) });
}

/** Writes `custom.json` and a self-contained `custom.html` into `dir`. */
export function writeReport(result: ValidateResult | { readonly runs: readonly RunRecord[] }, dir: string): WrittenFiles {
  const runs = [...result.runs];
  if (runs.length === 0) throw new TypeError('writeReport needs at least one run');
  return writeResults(customResult(runs[0]!.config.problem, runs, 0), resolve(dir), inlinePlotly());
}
