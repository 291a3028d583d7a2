/**
 * ZfpArray throughput: element access through the block cache next to zfp's own zfp::array3d
 * (bench/libzfp-array-bench.cpp, same field, coordinates and cache sizes), and bulk round trips
 * next to the codec's own compress + decompress on the same field (best of N passes after a warm-up).
 *
 *   npx tsx bench/array.ts [reps] [n]      (default 3 passes, 128³)
 */
import { ZfpArray } from '../src/array/zfp-array.ts';
import { compress, decompress } from '../src/zfp/index.ts';
import type { ZfpConfig } from '../src/zfp/types.ts';
import { buildLibzfpArrayHarness, runLibzfpArray, writeArrayField } from './libzfp.ts';
import { bestCpuSeconds, bestSeconds, positiveInteger, smoothField } from './measure.ts';

const reps = positiveInteger(process.argv[2], 3, 'reps');
const n = positiveInteger(process.argv[3], 128, 'n');
const shape = [n, n, n];
const ACCESSES = 1 << 20;

/** Coordinates (x, y, z interleaved) of the access patterns, drawn before timing. */
function patterns(): Record<string, Int32Array> {
  let seed = 12345;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const uniform = new Int32Array(3 * ACCESSES).map(() => Math.floor(random() * n));
  // A random walk: each access a step of -1, 0 or +1 per axis from the last.
  const walk = new Int32Array(3 * ACCESSES);
  for (let i = 3; i < walk.length; i++) walk[i] = (walk[i - 3]! + Math.floor(random() * 3) - 1 + n) % n;
  const raster = new Int32Array(3 * ACCESSES).map((_, i) => {
    const e = Math.floor(i / 3);
    return [e % n, Math.floor(e / n) % n, Math.floor(e / (n * n)) % n][i % 3]!;
  });
  return { 'uniform random': uniform, 'random walk': walk, raster };
}

const rate = (seconds: number): number => ACCESSES / seconds / 1e6;

/** Element access through ours and through zfp::array3d (when it builds), the two timed one after the other per row. */
function accessRates(field: Float64Array, peer: string | undefined): string[][] {
  const rows: string[][] = [];
  const raw = peer === undefined ? writeArrayField(field) : '';
  for (const [name, coords] of Object.entries(patterns())) {
    for (const lines of [1, 16, 256]) {
      const a = new ZfpArray(shape, { mode: 'rate', rate: 16 }, { cacheBlocks: lines });
      a.write(field);
      let sink = 0;
      // The sum stays local to the pass, as the peer's does: a captured variable would box every double added to it.
      const get = bestCpuSeconds(reps, () => {
        let sum = 0;
        for (let i = 0; i < coords.length; i += 3) sum += a.get(coords[i]!, coords[i + 1]!, coords[i + 2]!);
        sink += sum;
      });
      const set = bestCpuSeconds(reps, () => {
        for (let i = 0; i < coords.length; i += 3) a.set(coords[i]!, coords[i + 1]!, coords[i + 2]!, i);
        a.flush();
      });
      if (Number.isNaN(sink)) throw new Error('unreachable');
      const zfp = peer === undefined ? runLibzfpArray(raw, n, name, coords, lines, reps) : undefined;
      const ratio = (ours: number, theirs: number | undefined): string[] => (theirs === undefined ? ['-', '-'] : [theirs.toFixed(2), (ours / theirs).toFixed(2)]);
      rows.push([name, String(lines), rate(get).toFixed(2), ...ratio(rate(get), zfp?.get), rate(set).toFixed(2), ...ratio(rate(set), zfp?.set)]);
    }
  }
  return rows;
}

const MODES: readonly [string, ZfpConfig][] = [
  ['rate 16', { mode: 'rate', rate: 16 }],
  ['precision 16', { mode: 'precision', precision: 16 }],
  ['accuracy 1e-6', { mode: 'accuracy', tolerance: 1e-6 }],
  ['reversible', { mode: 'reversible' }],
];

function bulkRates(field: Float64Array): string[][] {
  const mb = field.byteLength / 1e6;
  const out = new Float64Array(field.length);
  return MODES.map(([label, config]) => {
    const input = { type: 'float64', shape, data: field } as const;
    const spec = { type: 'float64', shape, config } as const;
    const codec = bestSeconds(reps, () => void decompress(compress(input, config).bytes, spec));
    const a = new ZfpArray(shape, config);
    const array = bestSeconds(reps, () => {
      a.write(field);
      a.read(out);
    });
    return [label, (mb / codec).toFixed(1), (mb / array).toFixed(1), (codec / array).toFixed(2)];
  });
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const field = smoothField(shape);
console.log(`ZfpArray, ${n}³ float64, best of ${reps}\n`);
const peer = buildLibzfpArrayHarness();
console.log(`Element access at rate 16, ${ACCESSES} accesses per pass (set passes end with flush), per second of CPU time; zfp = zfp::array3d`);
if (peer !== undefined) console.log(`(no zfp peer: ${peer})`);
console.log(table(['pattern', 'cache blocks', 'get M/s', 'zfp', 'ours/zfp', 'set M/s', 'zfp', 'ours/zfp'], accessRates(field, peer)));
console.log('\nBulk round trip (write + read) against the codec (compress + decompress), MB/s of float64 input');
console.log(table(['mode', 'codec MB/s', 'array MB/s', 'array/codec'], bulkRates(field)));
