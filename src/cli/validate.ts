/** `zfpwb validate`: one solver, one ZFP or SZ-style configuration, the measured error against the theorem's bound. */
import type { Command } from 'commander';
import { createProblem, MIN_GRID } from '../analysis/problem-setup.ts';
import type { ReferenceArithmeticName } from '../reference/choice.ts';
import type { RunRecord } from '../results/schema.ts';
import { formatTable } from '../results/summary.ts';
import { EXIT_FAILED_CHECK, guarded } from './errors.ts';
import { problemFileChoice, requireOneSource } from './problem-loader.ts';
import { CERTIFY_HELP, GRID_HELP, parseCertify, parseInlineMode, parseNumber, parseReference, parseSpec, parseStateType, REFERENCE_HELP, solverChoice, solverParamsHelp, STEPS_HELP, TYPE_HELP } from './solver-options.ts';

interface ValidateOptions {
  solver?: string;
  problem?: string;
  initial?: string;
  mode: string;
  param: string;
  steps?: string;
  grid?: string;
  set?: string[];
  json?: boolean;
  tol?: string;
  certify: string;
  reference: string;
  type: string;
}

/** Rows printed: about a dozen evenly spaced steps, the first violation and the last step. */
function sampleRows(run: RunRecord, count = 12): RunRecord['steps'] {
  const steps = run.steps;
  const stride = Math.max(1, Math.floor(steps.length / count));
  const violation = run.summary.firstViolation;
  return steps.filter((s, i) => i % stride === 0 || i === steps.length - 1 || s.k === violation);
}

const e = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toExponential(3));

const factor = (bound: number | null, error: number): string => (bound === null ? '—' : error > 0 ? (bound / error).toPrecision(3) : '∞');

/** The verdict lines: the bound, the ZFP error against the numerical error and the solution's size, β_min, and ε. */
function verdict(run: RunRecord, epsilon: number | null): string[] {
  const s = run.summary;
  const steps = run.steps[run.steps.length - 1]!.k + 1;
  const other = s.certify === 'data' ? 'any' : 'data';
  const lines = [
    s.boundHeld
      ? `bound (${s.certify}) held at all ${steps} steps (max error ${e(s.maxZfpError)}, max bound ${e(s.maxBound)})`
      : `BOUND BROKEN first at step ${s.firstViolation}: a bug in the bound or in the codec`,
    `factor bound/error: ${factor(s.maxDataBound, s.maxZfpError)} for the run's own bound (data), ${factor(s.maxAnyBound, s.maxZfpError)} for the K_β bound (any); the verdict rests on ${s.certify}, ${other} is reported beside it`,
  ];
  if (s.zfpErrorReachesSolutionAt !== null) lines.push(`SOLUTION DESTROYED: from step ${s.zfpErrorReachesSolutionAt} the ZFP error is as large as the solution itself (max error ${e(s.maxZfpError)})`);
  lines.push(
    s.zfpExceedsNumericalAt === null
      ? 'ZFP error stayed under the numerical (discretization) error at every step'
      : `ZFP error exceeded the numerical (discretization) error from step ${s.zfpExceedsNumericalAt}`,
  );
  const b = s.betaMin;
  if (b.kind === 'not-applicable') lines.push(`β_min: not applicable (${b.reason})`);
  else if (b.kind === 'largest-e') lines.push(`largest SZ-style e for ε = the final numerical error ${e(b.epsilon)}: e ≤ ${e(b.tolerance)} by ${b.lemma} (β_min is ZFP's)`);
  else lines.push(`β_min for ε = the final numerical error ${e(b.epsilon)}: ${b.kind === 'feasible' ? `β = ${b.beta}` : `infeasible (no β ≤ ${run.config.type === 'float32' ? 32 : 64})`} by ${b.lemma}`);
  if (epsilon !== null) {
    const errorOk = s.maxZfpError <= epsilon;
    const boundOk = s.maxBound !== null && s.maxBound <= epsilon;
    lines.push(`--tol ${epsilon}: max ZFP error ${e(s.maxZfpError)} ${errorOk ? '≤' : '>'} ε, max bound ${e(s.maxBound)} ${boundOk ? '≤' : '>'} ε`);
  }
  return lines;
}

/** Every check the run must pass: the bound held, and with --tol both the error and the bound stayed ≤ ε. */
function passed(run: RunRecord, epsilon: number | null): boolean {
  const s = run.summary;
  if (!s.boundHeld) return false;
  return epsilon === null || (s.maxZfpError <= epsilon && s.maxBound !== null && s.maxBound <= epsilon);
}

