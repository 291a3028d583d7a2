/** `zfpwb report results.json`: rebuild the HTML report from a results file. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliUsageError, guarded } from './errors.ts';

async function rebuild(path: string, options: { out?: string }): Promise<void> {
  const [{ isExperimentName }, { readResults }, { renderReport }, { plotlySource }] = await Promise.all([
    import('../../experiments/index.ts'),
    import('../../experiments/output.ts'),
    import('../report/html.ts'),
    import('../report/plotly-source.ts'),
  ]);
  let result;
  try {
    result = readResults(path);
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (!isExperimentName(String(result?.experiment)) || !Array.isArray(result.runs)) {
    throw new CliUsageError(`${path} is not an experiment's results ({experiment, params, runs:[…]})`);
  }
  const out = options.out ?? path.replace(/\.json$/i, '') + '.html';
  writeFileSync(out, renderReport(result, plotlySource()));
  console.log(out);
}

export function addReportCommand(program: Command): void {
  program
    .command('report')
    .description('rebuild the HTML report of an experiment from its JSON')
    .argument('<results.json>')
    .option('--out <file.html>', 'where to write (default: next to the JSON, same name with .html)')
    .action(guarded('report', rebuild));
}
