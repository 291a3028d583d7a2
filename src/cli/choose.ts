/** `zfpwb choose`'s action: parses the request, asks the analysis for the cheapest certified setting, prints it. */
import { chooseSetting, type ChooseResult, type Setting } from '../analysis/choose.ts';
import { bitsOfType } from '../analysis/evaluate.ts';
import type { RepresentationSpec } from '../results/representation-spec.ts';
import { specLabel } from '../results/representation-spec.ts';
import { formatTable } from '../results/summary.ts';
import { createProgressBar } from '../../solvers/progress.ts';
import { EXIT_FAILED_CHECK } from './errors.ts';
import type { ChooseMode } from '../analysis/choose.ts';
import { CliUsageError } from './errors.ts';
import { problemFileChoice, requireOneSource } from './problem-loader.ts';
import { parseCertify, parseHorizon, parseNumber, parseStateType, solverChoice, ZFP_MODES } from './solver-options.ts';
import type { StateType } from '../../solvers/problem.ts';

export interface ChooseOptions {
  solver?: string;
  problem?: string;
  initial?: string;
  tol: string;
  mode: string;
  certify: string;
  horizon?: string;
  type: string;
  steps?: string;
  grid?: string;
  set?: string[];
  json?: boolean;
}

/** The number `validate --param` takes for this setting. */
function paramOf(spec: RepresentationSpec): number {
  switch (spec.mode) {
    case 'precision':
      return spec.precision;
    case 'rate':
      return spec.rate;
    case 'accuracy':
      return spec.tolerance;
    default:
      throw new Error(`choose picks ZFP precision, rate or accuracy, not ${spec.mode}`);
  }
}

function settingJson(setting: Setting | null, type: StateType) {
  if (!setting) return null;
  const s = setting.record.summary;
  return { mode: setting.spec.mode, param: paramOf(setting.spec), maxZfpError: s.maxZfpError, maxBound: s.maxBound, maxDataBound: s.maxDataBound, maxAnyBound: s.maxAnyBound, bitsPerValue: s.meanBitsPerValue, ratio: bitsOfType(type) / s.meanBitsPerValue };
}

const e = (x: number | null): string => (x === null ? '—' : x.toExponential(2));

function printResult(result: ChooseResult, epsilon: number): void {
  if ('infeasible' in result.lemma) console.log(`lemma: infeasible: ${result.lemma.infeasible}`);
  else console.log(`lemma: ${result.lemma.why}`);
  const row = (name: string, setting: Setting | null, note: string): string[] => {
    if (!setting) return [name, 'none', '—', '—', '—', '—', note];
    const s = setting.record.summary;
    return [name, specLabel(setting.spec), e(s.maxZfpError), e(s.maxBound), s.meanBitsPerValue.toFixed(2), (bitsOfType(result.stateType) / s.meanBitsPerValue).toFixed(2), note];
  };
  const lemma = 'infeasible' in result.lemma ? null : result.lemma;
  const empirical = result.empiricalMinimum;
  const margin = empirical ? `margin ε/error ${(epsilon / Math.max(empirical.record.summary.maxZfpError, Number.MIN_VALUE)).toPrecision(3)}` : 'no setting keeps the error ≤ ε';
  console.log(
    formatTable(
      ['', 'setting', 'max ZFP error', `max bound (${result.certify})`, 'bits/value', 'ratio', ''],
      [
        row('lemma', lemma, lemma ? (lemma.record.summary.maxZfpError <= epsilon ? 'error ≤ ε' : 'error > ε') : 'infeasible'),
        row('certified', result.certified, result.certified ? 'bound ≤ ε at every step; one step cheaper is not' : 'no setting has a bound ≤ ε'),
        row('empirical minimum', empirical, margin),
      ],
    ),
  );
  console.log(`${result.trials} trial runs; certified by the ${result.certify === 'data' ? "run's own bound (measured local errors)" : 'K_β bound (any data with the same norms)'}`);
}

/** The `choose` action; loaded by choose-command.ts only when the command runs (it brings the theorems). */
export async function choose(options: ChooseOptions): Promise<void> {
  requireOneSource(options);
  const { problem, params } = options.problem !== undefined ? await problemFileChoice({ ...options, problem: options.problem }) : solverChoice(options.solver!, options);
  const modes: readonly string[] = [...ZFP_MODES, 'sz-abs'];
  if (!modes.includes(options.mode)) throw new CliUsageError(`--mode must be one of ${modes.join(', ')}, got "${options.mode}"`);
  const mode = options.mode as ChooseMode;
  const epsilon = parseNumber('--tol', options.tol, (x) => x > 0, 'a positive error target');
  const certify = parseCertify(options.certify);
  const horizon = options.horizon === undefined ? undefined : parseHorizon(options.horizon);
  const stateType = parseStateType(options.type);
  if (stateType === 'float32' && mode === 'sz-abs') throw new CliUsageError('--type float32 keeps the state in a float32 ZFP array: --mode must be precision, rate or accuracy, not sz-abs');
  const bar = options.json ? null : createProgressBar({ label: `choose ${problem} ${mode}`, unit: 'trial runs', linesOffTerminal: true });
  const result = chooseSetting({ problem, params, mode, epsilon, certify, stateType, ...(horizon !== undefined && { horizon }) }, bar?.update);
  bar?.stop();
  if (options.json) {
    const json = (setting: Setting | null) => settingJson(setting, stateType);
    console.log(JSON.stringify({ lemma: 'infeasible' in result.lemma ? null : json(result.lemma), certified: json(result.certified), empiricalMinimum: json(result.empiricalMinimum), certify, epsilon, steps: result.steps, type: stateType }));
  } else {
    console.log(`${problem}, ${mode}, ε = ${epsilon}, ${result.steps} steps, ${stateType} state`);
    printResult(result, epsilon);
  }
  if (!result.certified) process.exitCode = EXIT_FAILED_CHECK;
}
