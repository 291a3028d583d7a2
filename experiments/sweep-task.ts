/**
 * One unit of work of a sweep, as plain data that crosses to a worker thread: one configuration's
 * run on one problem, or the problem's reference run.
 */
import { runReference, runSimulation, type ReferenceCurve, type ReferenceRequest, type SimulationRequest } from '../src/analysis/simulation-run.ts';
import type { RunRecord } from '../src/results/schema.ts';

export interface SimulationTask extends SimulationRequest {
  readonly type: 'simulation';
}

export interface ReferenceTask extends ReferenceRequest {
  readonly type: 'reference';
}

export type Task = SimulationTask | ReferenceTask;

/** Tagged like the task it answers, so a sweep tells a run from a round-off curve without casts. */
export type TaskResult =
  | { readonly type: 'simulation'; readonly run: RunRecord }
  | ({ readonly type: 'reference' } & ReferenceCurve);

export function runTask(task: Task): TaskResult {
  return task.type === 'simulation' ? { type: 'simulation', run: runSimulation(task) } : { type: 'reference', ...runReference(task) };
}
