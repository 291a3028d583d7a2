/**
 * The peer of bench/solvers.ts's inline step: bench/libzfp-diffusion.cpp (zfp 1.0's
 * const_array2d used as zfp's examples/diffusion uses it with -c), built against Debian's
 * libzfp-dev and run on our initial field.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCppPeer } from './libzfp.ts';

/** The built peer and the raw initial field it reads, or why it could not be built. */
export type DiffusionPeer = { readonly harness: string; readonly raw: string } | { readonly missing: string };

/** Compiles the peer and writes the initial n² field it starts from. */
export function buildDiffusionPeer(initial: Float64Array): DiffusionPeer {
  const built = buildCppPeer('libzfp-diffusion', 'zfp/constarray2.hpp');
  if ('missing' in built) return built;
  const raw = join(built.harness, '..', 'diffusion2d-initial.raw');
  writeFileSync(raw, new Uint8Array(initial.buffer, initial.byteOffset, initial.byteLength));
  return { harness: built.harness, raw };
}

/** What the peer runs besides the initial field: n² grid, diffusion number r, its cache and the steps timed. */
export interface DiffusionRun {
  readonly n: number;
  readonly r: number;
  /** Cache lines of 4×4 values (the example's -b). */
  readonly cacheBlocks: number;
  readonly steps: number;
  readonly reps: number;
}

/** CPU seconds per step of the peer in `mode` (as libzfp-bench names it: precision=24, rate=16), best of run.reps. */
export function runDiffusionPeer(peer: { harness: string; raw: string }, mode: string, run: DiffusionRun): number {
  const args = [peer.raw, String(run.n), mode, String(run.r), String(run.cacheBlocks), String(run.steps), String(run.reps)];
  const child = spawnSync(peer.harness, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`libzfp-diffusion failed: ${child.stderr.trim()}`);
  return (JSON.parse(child.stdout) as { ms_per_step: number }).ms_per_step / 1e3;
}