function printRun(run: RunRecord, epsilon: number | null, reference: string | null): void {
  const rows = sampleRows(run).map((s) => [
    String(s.k),
    e(s.zfpError),
    e(s.bound),
    s.bound !== null && s.zfpError <= s.bound ? 'ok' : 'BROKEN',
    e(s.dataBound),
    e(s.anyBound),
    e(s.numericalError),
    ...(reference ? [e(s.roundoffError)] : []),
    s.ratio.toFixed(2),
    String(s.minPlanes ?? '—'),
  ]);
  console.log(`${run.config.problem}, ${run.config.label}: ${run.summary.theorem} (norms: ${run.summary.normHandling})`);
  if (reference) console.log(`round-off: the ${run.config.type === 'float32' ? 'float32' : 'double'} run against the ${reference} reference`);
  const headers = ['k', 'zfpError', `bound (${run.summary.certify})`, '', 'dataBound', 'anyBound', 'numericalError', ...(reference ? ['roundoffError'] : []), 'ratio', 'minPlanes'];
  console.log(formatTable(headers, rows));
  for (const line of verdict(run, epsilon)) console.log(line);
}

async function validate(options: ValidateOptions): Promise<void> {
  requireOneSource(options);
  const { problem, params } = options.problem !== undefined ? await problemFileChoice({ ...options, problem: options.problem }) : solverChoice(options.solver!, options);
  const stateType = parseStateType(options.type);
  const spec = parseSpec(parseInlineMode(options.mode), options.param, stateType);
  const certify = parseCertify(options.certify);
  const epsilon = options.tol === undefined ? null : parseNumber('--tol', options.tol, (x) => x > 0, 'a positive error target');
  const referenceOption = parseReference(options.reference);
  // The run (theorems, codec, reference arithmetic) loads only once the arguments are good, not for --help.
  const [{ runReference, runSimulation, validateResults, VALIDATE_RECORDED, withRoundoff }, { createProgressBar }] = await Promise.all([import('../analysis/simulation-run.ts'), import('../../solvers/progress.ts')]);
  createProblem(problem, params); // refuses unstable settings before any output
  const bar = options.json ? null : createProgressBar({ label: `${problem} ${options.mode} ${options.param}`, unit: 'steps' });
  let run = runSimulation({ problem, params, spec, certify, stateType, maxRecorded: VALIDATE_RECORDED }, bar?.update);
  bar?.stop();
  let reference: ReferenceArithmeticName | null = null;
  if (referenceOption !== 'none') {
    const referenceBar = options.json ? null : createProgressBar({ label: `${problem} reference`, unit: 'steps' });
    const curve = runReference({ problem, params, reference: referenceOption, stateType }, referenceBar?.update);
    referenceBar?.stop();
    run = withRoundoff(run, curve.roundoff);
    reference = curve.arithmetic;
  }
  if (options.json) console.log(JSON.stringify(validateResults([run], reference)));
  else printRun(run, epsilon, reference);
  if (!passed(run, epsilon)) process.exitCode = EXIT_FAILED_CHECK;
}

export function addValidateCommand(program: Command): void {
  program
    .command('validate')
    .description("run one solver inline with one ZFP or SZ-style configuration and check the theorem's bound at every step (exit 0 only if it held, and with --tol only if the error and the bound stayed ≤ ε); says whether the ZFP error stayed under the numerical error and whether the solution survived")
    .option('--solver <name>', 'diffusion2d, diffusion3d, advection1d, advection2d, poisson-jacobi or gauss-seidel (default: none; this or --problem)')
    .option('--problem <file>', 'a problem file (JSON) instead of a built-in solver; --set overrides its parameters (default: none; this or --solver)')
    .option('--initial <file.npy>', "with --problem: initial data from a .npy file (C order), replacing the file's (default: the file's initial)")
    .requiredOption('--mode <mode>', 'precision, rate, accuracy (ZFP), sz-abs or sz-rel (SZ-style)')
    .requiredOption('--param <value>', 'β (precision), bits per value (rate), tolerance (accuracy), bound e (sz-abs) or ε of the value range (sz-rel)')
    .option('--steps <n>', `${STEPS_HELP}; default: the solver's, listed below`)
    .option('--grid <n>', `${GRID_HELP}; at least ${MIN_GRID}; default: the solver's n, listed below`)
    .option('--set <key=value...>', 'override a solver parameter, e.g. --set cfl=0.5; repeatable (default: none; keys and their defaults listed below)')
    .option('--certify <bound>', CERTIFY_HELP, 'data')
    .option('--type <type>', TYPE_HELP, 'float64')
    .option('--tol <epsilon>', 'exit 1 when the max ZFP error or the bound passes this error target (default: no target)')
    .option('--reference <arithmetic>', `also run a reference and show the double run's round-off against it: ${REFERENCE_HELP}`, 'none')
    .option('--json', "print {runs:[{config, steps, summary}]} instead of the table (with --reference, {reference, runs}); steps carry bound (the verdict's), dataBound and anyBound")
    .addHelpText('after', solverParamsHelp)
    .action(guarded('validate', validate));
}
