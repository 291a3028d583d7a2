/** `experiment custom`: a user problem's configurations as pool tasks, each carrying what rebuilds the problem on its worker. */
import type { UserProblemName } from '../solvers/problem.ts';
import { CUSTOM_RECORDED, customResult } from '../src/analysis/custom-experiment.ts';
import type { UserProblemSource } from '../src/analysis/user-problem-source.ts';
import type { RepresentationSpec } from '../src/results/representation-spec.ts';
import type { ExperimentResult } from '../src/results/schema.ts';
import type { TaskPool } from './pool.ts';
import { runAll } from './simulation.ts';
import type { SimulationTask } from './sweep-task.ts';

export interface CustomExperimentInput {
  readonly problem: UserProblemName;
  readonly source: UserProblemSource;
  readonly specs: readonly RepresentationSpec[];
  readonly pool: TaskPool;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runCustomExperiment({ problem, source, specs, pool, onProgress }: CustomExperimentInput): Promise<ExperimentResult> {
  const started = performance.now();
  const tasks: SimulationTask[] = specs.map((spec) => ({ type: 'simulation', problem, params: {}, spec, maxRecorded: CUSTOM_RECORDED, stopStalledTracks: true, userProblem: source }));
  const results = await runAll(pool, tasks, onProgress);
  const runs = results.flatMap((r) => (r.type === 'simulation' ? [r.run] : []));
  return customResult(problem, runs, performance.now() - started);
}
