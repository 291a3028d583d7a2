/** A user problem's runs as a results object (`experiment: "custom"`), which the HTML report and `zfpwb report` read like a built-in's. */
import type { ProblemName } from '../../solvers/problem.ts';
import type { RepresentationSpec } from '../results/representation-spec.ts';
import type { ExperimentResult, RunRecord } from '../results/schema.ts';
import { runSimulation } from './simulation-run.ts';

/** Steps kept in the JSON per configuration (the summary uses every step). */
export const CUSTOM_RECORDED = 2001;

/** The configurations `experiment custom` runs without `--mode/--param`. */
export const CUSTOM_SWEEP: readonly RepresentationSpec[] = [16, 20, 24, 32].map((precision) => ({ mode: 'precision', precision }));

export function customResult(problem: string, runs: RunRecord[], elapsedMs: number): ExperimentResult {
  return {
    experiment: 'custom',
    title: `Your problem: ${problem.replace(/^user:/, '')}`,
    description: `Inline ZFP error of ${problem} against the bound of ${runs[0]?.summary.theorem ?? 'its theorem'}, per configuration.`,
    params: { solver: problem },
    runs,
    elapsedMs,
  };
}

/** Runs each configuration on this thread (a user problem lives in this thread's registry). */
export function runCustomExperiment(problem: ProblemName, specs: readonly RepresentationSpec[], onProgress?: (done: number, total: number) => void): ExperimentResult {
  const started = performance.now();
  const runs = specs.map((spec, i) => {
    const record = runSimulation({ problem, params: {}, spec, maxRecorded: CUSTOM_RECORDED });
    onProgress?.(i + 1, specs.length);
    return record;
  });
  return customResult(problem, runs, performance.now() - started);
}
