/** Runs grouped by what they vary (β, rate, τ …), in the order a reader expects. */
import { MODE_TITLES, type SpecMode } from '../../results/representation-spec.ts';
import type { RunRecord } from '../../results/schema.ts';

export interface RunGroup {
  readonly mode: SpecMode;
  readonly title: string;
  readonly runs: RunRecord[];
}

const ORDER: readonly SpecMode[] = ['precision', 'rate', 'accuracy', 'sz-abs', 'sz-rel', 'reversible', 'ieee'];

export function groupByMode(runs: readonly RunRecord[]): RunGroup[] {
  return ORDER.map((mode) => ({ mode, title: MODE_TITLES[mode], runs: runs.filter((r) => r.config.representation.mode === mode) })).filter(
    (g) => g.runs.length > 0,
  );
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The run recorded furthest: every run of a problem carries the same double-run curves up to where it
 * stopped (a fixed-point track stops once stalled), so this one shows the most of them.
 */
export function longestRun(runs: readonly RunRecord[]): RunRecord {
  return runs.reduce((a, b) => (b.steps.at(-1)!.k > a.steps.at(-1)!.k ? b : a));
}
