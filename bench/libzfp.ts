/**
 * The libzfp peer of the benchmarks: builds bench/libzfp-bench.c against Debian's libzfp and runs
 * it on a raw field, so our figures can be stated as ratios to libzfp measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZfpConfig } from '../src/zfp/types.ts';

const BUILD = join(import.meta.dirname, 'build');
const HARNESS = join(BUILD, 'libzfp-bench');
const SOURCE = join(import.meta.dirname, 'libzfp-bench.c');

/** A compression mode as our codec takes it and as the harness's MODE argument names it (e.g. precision=16). */
export interface PeerMode {
  readonly label: string;
  readonly harness: string;
  readonly config: ZfpConfig;
}

/** What one harness run measured (MB = 10^6 uncompressed bytes). */
export interface LibzfpFigures {
  readonly stream: Uint8Array;
  readonly compressMBs: number;
  readonly decompressMBs: number;
}

/** Compiles the libzfp peer; returns why not when the toolchain or headers are missing. */
export function buildLibzfpHarness(): string | undefined {
  if (!existsSync('/usr/include/zfp.h')) return 'zfp.h not found (install libzfp-dev, e.g. via scripts/setup.sh)';
  mkdirSync(BUILD, { recursive: true });
  const gcc = spawnSync('gcc', ['-O2', SOURCE, '-lzfp', '-lm', '-o', HARNESS], { encoding: 'utf8' });
  if (gcc.error !== undefined) return `gcc not available (${gcc.error.message})`;
  if (gcc.status !== 0) return `gcc failed: ${gcc.stderr.trim()}`;
  return undefined;
}

/** Compress and decompress a float64 field with libzfp, best of `reps`; `mode` as the harness takes it (e.g. precision=16). */
export function runLibzfp(name: string, data: Float64Array, shape: readonly number[], mode: string, reps: number): LibzfpFigures {
  const raw = join(BUILD, `${name}.raw`);
  writeFileSync(raw, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  const stream = join(BUILD, `${name}.${mode}.zfp`);
  const run = spawnSync(HARNESS, [raw, 'f64', shape.join('x'), mode, String(reps), stream], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`libzfp-bench failed: ${run.stderr.trim()}`);
  const figures = JSON.parse(run.stdout) as { compress_mbs: number; decompress_mbs: number };
  return { stream: new Uint8Array(readFileSync(stream)), compressMBs: figures.compress_mbs, decompressMBs: figures.decompress_mbs };
}
