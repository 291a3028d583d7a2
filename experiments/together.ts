/**
 * Several experiments at once on one pool: the pool then orders all their tasks together (longest
 * first), so no core waits while one experiment finishes its last runs before the next may start.
 */
import type { ExperimentResult } from '../src/results/schema.ts';
import type { Experiment, ExperimentOptions } from './simulation.ts';

export interface ExperimentJob {
  readonly experiment: Experiment;
  readonly options: ExperimentOptions;
}

/** Progress of several parts as one count: part i's callback, and the sums over the parts reported so far. */
export function summedProgress(parts: number, onProgress?: (done: number, total: number) => void): (part: number) => (done: number, total: number) => void {
  const done = new Array<number>(parts).fill(0);
  const totals = new Array<number>(parts).fill(0);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  return (part) => (d, t) => {
    done[part] = d;
    totals[part] = t;
    onProgress?.(sum(done), sum(totals));
  };
}

/** Starts every job now; the results come in the jobs' order, progress counts the runs of all of them. */
export function runTogether(jobs: readonly ExperimentJob[], onProgress?: (done: number, total: number) => void): Promise<ExperimentResult>[] {
  const progressOf = summedProgress(jobs.length, onProgress);
  const results = jobs.map(({ experiment, options }, i) => experiment.run({ ...options, onProgress: progressOf(i) }));
  // A caller awaiting them in order stops at the first failure: the others' must not go unhandled.
  for (const result of results) result.catch(() => {});
  return results;
}
