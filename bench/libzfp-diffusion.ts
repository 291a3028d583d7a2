/**
 * The peer of bench/solvers.ts's inline step: builds bench/libzfp-diffusion.cpp (zfp 1.0's
 * const_array2d used as zfp's examples/diffusion uses it with -c) against Debian's libzfp-dev
 * and runs it on our initial field.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = join(import.meta.dirname, 'build');
const HARNESS = join(BUILD, 'libzfp-diffusion');
const SOURCE = join(import.meta.dirname, 'libzfp-diffusion.cpp');

/** Compiles the peer; returns why not when g++ or the headers are missing. */
export function buildDiffusionPeer(): string | undefined {
  if (!existsSync('/usr/include/zfp/constarray2.hpp')) return 'zfp/constarray2.hpp not found (install libzfp-dev, e.g. via scripts/setup.sh)';
  mkdirSync(BUILD, { recursive: true });
  const gxx = spawnSync('g++', ['-O2', '-std=c++11', SOURCE, '-lzfp', '-o', HARNESS], { encoding: 'utf8' });
  if (gxx.error !== undefined) return `g++ not available (${gxx.error.message})`;
  if (gxx.status !== 0) return `g++ failed: ${gxx.stderr.trim()}`;
  return undefined;
}

/** What the peer is given besides the initial field: n² grid, diffusion number r, its cache and the steps timed. */
export interface DiffusionRun {
  readonly n: number;
  readonly r: number;
  /** Cache lines of 4×4 values (the example's -b). */
  readonly cacheBlocks: number;
  readonly steps: number;
  readonly reps: number;
}

/** Writes the initial n² field for runDiffusionPeer; returns its path. */
export function writeDiffusionField(initial: Float64Array): string {
  const raw = join(BUILD, `diffusion2d-${Math.round(Math.sqrt(initial.length))}.raw`);
  writeFileSync(raw, new Uint8Array(initial.buffer, initial.byteOffset, initial.byteLength));
  return raw;
}

/** Seconds per step of the peer in `mode` (as libzfp-bench names it: precision=24, rate=16), best of run.reps. */
export function runDiffusionPeer(raw: string, mode: string, run: DiffusionRun): number {
  const args = [raw, String(run.n), mode, String(run.r), String(run.cacheBlocks), String(run.steps), String(run.reps)];
  const peer = spawnSync(HARNESS, args, { encoding: 'utf8' });
  if (peer.status !== 0) throw new Error(`libzfp-diffusion failed: ${peer.stderr.trim()}`);
  return (JSON.parse(peer.stdout) as { ms_per_step: number }).ms_per_step / 1e3;
}
