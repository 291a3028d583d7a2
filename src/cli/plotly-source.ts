/** The minified plotly.js bundle reports load (no network at view time): inlined in each page, or one copy beside them. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PlotlyScript } from '../report/html.ts';

/** Pages refer to the shared copy by this relative name, so a folder of reports still opens from the file system. */
export const SHARED_PLOTLY_FILE = 'plotly.min.js';

const bundlePath = (): string => createRequire(import.meta.url).resolve('plotly.js-dist-min');

let cached: string | null = null;

/** The bundle inlined: each page stands alone (about 4.6 MB apiece). */
export function inlinePlotly(): PlotlyScript {
  cached ??= readFileSync(bundlePath(), 'utf8');
  return { inline: cached };
}

/** Copies the bundle into `dir` once for all the pages written there. */
export function sharedPlotly(dir: string): PlotlyScript {
  mkdirSync(dir, { recursive: true });
  copyFileSync(bundlePath(), join(dir, SHARED_PLOTLY_FILE));
  return { src: SHARED_PLOTLY_FILE };
}
