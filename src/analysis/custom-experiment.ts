/** A user problem's runs as a results object (`experiment: "custom"`), which the HTML report and `zfpwb report` read like a built-in's. */
import type { RepresentationSpec } from '../results/representation-spec.ts';
import type { ExperimentResult, RunRecord } from '../results/schema.ts';

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
