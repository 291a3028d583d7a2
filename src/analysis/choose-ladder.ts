/**
 * choose's answer as `zfpwb choose` prints it and the web page shows it: the lemma's reason, then
 * lemma / certified / empirical minimum side by side; with `--mode all`, each mode's certified
 * setting, each family's cheapest and the winner.
 */
import type { ChooseResult, FamilyChoice, Setting } from './choose.ts';
import { bitsOfType } from './evaluate.ts';
import { FAMILY_TITLES, specLabel } from '../results/representation-spec.ts';

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

export interface FamilyTable {
  readonly header: readonly string[];
  /** One row per mode: its certified setting, or 'none'. */
  readonly rows: readonly (readonly string[])[];
  /** Per family its cheapest certified setting, then the winner. */
  readonly lines: readonly string[];
}

/** The SZ-style representations store float64, so `--mode all` runs float64 states only. */
const FAMILY_BITS = bitsOfType('float64');

export function familyTable(choice: FamilyChoice): FamilyTable {
  const bits = (setting: Setting): number => setting.record.summary.meanBitsPerValue;
  const rows = choice.modes.map(({ mode, result }) => {
    const c = result.certified;
    if (!c) return [mode, 'none', '—', '—', '—', '—', String(result.trials)];
    const s = c.record.summary;
    return [mode, specLabel(c.spec), e(s.maxZfpError), e(s.maxBound), bits(c).toFixed(2), (FAMILY_BITS / bits(c)).toFixed(2), String(result.trials)];
  });
  const lines = (['zfp', 'sz'] as const).map((family) => {
    const best = choice.best[family];
    return `${FAMILY_TITLES[family]}: ${best ? `${specLabel(best.setting.spec)} (${best.mode}), ${bits(best.setting).toFixed(2)} bits/value` : 'no certified setting'}`;
  });
  const { zfp, sz } = choice.best;
  if (!choice.winner) lines.push(zfp && sz ? 'winner: none, both store the same bits per value' : 'winner: none, no setting is certified');
  else if (!zfp || !sz) lines.push(`winner: ${FAMILY_TITLES[choice.winner]}, the only family with a certified setting`);
  else {
    const [won, lost] = choice.winner === 'zfp' ? [zfp, sz] : [sz, zfp];
    lines.push(`winner: ${FAMILY_TITLES[choice.winner]}, ${(bits(lost.setting) - bits(won.setting)).toFixed(2)} fewer bits/value (${(bits(lost.setting) / bits(won.setting)).toPrecision(3)}× the ratio)`);
  }
  return { header: ['mode', 'certified setting', 'max error', `max bound (${choice.certify})`, 'bits/value', 'ratio', 'trial runs'], rows, lines };
}
