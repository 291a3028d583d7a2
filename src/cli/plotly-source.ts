/** Node-only: the minified plotly.js bundle that every report inlines (no network at view time). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cached: string | null = null;

export function plotlySource(): string {
  cached ??= readFileSync(createRequire(import.meta.url).resolve('plotly.js-dist-min'), 'utf8');
  return cached;
}
