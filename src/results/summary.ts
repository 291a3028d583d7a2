/** A results object as a plain-text table: one row per configuration, the figures that say whether it worked. */
import type { ExperimentResult, RunRecord, RunSummary } from './schema.ts';

/** Whether a run certifies the error target ε: its bound held, and stayed ≤ ε, at every step. */
export const certifies = (summary: RunSummary, epsilon: number): boolean => summary.boundHeld && summary.maxBound !== null && summary.maxBound <= epsilon;

const e = (x: number | null): string => (x === null ? '—' : x === 0 ? '0' : x.toExponential(2));

export const SUMMARY_COLUMNS = ['problem', 'config', 'max zfpError', 'max bound', 'bound/error (data)', 'bound/error (any)', 'final numErr', 'final ratio', 'min ratio', 'ZFP < numErr', 'bound held', 'β_min (ZFP) / largest e (SZ)'] as const;

/** How far a bound sits above the error it bounds: 1 is sharp. */
const factor = (bound: number | null, error: number): string => (bound === null ? '—' : error > 0 ? (bound / error).toPrecision(3) : bound === 0 ? '1' : '∞');

function betaMinText(run: RunRecord): string {
  const b = run.summary.betaMin;
  if (b.kind === 'not-applicable') return '—';
  // SZ-style storage: the lemma's largest absolute e; a range-relative run meets it while ε·range stays below it.
  if (b.kind === 'largest-e') return run.config.representation.mode === 'sz-rel' ? `ε·range ≤ ${e(b.tolerance)}` : `e ≤ ${e(b.tolerance)}`;
  return b.kind === 'feasible' ? String(b.beta) : `none (≥ ${e(b.predicted)})`;
}

export function summaryRows(result: Pick<ExperimentResult, 'runs'>): string[][] {
  return result.runs.map((run) => {
    const s = run.summary;
    return [
      run.config.problem,
      run.config.label,
      e(s.maxZfpError),
      e(s.maxBound),
      factor(s.maxDataBound, s.maxZfpError),
      factor(s.maxAnyBound, s.maxZfpError),
      e(s.finalNumericalError),
      s.finalRatio.toFixed(2),
      s.minRatio.toFixed(2),
      s.zfpExceedsNumericalAt === null ? 'yes' : `no (k=${s.zfpExceedsNumericalAt})`,
      s.maxBound === null ? '—' : s.boundHeld ? (s.stalledAt === undefined ? 'yes' : `yes (to k=${s.stalledAt}, stalled)`) : `NO (k=${s.firstViolation})`,
      betaMinText(run),
    ];
  });
}

/** Columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

export function summaryTable(result: ExperimentResult): string {
  return formatTable(SUMMARY_COLUMNS, summaryRows(result));
}

/** Configurations whose bound failed: each is a bug in a bound or in the codec. */
export function violations(result: ExperimentResult): RunRecord[] {
  return result.runs.filter((r) => !r.summary.boundHeld);
}
