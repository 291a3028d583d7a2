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

const ARRAY_HARNESS = join(BUILD, 'libzfp-array-bench');

/**
 * Compiles a C++ peer in bench/ (`name`.cpp) against libzfp into bench/build/`name`, which it
 * returns; or why not, when g++ or `header` (under /usr/include) is missing.
 */
export function buildCppPeer(name: string, header: string): { harness: string } | { missing: string } {
  if (!existsSync(join('/usr/include', header))) return { missing: `${header} not found (install libzfp-dev, e.g. via scripts/setup.sh)` };
  mkdirSync(BUILD, { recursive: true });
  const harness = join(BUILD, name);
  const gxx = spawnSync('g++', ['-O2', '-std=c++11', join(import.meta.dirname, `${name}.cpp`), '-lzfp', '-o', harness], { encoding: 'utf8' });
  if (gxx.error !== undefined) return { missing: `g++ not available (${gxx.error.message})` };
  if (gxx.status !== 0) return { missing: `g++ failed: ${gxx.stderr.trim()}` };
  return { harness };
}

/** Compiles the zfp::array3d peer of bench/array.ts; returns why not when g++ or the headers are missing. */
export function buildLibzfpArrayHarness(): string | undefined {
  const built = buildCppPeer('libzfp-array-bench', 'zfp/array3.hpp');
  return 'missing' in built ? built.missing : undefined;
}

/** Millions of element gets and sets per second through zfp::array3d at rate 16. */
export interface ArrayAccessRates {
  readonly get: number;
  readonly set: number;
}

/** Writes a float64 n³ field for runLibzfpArray; returns its path. */
export function writeArrayField(data: Float64Array): string {
  const raw = join(BUILD, 'array-field.raw');
  writeFileSync(raw, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return raw;
}

/** Time zfp::array3d on the field at `raw` (n³) along `coords` (x, y, z triples), best of `reps`. */
export function runLibzfpArray(raw: string, n: number, name: string, coords: Int32Array, cacheBlocks: number, reps: number): ArrayAccessRates {
  const path = join(BUILD, `array-${name.replace(/\W+/g, '-')}.coords`);
  writeFileSync(path, new Uint8Array(coords.buffer, coords.byteOffset, coords.byteLength));
  const run = spawnSync(ARRAY_HARNESS, [raw, String(n), path, String(cacheBlocks), String(reps)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`libzfp-array-bench failed: ${run.stderr.trim()}`);
  const figures = JSON.parse(run.stdout) as { get_mps: number; set_mps: number };
  return { get: figures.get_mps, set: figures.set_mps };
}
