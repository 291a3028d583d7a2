/** `zfpwb experiment <name…>|all`: run sweeps on worker threads, write JSON and HTML, print the summaries. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Sweep } from '../../experiments/configs.ts';
import type { ExperimentOptions } from '../../experiments/simulation.ts';
import { isProblemName, MIN_GRID } from '../analysis/problem-setup.ts';
import { EXPERIMENT_NAMES, type ExperimentName } from '../results/schema.ts';
import { ensureWritableDirectory } from './atomic-file.ts';
import { CliUsageError, EXIT_FAILED_CHECK, guarded } from './errors.ts';
import { problemFileChoice } from './problem-loader.ts';
import { inlinePlotly, SHARED_PLOTLY_FILE, sharedPlotly } from './plotly-source.ts';
import { checkedParams, GRID_HELP, parseInlineMode, parseReference, parseSpec, parseStateType, REFERENCE_HELP, solverOverrides, solverParamsHelp, STEPS_HELP, TYPE_HELP } from './solver-options.ts';
import type { StateType } from '../../solvers/problem.ts';

interface ExperimentCommandOptions {
  quick?: boolean;
  out: string;
  inline?: boolean;
  selfContained?: boolean;
  mode?: string;
  param?: string;
  grid?: string;
  steps?: string;
  set?: string[];
  problem?: string;
  reference: string;
  type: string;
}

function parseNames(names: readonly string[]): ExperimentName[] {
  if (names.includes('all')) return [...EXPERIMENT_NAMES];
  for (const name of names) {
    if (!(EXPERIMENT_NAMES as readonly string[]).includes(name)) throw new CliUsageError(`unknown experiment "${name}": expected all or one of ${EXPERIMENT_NAMES.join(', ')}`);
  }
  return names as ExperimentName[];
}

/** `--mode/--param` as a one-configuration sweep. */
function sweepOf(mode: string, param: string, type: StateType): Sweep {
  const spec = parseSpec(parseInlineMode(mode), param, type);
  return {
    precisions: spec.mode === 'precision' ? [spec.precision] : [],
    rates: spec.mode === 'rate' ? [spec.rate] : [],
    tolerances: spec.mode === 'accuracy' ? [spec.tolerance] : [],
    szTolerances: spec.mode === 'sz-abs' ? [spec.tolerance] : [],
    szRatios: spec.mode === 'sz-rel' ? [spec.ratio] : [],
  };
}

/** What `--mode/--param/--grid/--steps/--set` change for `name`, checked before any experiment runs. */
function overridesFor(name: ExperimentName, options: ExperimentCommandOptions): ExperimentOptions['overrides'] {
  const sizeGiven = options.grid !== undefined || options.steps !== undefined || (options.set?.length ?? 0) > 0;
  if (options.mode === undefined && options.param === undefined && !sizeGiven) return undefined;
  if ((options.mode === undefined) !== (options.param === undefined)) throw new CliUsageError('--mode and --param go together');
  if (!isProblemName(name)) throw new CliUsageError(`--mode, --param, --grid, --steps and --set apply to the solver experiments, not to ${name}`);
  const params = solverOverrides(name, options);
  checkedParams(name, options.quick ?? false, params);
  return { params, ...(options.mode !== undefined && { sweep: sweepOf(options.mode, options.param!, parseStateType(options.type)) }) };
}

/** `experiment custom --problem F`: the user's problem at --mode/--param or a short precision sweep, on the worker pool (or --inline). */
async function runCustom(options: ExperimentCommandOptions & { problem: string }): Promise<void> {
  if ((options.mode === undefined) !== (options.param === undefined)) throw new CliUsageError('--mode and --param go together');
  if (parseStateType(options.type) === 'float32') throw new CliUsageError('--type float32 applies to the built-in solver experiments; validate --problem FILE --type float32 runs your problem in float32');
  const spec = options.mode === undefined ? null : parseSpec(parseInlineMode(options.mode), options.param!);
  const { problem, source } = await problemFileChoice(options);
  ensureWritableDirectory(options.out);
  const [{ runCustomExperiment }, { CUSTOM_SWEEP }, { writeResults }, { inlinePool, workerPool, WORKERS_IMPORT_TYPESCRIPT }, { summaryTable, violations }, { createProgressBar }] = await Promise.all([
    import('../../experiments/custom.ts'),
    import('../analysis/custom-experiment.ts'),
    import('./output.ts'),
    import('../../experiments/pool.ts'),
    import('../results/summary.ts'),
    import('../../solvers/progress.ts'),
  ]);
  const specs = spec ? [spec] : CUSTOM_SWEEP;
  // The compiled program's workers start without the TypeScript loader its own thread was given (`node --import tsx`).
  const needsThisThread = source.kind === 'module' && /\.[cm]?ts$/i.test(source.url) && !WORKERS_IMPORT_TYPESCRIPT;
  const pool = options.inline || needsThisThread ? inlinePool : workerPool(Math.min(availableParallelism(), specs.length));
  const bar = createProgressBar({ label: 'custom', unit: 'runs', linesOffTerminal: true });
  const result = await runCustomExperiment({ problem, source, specs, pool, ...(bar && { onProgress: bar.update }) }).finally(async () => {
    bar?.stop();
    await pool.close();
  });
  const files = writeResults(result, options.out, options.selfContained ? inlinePlotly() : sharedPlotly(options.out));
  console.log(`${result.title} — ${(result.elapsedMs / 1000).toFixed(1)} s`);
  console.log(summaryTable(result));
  if (violations(result).length > 0) {
    console.log('BOUND BROKEN: a bug in a bound or in the codec');
    process.exitCode = EXIT_FAILED_CHECK;
  }
  console.log(`Reports:\n  ${files.html}\n  ${files.json}`);
}

