/** `zfpwb validate`: one solver, one ZFP or SZ-style configuration, the measured error against the theorem's bound. */
import type { Command } from 'commander';
import { createProblem } from '../analysis/problem-setup.ts';
import type { RunRecord } from '../results/schema.ts';
import { formatTable } from '../results/summary.ts';
import { EXIT_FAILED_CHECK, guarded } from './errors.ts';
import { GRID_HELP, MIN_GRID, parseInlineMode, parseSpec, solverChoice, solverParamsHelp, STEPS_HELP } from './solver-options.ts';

interface ValidateOptions {
  solver: string;
  mode: string;
  param: string;
  steps?: string;
  grid?: string;
  set?: string[];
  json?: boolean;
}

/** Steps in --json at most: beyond it, the smallest and largest error per window (the summary uses every step). */
const VALIDATE_RECORDED = 10_001;

/** Rows printed: about a dozen evenly spaced steps, the first violation and the last step. */
function sampleRows(run: RunRecord, count = 12): RunRecord['steps'] {
  const steps = run.steps;
  const stride = Math.max(1, Math.floor(steps.length / count));
  const violation = run.summary.firstViolation;
  return steps.filter((s, i) => i % stride === 0 || i === steps.length - 1 || s.k === violation);
}

const e = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toExponential(3));

function printRun(run: RunRecord): void {
  const rows = sampleRows(run).map((s) => [String(s.k), e(s.zfpError), e(s.bound), s.bound !== null && s.zfpError <= s.bound ? 'ok' : 'BROKEN', e(s.numericalError), s.ratio.toFixed(2), String(s.minPlanes ?? '—')]);
  console.log(`${run.config.problem}, ${run.config.label}: ${run.summary.theorem} (norms: ${run.summary.normHandling})`);
  console.log(formatTable(['k', 'zfpError', 'bound', '', 'numericalError', 'ratio', 'minPlanes'], rows));
  const s = run.summary;
  console.log(
    s.boundHeld
      ? `bound held at all ${run.steps[run.steps.length - 1]!.k + 1} steps (max error ${e(s.maxZfpError)}, max bound ${e(s.maxBound)})`
      : `BOUND BROKEN first at step ${s.firstViolation}: a bug in the bound or in the codec`,
  );
}

async function validate(options: ValidateOptions): Promise<void> {
  const { problem, params } = solverChoice(options.solver, options);
  const spec = parseSpec(parseInlineMode(options.mode), options.param);
  // The run (theorems, codec, reference arithmetic) loads only once the arguments are good, not for --help.
  const [{ runSimulation }, { createProgressBar }] = await Promise.all([import('../analysis/simulation-run.ts'), import('../../solvers/progress.ts')]);
  createProblem(problem, params); // refuses unstable settings before any output
  const bar = options.json ? null : createProgressBar({ label: `${problem} ${options.mode} ${options.param}`, unit: 'steps' });
  const run = runSimulation({ problem, params, spec, maxRecorded: VALIDATE_RECORDED }, bar?.update);
  bar?.stop();
  if (options.json) console.log(JSON.stringify({ runs: [run] }));
  else printRun(run);
  if (!run.summary.boundHeld) process.exitCode = EXIT_FAILED_CHECK;
}

export function addValidateCommand(program: Command): void {
  program
    .command('validate')
    .description("run one solver inline with one ZFP or SZ-style configuration and check the theorem's bound at every step (exit 0 only if it held)")
    .requiredOption('--solver <name>', 'diffusion2d, diffusion3d, advection1d, advection2d, poisson-jacobi or gauss-seidel')
    .requiredOption('--mode <mode>', 'precision, rate, accuracy (ZFP), sz-abs or sz-rel (SZ-style)')
    .requiredOption('--param <value>', 'β (precision), bits per value (rate), tolerance (accuracy), bound e (sz-abs) or ε of the value range (sz-rel)')
    .option('--steps <n>', `${STEPS_HELP}; default: the solver's, listed below`)
    .option('--grid <n>', `${GRID_HELP}; at least ${MIN_GRID}; default: the solver's n, listed below`)
    .option('--set <key=value...>', 'override a solver parameter, e.g. --set cfl=0.5; repeatable (default: none; keys and their defaults listed below)')
    .option('--json', 'print {runs:[{config, steps, summary}]} instead of the table')
    .addHelpText('after', solverParamsHelp)
    .action(guarded('validate', validate));
}
