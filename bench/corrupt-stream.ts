/**
 * What a corrupt 1 MB stream costs the decoder: time and peak memory until it is rejected (or
 * decoded), for headers chosen to be as expensive as the format allows. Each case runs in its own
 * process so its peak RSS is its own.
 *
 *   npx tsx bench/corrupt-stream.ts
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BitWriter } from '../src/zfp/bitstream.ts';
import { compress, decompress } from '../src/zfp/field-codec.ts';
import { writeHeader } from '../src/zfp/header.ts';
import { resolveParams } from '../src/zfp/params.ts';
import type { ScalarType, Shape, ZfpConfig } from '../src/zfp/types.ts';

const MB = 2 ** 20;

/** Deterministic noise: a corrupt payload no block layout anticipates. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let a = seed;
  for (let i = 0; i < n; i++) out[i] = (a = (Math.imul(a, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

/** A header for `shape` followed by payload bytes, 1 MB in all. */
function headed(type: ScalarType, shape: Shape, config: ZfpConfig, payload: (n: number) => Uint8Array): Uint8Array {
  const w = new BitWriter(64);
  writeHeader(w, type, shape, resolveParams(config, type, shape.length));
  w.flush(8);
  const head = w.bytes();
  const out = new Uint8Array(MB);
  out.set(head);
  out.set(payload(MB - head.length), head.length);
  return out;
}

/** A valid stream of a larger field cut to its first megabyte, header kept. */
function truncated(): Uint8Array {
  const n = 160;
  const data = Float64Array.from({ length: n ** 3 }, (_, i) => Math.sin(i * 0.01) * 1e3 + (i % 7));
  return compress({ type: 'float64', shape: [n, n, n], data }, { mode: 'precision', precision: 40 }, { header: true }).bytes.slice(0, MB);
}

const CASES: Record<string, () => Uint8Array> = {
  'int64 215^4, precision 64, noise (issue 17)': () => headed('int64', [215, 215, 215, 215], { mode: 'precision', precision: 64 }, (n) => noise(n, 1)),
  'float64 2^28 values (2 GiB), noise': () => headed('float64', [512, 512, 256, 4], { mode: 'precision', precision: 64 }, (n) => noise(n, 2)),
  'float64 2^28 values (2 GiB), zeros then 0xff': () => headed('float64', [512, 512, 256, 4], { mode: 'reversible' }, (n) => new Uint8Array(n).fill(0xff, n >> 1)),
  'float32 400^3, accuracy 1e-3, noise': () => headed('float32', [400, 400, 400], { mode: 'accuracy', tolerance: 1e-3 }, (n) => noise(n, 3)),
  'int32 1024^3 rate 1 (refused)': () => headed('int32', [1024, 1024, 1024], { mode: 'rate', rate: 1 }, (n) => noise(n, 4)),
  'float64 160^3 precision 40, cut to 1 MB': truncated,
};

if (process.argv[2] === '--case') {
  const bytes = CASES[process.argv[3]!]!();
  const before = process.resourceUsage().maxRSS;
  const start = performance.now();
  let outcome: string;
  try {
    const out = decompress(bytes, { header: true });
    outcome = `decoded ${out.data.byteLength} bytes`;
  } catch (error) {
    outcome = `${(error as Error).name}: ${(error as Error).message.slice(0, 70)}`;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024, baseMiB: before / 1024, outcome }));
} else {
  const self = fileURLToPath(import.meta.url);
  console.log('case | decode s | peak RSS MiB (before decode) | outcome');
  for (const name of Object.keys(CASES)) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', name], { encoding: 'utf8' });
    if (run.status !== 0) {
      console.log(`${name} | failed: ${run.stderr.trim().split('\n').pop()}`);
      continue;
    }
    const r = JSON.parse(run.stdout) as { seconds: number; peakMiB: number; baseMiB: number; outcome: string };
    console.log(`${name} | ${r.seconds.toFixed(2)} | ${r.peakMiB.toFixed(0)} (${r.baseMiB.toFixed(0)}) | ${r.outcome}`);
  }
}