async function runExperiments(names: string[], options: ExperimentCommandOptions): Promise<void> {
  if (names.includes('custom') || options.problem !== undefined) {
    if (names.length !== 1 || names[0] !== 'custom' || options.problem === undefined) throw new CliUsageError('experiment custom runs alone and needs --problem FILE (and --problem only goes with custom)');
    return runCustom({ ...options, problem: options.problem });
  }
  const chosen = parseNames(names);
  const reference = parseReference(options.reference);
  const stateType = parseStateType(options.type);
  const notSolver = chosen.find((name) => !isProblemName(name));
  if (stateType === 'float32' && notSolver) throw new CliUsageError(`--type float32 applies to the solver experiments, not to ${notSolver}`);
  const overrides = new Map(chosen.map((name) => [name, overridesFor(name, options)]));
  ensureWritableDirectory(options.out);
  const [{ experiments }, { runTogether }, { writeResults }, { inlinePool, workerPool }, { summaryTable, violations }, { comparisonText }, { createProgressBar }] = await Promise.all([
    import('../../experiments/index.ts'),
    import('../../experiments/together.ts'),
    import('./output.ts'),
    import('../../experiments/pool.ts'),
    import('../results/summary.ts'),
    import('../results/comparison-table.ts'),
    import('../../solvers/progress.ts'),
  ]);
  const pool = options.inline ? inlinePool : workerPool();
  const written: string[] = [];
  const plotly = options.selfContained ? inlinePlotly() : sharedPlotly(options.out);
  if (!options.selfContained) written.push(resolve(options.out, SHARED_PLOTLY_FILE));
  const started = performance.now();
  // All at once on the one pool, which starts the longest runs first. Each is written as it finishes;
  // the summaries wait for the progress bar to end, which would otherwise draw over them.
  const bar = createProgressBar({ label: chosen.length === 1 ? chosen[0]! : `${chosen.length} experiments`, unit: 'runs', linesOffTerminal: true });
  const jobs = chosen.map((name) => {
    const override = overrides.get(name);
    return { experiment: experiments[name], options: { quick: options.quick ?? false, pool, reference, stateType, ...(override && { overrides: override }) } };
  });
  const summaries: string[] = [];
  try {
    for (const running of runTogether(jobs, bar?.update)) {
      const result = await running;
      const files = writeResults(result, options.out, plotly);
      written.push(files.html, files.json);
      summaries.push(`\n${result.title} — ${(result.elapsedMs / 1000).toFixed(1)} s`);
      if (result.runs.length > 0) summaries.push(summaryTable(result));
      if (result.comparison) summaries.push(`\n${comparisonText(result)}`);
      const failed = violations(result);
      if (failed.length > 0) {
        summaries.push(`BOUND BROKEN in ${failed.map((r) => r.config.label).join(', ')}: a bug in a bound or in the codec`);
        process.exitCode = EXIT_FAILED_CHECK;
      }
    }
  } finally {
    bar?.stop();
    await pool.close();
  }
  for (const summary of summaries) console.log(summary);
  console.log(`\n${chosen.length} experiment(s) in ${((performance.now() - started) / 1000).toFixed(1)} s. Reports:`);
  for (const path of written) console.log(`  ${path}`);
}

export function addExperimentCommand(program: Command): void {
  program
    .command('experiment')
    .description(`run experiments (${EXPERIMENT_NAMES.join(', ')}, or all) or your own (custom --problem FILE), write <name>.json and <name>.html`)
    .argument('<names...>', 'experiment names, or all')
    .option('--quick', 'small sizes and a short sweep (tests, the headline)', false)
    .option('--out <dir>', 'directory for the JSON and HTML files', 'reports')
    .option('--inline', 'run on this thread instead of one worker thread per core (custom too: each worker rebuilds the problem)', false)
    .option('--self-contained', `inline plotly.js in every page instead of one shared ${SHARED_PLOTLY_FILE} beside them`, false)
    .option('--mode <mode>', "solver experiments: run only this mode (precision, rate or accuracy; sz-abs or sz-rel, the SZ-style codec), with --param (default: the experiment's sweep)")
    .option('--param <value>', 'with --mode: β (precision), bits per value (rate), tolerance (accuracy), absolute bound e (sz-abs) or range fraction ε (sz-rel) (default: none, required with --mode)')
    .option('--steps <n>', `solver experiments: ${STEPS_HELP}; default: the experiment's size`)
    .option('--grid <n>', `solver experiments: ${GRID_HELP}; at least ${MIN_GRID}; default: the experiment's size`)
    .option('--set <key=value...>', 'solver experiments: override a solver parameter; repeatable (default: none; keys and their defaults listed below)')
    .option('--problem <file>', 'with the name custom: a problem file (JSON) to run at --mode/--param, or at precisions 16, 20, 24, 32 (default: none)')
    .option('--reference <arithmetic>', `solver experiments: ${REFERENCE_HELP}`, 'auto')
    .option('--type <type>', `solver experiments: ${TYPE_HELP}; β above 32 is left out of a float32 sweep`, 'float64')
    .addHelpText('after', () => `\nWith --mode, --param, --grid and --steps the report covers the one configuration that\n\`zfpwb validate\` with the same options checks (without --quick, on the same default sizes).\n${solverParamsHelp()}`)
    .action(guarded('experiment', runExperiments));
}
