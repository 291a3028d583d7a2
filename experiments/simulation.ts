/** The shape every solver experiment shares: a sweep of configurations on one problem, plus its reference run. */
import type { ProblemName, StateType } from '../solvers/problem.ts';
import { solverParams, type SolverParams } from '../src/analysis/problem-setup.ts';
import { withRoundoff, type ReferenceCurve } from '../src/analysis/simulation-run.ts';
import type { ReferenceChoice } from '../src/reference/choice.ts';
import { familyOf, type RepresentationSpec } from '../src/results/representation-spec.ts';
import type { ExperimentName, ExperimentResult, RunRecord } from '../src/results/schema.ts';
import { sweepSpecs, type Sweep } from './configs.ts';
import { compareFamilies, hasBothFamilies } from './family-comparison.ts';
import { inlinePool, type TaskPool } from './pool.ts';
import type { ReferenceTask, SimulationTask, Task, TaskResult } from './sweep-task.ts';

export interface ExperimentOptions {
  /** The small size for tests and the headline. */
  readonly quick?: boolean;
  readonly pool?: TaskPool;
  /** Called as tasks finish. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Solver experiments only: this sweep and these solver parameters instead of the size's (one validated configuration, say). */
  readonly overrides?: { readonly sweep?: Sweep; readonly params?: SolverParams };
  /** Solver experiments: the reference run's arithmetic, or none to skip it; default auto (by the field's size). */
  readonly reference?: ReferenceChoice | 'none';
  /** Solver experiments: the simulation state's type; default float64. float32 leaves out β above 32. */
  readonly stateType?: StateType;
}

export interface Experiment {
  readonly name: ExperimentName;
  readonly title: string;
  /** The paper figure it reproduces, and what it shows. */
  readonly description: string;
  run(options?: ExperimentOptions): Promise<ExperimentResult>;
}

/** What a solver experiment runs, at one size. */
export interface SimulationSize {
  readonly params: SolverParams;
  readonly sweep: Sweep;
  /** Digits of a decimal.js reference run, or null to skip the reference (too slow for long fixed-point runs). */
  readonly referenceDigits: number | null;
  /** Steps kept in the JSON per configuration. */
  readonly maxRecorded: number;
}

export interface SimulationDefaults {
  readonly full: SimulationSize;
  readonly quick: SimulationSize;
}

/** Runs tasks on the pool, reporting progress as each finishes; results keep the tasks' order. */
export async function runAll(pool: TaskPool, tasks: readonly Task[], onProgress?: (done: number, total: number) => void): Promise<TaskResult[]> {
  let done = 0;
  onProgress?.(0, tasks.length);
  return Promise.all(
    tasks.map(async (task) => {
      const result = await pool.run(task);
      onProgress?.(++done, tasks.length);
      return result;
    }),
  );
}

export interface SweepInput {
  readonly problem: ProblemName;
  readonly size: SimulationSize;
  readonly quick: boolean;
  readonly specs: readonly RepresentationSpec[];
  readonly reference: ReferenceChoice | 'none';
}

export interface SweepResult {
  readonly runs: RunRecord[];
  /** The reference's arithmetic, or null when none ran. */
  readonly reference: ReferenceCurve['arithmetic'] | null;
}

/** Sweeps one problem: its reference run and one task per configuration (a worker pool starts the costliest first). */
export async function sweepProblem(input: SweepInput, options: ExperimentOptions): Promise<SweepResult> {
  const { problem, size } = input;
  const stateType = options.stateType ?? 'float64';
  // A float32 state lives in a float32 ZFP array: its 32 planes make a larger β the same setting as β = 32,
  // and the SZ-style representations store float64 only.
  const specs = stateType === 'float32' ? input.specs.filter((spec) => familyOf(spec.mode) === 'zfp' && (spec.mode !== 'precision' || spec.precision <= 32)) : input.specs;
  const params = solverParams(problem, input.quick, size.params);
  const simulations: SimulationTask[] = specs.map((spec) => ({ type: 'simulation', problem, params, spec, maxRecorded: size.maxRecorded, stateType, stopStalledTracks: true }));
  const reference: ReferenceTask[] =
    size.referenceDigits === null || input.reference === 'none' ? [] : [{ type: 'reference', problem, params, reference: input.reference, digits: size.referenceDigits, stateType }];
  const results = await runAll(options.pool ?? inlinePool, [...reference, ...simulations], options.onProgress);
  let curve: ReferenceCurve | null = null;
  const runs: RunRecord[] = [];
  for (const result of results) {
    if (result.type === 'reference') curve = result;
    else runs.push(result.run);
  }
  return { runs: curve ? runs.map((r) => withRoundoff(r, curve.roundoff)) : runs, reference: curve?.arithmetic ?? null };
}

export interface SimulationExperimentDefinition {
  readonly name: ExperimentName & ProblemName;
  readonly title: string;
  readonly description: string;
  readonly defaults: SimulationDefaults;
}

/** A solver experiment: its problem's sweep at the chosen size, as a results object. */
export function simulationExperiment(definition: SimulationExperimentDefinition): Experiment & { readonly defaults: SimulationDefaults } {
  return {
    ...definition,
    run: async (options = {}) => {
      const started = performance.now();
      const quick = options.quick ?? false;
      const chosen = quick ? definition.defaults.quick : definition.defaults.full;
      const size = { ...chosen, params: { ...chosen.params, ...options.overrides?.params }, sweep: options.overrides?.sweep ?? chosen.sweep };
      const { runs, reference } = await sweepProblem({ problem: definition.name, size, quick, specs: sweepSpecs(size.sweep), reference: options.reference ?? 'auto' }, options);
      return {
        experiment: definition.name,
        title: definition.title,
        description: definition.description,
        params: {
          solver: definition.name,
          size: quick ? 'quick' : 'full',
          solverParams: solverParams(definition.name, quick, size.params),
          sweep: size.sweep,
          reference,
          referenceDigits: reference === 'decimal' ? size.referenceDigits : null,
          stateType: options.stateType ?? 'float64',
        },
        runs,
        ...(hasBothFamilies(runs) && { comparison: [compareFamilies(definition.name, runs)] }),
        elapsedMs: performance.now() - started,
      };
    },
  };
}
