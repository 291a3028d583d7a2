/** Runs the `zfpwb` program from its TypeScript sources (tsx), as bin/zfpwb.js runs the compiled one. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export const ZFPWB_SOURCE = new URL('../../src/cli/zfpwb.ts', import.meta.url).pathname;
/** tsx's loader by absolute URL, so the program runs from any working directory. */
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

export interface CliResult {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

export function zfpwb(args: readonly string[], options: SpawnSyncOptions = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', TSX, ZFPWB_SOURCE, ...args], { encoding: 'utf8', timeout: 120_000, ...options });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}
