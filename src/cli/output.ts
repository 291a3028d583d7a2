/** An experiment's results written as `<name>.json` and `<name>.html` in a directory, and read back. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderReport, type PlotlyScript } from '../report/html.ts';
import type { ExperimentResult } from '../results/schema.ts';
import { ensureWritableDirectory, writeFileAtomic } from './atomic-file.ts';

export interface WrittenFiles {
  readonly json: string;
  readonly html: string;
}

/** `plotly` from `inlinePlotly()`, or `sharedPlotly(dir)` once for every page in `dir`. */
export function writeResults(result: ExperimentResult, dir: string, plotly: PlotlyScript): WrittenFiles {
  ensureWritableDirectory(dir);
  const json = resolve(join(dir, `${result.experiment}.json`));
  writeFileAtomic(json, `${JSON.stringify(result)}\n`);
  const html = resolve(join(dir, `${result.experiment}.html`));
  writeFileAtomic(html, renderReport(result, plotly));
  return { json, html };
}

export function readResults(path: string): ExperimentResult {
  return JSON.parse(readFileSync(path, 'utf8')) as ExperimentResult;
}
