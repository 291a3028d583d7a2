/**
 * ZfpArray throughput: element access through the block cache next to zfp's own zfp::array3d
 * (bench/libzfp-array-bench.cpp, same field, coordinates and cache sizes), and bulk round trips
 * next to the codec's own compress + decompress on the same field (best of N passes after a warm-up).
 * Each access row is timed over several rounds, a fresh process of ours (see inFreshProcesses)
 * then a zfp run, alternating; each side keeps its best.
 *
 *   npx tsx bench/array.ts [reps] [rounds] [n]      (defaults 3 passes, 3 rounds, 128³)
 */
import { fileURLToPath } from 'node:url';
import { ZfpArray } from '../src/array/zfp-array.ts';
import { compress, decompress } from '../src/zfp/index.ts';
import type { ZfpConfig } from '../src/zfp/types.ts';
import { buildLibzfpArrayHarness, runLibzfpArray, writeArrayField, type ArrayAccessRates } from './libzfp.ts';
import { bestCpuSeconds, bestSeconds, inFreshProcesses, positiveInteger, smoothField } from './measure.ts';

const ACCESSES = 1 << 20;
const CACHE_BLOCKS = [1, 16, 256] as const;
const PATTERNS = ['uniform random', 'random walk', 'raster'] as const;
type Pattern = (typeof PATTERNS)[number];

/** Coordinates (x, y, z interleaved) of an access pattern on an n³ array, the same in every process. */
function coordinates(pattern: Pattern, n: number): Int32Array {
  let seed = 12345;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  if (pattern === 'uniform random') return new Int32Array(3 * ACCESSES).map(() => Math.floor(random() * n));
  if (pattern === 'random walk') {
    // Each access a step of -1, 0 or +1 per axis from the last.
    const walk = new Int32Array(3 * ACCESSES);
    for (let i = 3; i < walk.length; i++) walk[i] = (walk[i - 3]! + Math.floor(random() * 3) - 1 + n) % n;
    return walk;
  }
  return new Int32Array(3 * ACCESSES).map((_, i) => {
    const e = Math.floor(i / 3);
    return [e % n, Math.floor(e / n) % n, Math.floor(e / (n * n)) % n][i % 3]!;
  });
}

const rate = (seconds: number): number => ACCESSES / seconds / 1e6;

/** Child process: time our gets and sets of one row in this process and print their rates (M/s) as JSON. */
function timeRow(pattern: Pattern, lines: number, reps: number, n: number): void {
  const coords = coordinates(pattern, n);
  const a = new ZfpArray([n, n, n], { mode: 'rate', rate: 16 }, { cacheBlocks: lines });
  a.write(smoothField([n, n, n]));
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
  const rates: ArrayAccessRates = { get: rate(get), set: rate(set) };
  console.log(JSON.stringify(rates));
}

const SELF = fileURLToPath(import.meta.url);

/** Best and worst of a side's rounds. */
interface Spread {
  readonly best: number;
  readonly worst: number;
}

const spread = (rates: readonly number[]): Spread => ({ best: Math.max(...rates), worst: Math.min(...rates) });

/**
 * Both sides' rates over `rounds` rounds, each one fresh process of ours then one zfp run: a
 * process of ours runs at one speed for its whole life, so one process is one draw, and
 * alternating lets a stretch of load on the shared machine fall on both sides alike.
 */
function measureRow(pattern: Pattern, lines: number, reps: number, rounds: number, n: number, peerField: string | undefined) {
  const ours: ArrayAccessRates[] = [], zfp: ArrayAccessRates[] = [];
  const coords = peerField === undefined ? undefined : coordinates(pattern, n);
  for (let r = 0; r < rounds; r++) {
    ours.push(inFreshProcesses<ArrayAccessRates>(SELF, ['--row', pattern, String(lines), String(reps), String(n)], 1)[0]!);
    if (peerField !== undefined) zfp.push(runLibzfpArray(peerField, n, pattern, coords!, lines, reps));
  }
  const side = (runs: ArrayAccessRates[]) => (runs.length === 0 ? undefined : { get: spread(runs.map((r) => r.get)), set: spread(runs.map((r) => r.set)) });
  return { ours: side(ours)!, zfp: side(zfp) };
}

/** Our rate, zfp's, ours/zfp and each side's spread (best/worst over rounds) for one operation. */
function accessCells(ours: Spread, zfp: Spread | undefined): string[] {
  const x = (s: Spread): string => (s.best / s.worst).toFixed(2);
  if (zfp === undefined) return [ours.best.toFixed(2), '-', '-', x(ours), '-'];
  return [ours.best.toFixed(2), zfp.best.toFixed(2), (ours.best / zfp.best).toFixed(2), x(ours), x(zfp)];
}

const MODES: readonly [string, ZfpConfig][] = [
  ['rate 16', { mode: 'rate', rate: 16 }],
  ['precision 16', { mode: 'precision', precision: 16 }],
  ['accuracy 1e-6', { mode: 'accuracy', tolerance: 1e-6 }],
  ['reversible', { mode: 'reversible' }],
];

function bulkRates(field: Float64Array, shape: readonly number[], reps: number): string[][] {
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

function main(): void {
  const reps = positiveInteger(process.argv[2], 3, 'reps');
  const rounds = positiveInteger(process.argv[3], 3, 'rounds');
  const n = positiveInteger(process.argv[4], 128, 'n');
  const shape = [n, n, n];
  const field = smoothField(shape);
  console.log(`ZfpArray, ${n}³ float64, best of ${reps} passes after a warm-up, best over ${rounds} rounds (a fresh process of ours, then a zfp run)\n`);
  const missing = buildLibzfpArrayHarness();
  const peerField = missing === undefined ? writeArrayField(field) : undefined;
  console.log(`Element access at rate 16, ${ACCESSES} accesses per pass (set passes end with flush), millions per second of CPU time; zfp = zfp::array3d;`);
  console.log('spread = best/worst rate over the rounds, ours then zfp');
  if (missing !== undefined) console.log(`(no zfp peer: ${missing})`);
  const columns = (op: string): string[] => [`${op} M/s`, 'zfp', 'ours/zfp', 'spread', 'zfp spread'];
  // Rows print as they are measured (a row takes minutes), so the widths are fixed: the longest pattern, then the header or 6.
  const header = ['pattern', 'cache blocks', ...columns('get'), ...columns('set')];
  const widths = header.map((h, c) => (c === 0 ? Math.max(...PATTERNS.map((p) => p.length)) : Math.max(h.length, 6)));
  const print = (cells: string[]): void => console.log(cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '));
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  for (const pattern of PATTERNS) {
    for (const lines of CACHE_BLOCKS) {
      const { ours, zfp } = measureRow(pattern, lines, reps, rounds, n, peerField);
      print([pattern, String(lines), ...accessCells(ours.get, zfp?.get), ...accessCells(ours.set, zfp?.set)]);
    }
  }
  console.log('\nBulk round trip (write + read) against the codec (compress + decompress), MB/s of float64 input, in this process');
  console.log(table(['mode', 'codec MB/s', 'array MB/s', 'array/codec'], bulkRates(field, shape, reps)));
}

if (process.argv[2] === '--row') {
  const pattern = PATTERNS.find((p) => p === process.argv[3]);
  if (pattern === undefined) throw new Error(`unknown pattern "${process.argv[3]}": expected one of ${PATTERNS.join(', ')}`);
  timeRow(pattern, positiveInteger(process.argv[4], 16, 'cache blocks'), positiveInteger(process.argv[5], 3, 'reps'), positiveInteger(process.argv[6], 128, 'n'));
} else main();
