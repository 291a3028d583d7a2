/**
 * One unit of work of a sweep, as plain data that crosses to a worker thread: one configuration's
 * run on one problem, or the problem's reference run.
 */
import { isRegisteredProblem, registerProblem } from '../src/analysis/problem-setup.ts';
import { runReference, runSimulation, type ReferenceCurve, type ReferenceRequest, type SimulationRequest } from '../src/analysis/simulation-run.ts';
import { problemFromSource, type UserProblemSource } from '../src/analysis/user-problem-source.ts';
import type { RunRecord } from '../src/results/schema.ts';

/** A user problem lives in its thread's registry: the task carries what rebuilds it on a worker. */
interface UserProblemCarrier {
  readonly userProblem?: UserProblemSource;
}

export interface SimulationTask extends SimulationRequest, UserProblemCarrier {
  readonly type: 'simulation';
}

export interface ReferenceTask extends ReferenceRequest, UserProblemCarrier {
  readonly type: 'reference';
}

export type Task = SimulationTask | ReferenceTask;

/** Tagged like the task it answers, so a sweep tells a run from a round-off curve without casts. */
export type TaskResult =
  | { readonly type: 'simulation'; readonly run: RunRecord }
  | ({ readonly type: 'reference' } & ReferenceCurve);

export async function runTask(task: Task): Promise<TaskResult> {
  if (task.userProblem && !isRegisteredProblem(task.problem)) registerProblem(await problemFromSource(task.userProblem));
  return task.type === 'simulation' ? { type: 'simulation', run: runSimulation(task) } : { type: 'reference', ...runReference(task) };
}
