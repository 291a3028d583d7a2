/** Node-only: an experiment's results written as `<name>.json` and `<name>.html` in a directory. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderReport } from '../report/html.ts';
import { plotlySource } from './plotly-source.ts';
import type { ExperimentResult } from '../results/schema.ts';

export interface WrittenFiles {
  readonly json: string;
  readonly html: string;
}

export function writeResults(result: ExperimentResult, dir: string): WrittenFiles {
  mkdirSync(dir, { recursive: true });
  const json = resolve(join(dir, `${result.experiment}.json`));
  writeFileSync(json, `${JSON.stringify(result)}\n`);
  const html = resolve(join(dir, `${result.experiment}.html`));
  writeFileSync(html, renderReport(result, plotlySource()));
  return { json, html };
}

export function readResults(path: string): ExperimentResult {
  return JSON.parse(readFileSync(path, 'utf8')) as ExperimentResult;
}
