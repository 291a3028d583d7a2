/**
 * Codec throughput, ours next to LLNL libzfp in the same run: same fields, same parameters,
 * best of N timed passes after a warm-up, plus a check that both wrote the same bytes.
 *
 *   npx tsx bench/codec.ts [reps]      (default 3)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compress, decompress } from '../src/zfp/index.ts';
import type { ZfpConfig } from '../src/zfp/types.ts';

const BUILD = join(import.meta.dirname, 'build');
const HARNESS = join(BUILD, 'libzfp-bench');
const SOURCE = join(import.meta.dirname, 'libzfp-bench.c');

interface BenchField {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

interface BenchMode {
  readonly label: string;
  /** The harness's MODE argument. */
  readonly harness: string;
  readonly config: ZfpConfig;
}

interface Figures {
  readonly bytes: Uint8Array;
  readonly compressMBs: number;
  readonly decompressMBs: number;
}

const MODES: readonly BenchMode[] = [
  { label: 'precision 16', harness: 'precision=16', config: { mode: 'precision', precision: 16 } },
  { label: 'precision 32', harness: 'precision=32', config: { mode: 'precision', precision: 32 } },
  { label: 'rate 8', harness: 'rate=8', config: { mode: 'rate', rate: 8, align: false } },
  { label: 'rate 16', harness: 'rate=16', config: { mode: 'rate', rate: 16, align: false } },
  { label: 'accuracy 1e-6', harness: 'accuracy=1e-6', config: { mode: 'accuracy', tolerance: 1e-6 } },
  { label: 'reversible', harness: 'reversible', config: { mode: 'reversible' } },
];

/** A smooth float64 field (sums of low-frequency waves), like simulation output. */
function smoothField(name: string, shape: readonly number[]): BenchField {
  const [nx = 1, ny = 1, nz = 1] = shape;
  const data = new Float64Array(nx * ny * nz);
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) data[i] = Math.sin(0.05 * x) * Math.cos(0.07 * y) + 0.5 * Math.sin(0.03 * (x + y + z)) + 0.01 * z;
  return { name, shape, data };
}

/** Compiles the libzfp peer; returns why not when the toolchain or headers are missing. */
function buildHarness(): string | undefined {
  if (!existsSync('/usr/include/zfp.h')) return 'zfp.h not found (install libzfp-dev, e.g. via scripts/setup.sh)';
  mkdirSync(BUILD, { recursive: true });
  const gcc = spawnSync('gcc', ['-O2', SOURCE, '-lzfp', '-lm', '-o', HARNESS], { encoding: 'utf8' });
  if (gcc.error !== undefined) return `gcc not available (${gcc.error.message})`;
  if (gcc.status !== 0) return `gcc failed: ${gcc.stderr.trim()}`;
  return undefined;
}

function bestSeconds(reps: number, run: () => void): number {
  run();
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

function measureOurs(field: BenchField, mode: BenchMode, reps: number): Figures {
  const input = { type: 'float64', shape: field.shape, data: field.data } as const;
  let bytes: Uint8Array = new Uint8Array();
  const compressSeconds = bestSeconds(reps, () => void (bytes = compress(input, mode.config).bytes));
  const spec = { type: 'float64', shape: field.shape, config: mode.config } as const;
  const decompressSeconds = bestSeconds(reps, () => void decompress(bytes, spec));
  const mb = field.data.byteLength / 1e6;
  return { bytes, compressMBs: mb / compressSeconds, decompressMBs: mb / decompressSeconds };
}

function measureLibzfp(field: BenchField, mode: BenchMode, reps: number): Figures {
  const raw = join(BUILD, `${field.name}.raw`);
  if (!existsSync(raw)) writeFileSync(raw, new Uint8Array(field.data.buffer));
  const stream = join(BUILD, `${field.name}.${mode.harness}.zfp`);
  const run = spawnSync(HARNESS, [raw, 'f64', field.shape.join('x'), mode.harness, String(reps), stream], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`libzfp-bench failed: ${run.stderr.trim()}`);
  const figures = JSON.parse(run.stdout) as { compress_mbs: number; decompress_mbs: number };
  return { bytes: new Uint8Array(readFileSync(stream)), compressMBs: figures.compress_mbs, decompressMBs: figures.decompress_mbs };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const cell = (value: number | string, width: number): string => String(value).padStart(width);
const fixed = (value: number): string => value.toFixed(1);

function main(): void {
  const reps = Number(process.argv[2] ?? 3);
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`reps must be a positive integer, got "${process.argv[2]}"`);
  const missing = buildHarness();
  if (missing !== undefined) console.log(`libzfp peer skipped: ${missing}; printing our figures only.`);
  const fields = [smoothField('smooth3d-128', [128, 128, 128]), smoothField('smooth2d-1024', [1024, 1024])];

  console.log(`float64, best of ${reps} after one warm-up; MB/s = uncompressed MB (1e6 bytes) per second`);
  const header = ['field', 'mode', 'ratio', 'ours C', 'zfp C', 'C o/z', 'ours D', 'zfp D', 'D o/z', 'same bytes'];
  const widths = [14, 14, 7, 8, 8, 6, 8, 8, 6, 10];
  const print = (cells: (number | string)[]): void => console.log(cells.map((c, i) => cell(c, widths[i]!)).join(' '));
  print(header);
  let mismatches = 0;
  for (const field of fields) {
    for (const mode of MODES) {
      const ours = measureOurs(field, mode, reps);
      const ratio = (field.data.byteLength / ours.bytes.length).toFixed(2);
      if (missing !== undefined) {
        print([field.name, mode.label, ratio, fixed(ours.compressMBs), '-', '-', fixed(ours.decompressMBs), '-', '-', '-']);
        continue;
      }
      const lib = measureLibzfp(field, mode, reps);
      const same = sameBytes(ours.bytes, lib.bytes);
      if (!same) mismatches++;
      print([
        field.name, mode.label, ratio,
        fixed(ours.compressMBs), fixed(lib.compressMBs), (ours.compressMBs / lib.compressMBs).toFixed(2),
        fixed(ours.decompressMBs), fixed(lib.decompressMBs), (ours.decompressMBs / lib.decompressMBs).toFixed(2),
        same ? 'yes' : 'NO',
      ]);
    }
  }
  if (mismatches > 0) {
    console.log(`${mismatches} row(s) where our compressed bytes differ from libzfp's`);
    process.exitCode = 1;
  }
}

main();
