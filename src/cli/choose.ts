/** `zfpwb choose`'s action: parses the request, asks the analysis for the cheapest certified setting (one mode, or every mode of both families), prints it. */
import { CHOOSE_MODES, chooseAcrossFamilies, chooseSetting, type ChooseResult, type FamilyChoice, type Setting } from '../analysis/choose.ts';
import { chooseLadder, familyTable } from '../analysis/choose-ladder.ts';
import { bitsOfType } from '../analysis/evaluate.ts';
import type { RepresentationSpec } from '../results/representation-spec.ts';
import { specLabel } from '../results/representation-spec.ts';
import { formatTable } from '../results/summary.ts';
import { createProgressBar } from '../../solvers/progress.ts';
import { EXIT_FAILED_CHECK } from './errors.ts';
import type { ChooseMode } from '../analysis/choose.ts';
import { CliUsageError } from './errors.ts';
import { problemFileChoice, requireOneSource } from './problem-loader.ts';
import { parseCertify, parseHorizon, parseNumber, parseStateType, solverChoice } from './solver-options.ts';
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
    case 'sz-abs':
      return spec.tolerance;
    case 'sz-rel':
      return spec.ratio;
    default:
      throw new Error(`choose picks ZFP precision, rate or accuracy or an SZ-style bound, not ${spec.mode}`);
  }
}

function settingJson(setting: Setting | null, type: StateType) {
  if (!setting) return null;
  const s = setting.record.summary;
  return { mode: setting.spec.mode, param: paramOf(setting.spec), label: specLabel(setting.spec), maxZfpError: s.maxZfpError, maxBound: s.maxBound, maxDataBound: s.maxDataBound, maxAnyBound: s.maxAnyBound, bitsPerValue: s.meanBitsPerValue, ratio: bitsOfType(type) / s.meanBitsPerValue };
}

function printResult(result: ChooseResult, epsilon: number): void {
  const ladder = chooseLadder(result, epsilon);
  console.log(ladder.lemmaLine);
  console.log(formatTable(ladder.header, ladder.rows));
  console.log(ladder.trialsLine);
}

/** `--mode all`: each mode's certified setting, each family's cheapest, and the winner by bits per value. */
function printFamilies(choice: FamilyChoice): void {
  const table = familyTable(choice);
  console.log(formatTable(table.header, table.rows));
  for (const line of table.lines) console.log(line);
}

/** `--mode all` runs float64 states only (the SZ-style representations store float64). */
function familiesJson(choice: FamilyChoice, steps: number) {
  const modes = Object.fromEntries(choice.modes.map(({ mode, result }) => [mode, { lemma: 'infeasible' in result.lemma ? null : settingJson(result.lemma, 'float64'), certified: settingJson(result.certified, 'float64'), empiricalMinimum: settingJson(result.empiricalMinimum, 'float64') }]));
  const best = (family: 'zfp' | 'sz') => settingJson(choice.best[family]?.setting ?? null, 'float64');
  return { modes, best: { zfp: best('zfp'), sz: best('sz') }, winner: choice.winner, certify: choice.certify, epsilon: choice.epsilon, steps };
}

/** The `choose` action; loaded by choose-command.ts only when the command runs (it brings the theorems). */
export async function choose(options: ChooseOptions): Promise<void> {
  requireOneSource(options);
  const { problem, params } = options.problem !== undefined ? await problemFileChoice({ ...options, problem: options.problem }) : solverChoice(options.solver!, options);
  const modes: readonly string[] = [...CHOOSE_MODES, 'all'];
  if (!modes.includes(options.mode)) throw new CliUsageError(`--mode must be one of ${modes.join(', ')}, got "${options.mode}"`);
  const epsilon = parseNumber('--tol', options.tol, (x) => x > 0, 'a positive error target');
  const certify = parseCertify(options.certify);
  const horizon = options.horizon === undefined ? undefined : parseHorizon(options.horizon);
  const stateType = parseStateType(options.type);
  if (stateType === 'float32' && !['precision', 'rate', 'accuracy'].includes(options.mode)) throw new CliUsageError(`--type float32 keeps the state in a float32 ZFP array: --mode must be precision, rate or accuracy, not ${options.mode}`);
  const bar = options.json ? null : createProgressBar({ label: `choose ${problem} ${options.mode}`, unit: 'trial runs', linesOffTerminal: true });
  const request = { problem, params, epsilon, certify, stateType, ...(horizon !== undefined && { horizon }) };
  if (options.mode === 'all') {
    const choice = chooseAcrossFamilies(request, bar?.update);
    bar?.stop();
    const steps = choice.modes[0]!.result.steps;
    if (options.json) console.log(JSON.stringify(familiesJson(choice, steps)));
    else {
      console.log(`${problem}, every mode of ZFP and SZ-style, ε = ${epsilon}, ${steps} steps`);
      printFamilies(choice);
    }
    if (!choice.best.zfp && !choice.best.sz) process.exitCode = EXIT_FAILED_CHECK;
    return;
  }
  const mode = options.mode as ChooseMode;
  const result = chooseSetting({ ...request, mode }, bar?.update);
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
