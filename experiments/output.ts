/** Node-only: an experiment's results written as `<name>.json` and `<name>.html` in a directory. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureWritableDirectory, writeFileAtomic } from '../src/cli/atomic-file.ts';
import { renderReport } from '../src/report/html.ts';
import { plotlySource } from '../src/report/plotly-source.ts';
import type { ExperimentResult } from './schema.ts';

export interface WrittenFiles {
  readonly json: string;
  readonly html: string;
}

export function writeResults(result: ExperimentResult, dir: string): WrittenFiles {
  ensureWritableDirectory(dir);
  const json = resolve(join(dir, `${result.experiment}.json`));
  writeFileAtomic(json, `${JSON.stringify(result)}\n`);
  const html = resolve(join(dir, `${result.experiment}.html`));
  writeFileAtomic(html, renderReport(result, plotlySource()));
  return { json, html };
}

export function readResults(path: string): ExperimentResult {
  return JSON.parse(readFileSync(path, 'utf8')) as ExperimentResult;
}
