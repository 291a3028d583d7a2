/** choose's answer as `zfpwb choose` prints it: the lemma's reason, then lemma / certified / empirical minimum side by side. */
import type { ChooseResult, Setting } from '../../../src/analysis/choose.ts';
import { specLabel } from '../../../src/results/representation-spec.ts';

const e = (x: number | null): string => (x === null ? '—' : x.toExponential(2));

export interface Ladder {
  /** "lemma: …" — why the lemma picks its setting, or why it has none. */
  readonly lemmaLine: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly trialsLine: string;
}

export function ladderOf(result: ChooseResult, epsilon: number): Ladder {
  const row = (name: string, setting: Setting | null, note: string): string[] => {
    if (!setting) return [name, 'none', '—', '—', '—', '—', note];
    const s = setting.record.summary;
    return [name, specLabel(setting.spec), e(s.maxZfpError), e(s.maxBound), s.meanBitsPerValue.toFixed(2), (64 / s.meanBitsPerValue).toFixed(2), note];
  };
  const lemma = 'infeasible' in result.lemma ? null : result.lemma;
  const empirical = result.empiricalMinimum;
  const margin = empirical ? `margin ε/error ${(epsilon / Math.max(empirical.record.summary.maxZfpError, Number.MIN_VALUE)).toPrecision(3)}` : 'no setting keeps the error ≤ ε';
  return {
    lemmaLine: 'infeasible' in result.lemma ? `lemma: infeasible: ${result.lemma.infeasible}` : `lemma: ${result.lemma.why}`,
    header: ['', 'setting', 'max ZFP error', `max bound (${result.certify})`, 'bits/value', 'ratio', ''],
    rows: [
      row('lemma', lemma, lemma ? (lemma.record.summary.maxZfpError <= epsilon ? 'error ≤ ε' : 'error > ε') : 'infeasible'),
      row('certified', result.certified, result.certified ? 'bound ≤ ε at every step; one step cheaper is not' : 'no setting has a bound ≤ ε'),
      row('empirical minimum', empirical, margin),
    ],
    trialsLine: `${result.trials} trial runs; certified by the ${result.certify === 'data' ? "run's own bound (measured local errors)" : 'K_β bound (any data with the same norms)'}`,
  };
}
