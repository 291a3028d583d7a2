/** choose's answer as `zfpwb choose` prints it and the web page shows it: the lemma's reason, then lemma / certified / empirical minimum side by side. */
import type { ChooseResult, Setting } from './choose.ts';
import { bitsOfType } from './evaluate.ts';
import { specLabel } from '../results/representation-spec.ts';

const e = (x: number | null): string => (x === null ? '—' : x.toExponential(2));

export interface ChooseLadder {
  /** "lemma: …" — why the lemma picks its setting, or why it has none. */
  readonly lemmaLine: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly trialsLine: string;
}

export function chooseLadder(result: ChooseResult, epsilon: number): ChooseLadder {
  const row = (name: string, setting: Setting | null, note: string): string[] => {
    if (!setting) return [name, 'none', '—', '—', '—', '—', note];
    const s = setting.record.summary;
    return [name, specLabel(setting.spec), e(s.maxZfpError), e(s.maxBound), s.meanBitsPerValue.toFixed(2), (bitsOfType(result.stateType) / s.meanBitsPerValue).toFixed(2), note];
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
