/** `zfpwb experiment <name…>|all`: run sweeps on worker threads, write JSON and HTML, print the summaries. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { experimentNames, experiments, isExperimentName, type ExperimentName } from '../../experiments/index.ts';
import { inlinePool, workerPool } from '../../experiments/pool.ts';
import { summaryTable, violations } from '../results/summary.ts';
import { createProgressBar } from '../../solvers/progress.ts';
import { ensureWritableDirectory } from './atomic-file.ts';
import { CliUsageError, EXIT_FAILED_CHECK, guarded } from './errors.ts';
import { writeResults } from './output.ts';
import { inlinePlotly, SHARED_PLOTLY_FILE, sharedPlotly } from './plotly-source.ts';

interface ExperimentCommandOptions {
  quick?: boolean;
  out: string;
  inline?: boolean;
  selfContained?: boolean;
}

function parseNames(names: readonly string[]): ExperimentName[] {
  if (names.includes('all')) return experimentNames;
  for (const name of names) {
    if (!isExperimentName(name)) throw new CliUsageError(`unknown experiment "${name}": expected all or one of ${experimentNames.join(', ')}`);
  }
  return names as ExperimentName[];
}

async function runExperiments(names: string[], options: ExperimentCommandOptions): Promise<void> {
  const chosen = parseNames(names);
  ensureWritableDirectory(options.out);
  const pool = options.inline ? inlinePool : workerPool();
  const written: string[] = [];
  const plotly = options.selfContained ? inlinePlotly() : sharedPlotly(options.out);
  if (!options.selfContained) written.push(resolve(options.out, SHARED_PLOTLY_FILE));
  const started = performance.now();
  try {
    for (const name of chosen) {
      const bar = createProgressBar(name.padEnd(18));
      const result = await experiments[name].run({ quick: options.quick ?? false, pool, ...(bar && { onProgress: bar.update }) });
      bar?.stop();
      const files = writeResults(result, options.out, plotly);
      written.push(files.html, files.json);
      console.log(`\n${result.title} — ${(result.elapsedMs / 1000).toFixed(1)} s`);
      if (result.runs.length > 0) console.log(summaryTable(result));
      const failed = violations(result);
      if (failed.length > 0) {
        console.log(`BOUND BROKEN in ${failed.map((r) => r.config.label).join(', ')}: a bug in a bound or in the codec`);
        process.exitCode = EXIT_FAILED_CHECK;
      }
    }
  } finally {
    await pool.close();
  }
  console.log(`\n${chosen.length} experiment(s) in ${((performance.now() - started) / 1000).toFixed(1)} s. Reports:`);
  for (const path of written) console.log(`  ${path}`);
}

export function addExperimentCommand(program: Command): void {
  program
    .command('experiment')
    .description(`run experiments (${experimentNames.join(', ')}, or all), write <name>.json and <name>.html`)
    .argument('<names...>', 'experiment names, or all')
    .option('--quick', 'small sizes and a short sweep (tests, the headline)')
    .option('--out <dir>', 'directory for the JSON and HTML files', 'reports')
    .option('--inline', 'run on this thread instead of one worker thread per core')
    .option('--self-contained', `inline plotly.js in every page instead of one shared ${SHARED_PLOTLY_FILE} beside them`)
    .action(guarded('experiment', runExperiments));
}
