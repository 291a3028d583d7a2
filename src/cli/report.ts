/** `zfpwb report results.json`: rebuild the HTML report from a results file. */
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { checkResults, ResultsSchemaError } from '../results/schema-check.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { CliUsageError, guarded } from './errors.ts';
import { inlinePlotly, SHARED_PLOTLY_FILE, sharedPlotly } from './plotly-source.ts';

async function rebuild(path: string, options: { out?: string; selfContained?: boolean }): Promise<void> {
  const [{ readResults }, { renderReport }] = await Promise.all([import('./output.ts'), import('../report/html.ts')]);
  let result;
  try {
    result = readResults(path);
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    checkResults(result);
  } catch (error) {
    if (!(error instanceof ResultsSchemaError)) throw error;
    throw new CliUsageError(`${path} is not an experiment's results: ${error.message}`);
  }
  const out = options.out ?? path.replace(/\.json$/i, '') + '.html';
  writeFileAtomic(out, renderReport(result, options.selfContained ? inlinePlotly() : sharedPlotly(dirname(out))));
  console.log(out);
}

export function addReportCommand(program: Command): void {
  program
    .command('report')
    .description('rebuild the HTML report of an experiment from its JSON')
    .argument('<results.json>')
    .option('--out <file.html>', 'where to write (default: next to the JSON, same name with .html)')
    .option('--self-contained', `inline plotly.js in the page instead of a shared ${SHARED_PLOTLY_FILE} beside it`)
    .action(guarded('report', rebuild));
}
