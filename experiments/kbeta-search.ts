/**
 * Adversarial search for blocks that break K_β (docs/theory.md §1): compresses batches of one-block
 * families through the codec in fixed precision and reports, per (type, d, β), the worst
 * err/(K_β‖x_B‖∞). Any ratio above 1 is a bug in the bound or in the codec.
 *
 *   npx tsx experiments/kbeta-search.ts [--blocks N] [--types float64,float32] [--dims 1,2,3,4] [--seed S]
 */
import { compress, decompress } from '../src/zfp/index.ts';
import { kBeta, maxBeta, type ScalarKind } from '../theorems/index.ts';

export type Family = 'random' | 'alternating' | 'wide-range' | 'transform' | 'climb';

export interface SearchRow {
  readonly type: ScalarKind;
  readonly d: number;
  readonly beta: number;
  readonly blocks: number;
  readonly worstRatio: number;
  readonly worstFamily: Family;
}

export interface SearchOptions {
  readonly types?: readonly ScalarKind[];
  readonly dims?: readonly number[];
  readonly betas?: readonly number[];
  /** Blocks per (type, d, β), a quarter of them spent on hill climbing. */
  readonly blocks?: number;
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** Small deterministic generator (mulberry32) so a failing block can be reproduced from the seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sign patterns of the inverse transform's rows: inputs that make one output's error add up. */
const INVERSE_SIGNS = [
  [1, 1, -1, -1],
  [1, 1, 1, 1],
  [1, -1, 1, -1],
  [1, -1, -1, 1],
];

function makeBlock(family: Exclude<Family, 'climb'>, n: number, d: number, rand: () => number): Float64Array {
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (family) {
      case 'random':
        b[i] = 2 * rand() - 1;
        break;
      case 'alternating': {
        let parity = 0;
        for (let k = 0, r = i; k < d; k++, r = Math.floor(r / 4)) parity += r % 4;
        b[i] = (parity % 2 ? -1 : 1) * (0.5 + 0.5 * rand());
        break;
      }
      case 'wide-range':
        b[i] = (rand() < 0.5 ? -1 : 1) * 2 ** (-60 * rand());
        break;
      case 'transform': {
        let s = 1;
        for (let k = 0, r = i; k < d; k++, r = Math.floor(r / 4)) s *= INVERSE_SIGNS[Math.floor(rand() * 4)]![r % 4]!;
        b[i] = s * (1 - 0.01 * rand());
        break;
      }
    }
  }
  return b;
}

/**
 * The ratio is largest when ‖x_B‖ sits at the bottom of its binade (2^(emax−1)): most blocks get
 * one entry set to exactly ±2^(e−1) and the rest scaled below it; the exponent e varies.
 */
function normalize(b: Float64Array, rand: () => number, type: ScalarKind): void {
  let m = 0;
  let at = 0;
  for (let i = 0; i < b.length; i++) if (Math.abs(b[i]!) > m) [m, at] = [Math.abs(b[i]!), i];
  if (m === 0) return;
  const e = Math.floor(rand() * (type === 'float32' ? 60 : 200)) - (type === 'float32' ? 30 : 100);
  const top = rand() < 0.75 ? 2 ** (e - 1) : 2 ** (e - 1) * (1 + rand());
  for (let i = 0; i < b.length; i++) b[i] = (b[i]! / m) * top * 0.999999;
  b[at] = Math.sign(b[at]!) * top;
}

/** Ratios err/(K‖x_B‖) of a batch of blocks, via one multi-block field laid out along x. */
function measure(blocks: Float64Array[], type: ScalarKind, d: number, beta: number, K: number): Float64Array {
  const n = 4 ** d;
  const count = blocks.length;
  const shape = [4 * count, ...Array.from({ length: d - 1 }, () => 4)];
  const data = type === 'float64' ? new Float64Array(n * count) : new Float32Array(n * count);
  const nx = 4 * count;
  const index = (b: number, i: number) => {
    const x = 4 * b + (i % 4);
    return x + nx * Math.floor(i / 4);
  };
  blocks.forEach((blk, b) => blk.forEach((v, i) => (data[index(b, i)] = v)));
  const config = { mode: 'precision' as const, precision: beta };
  const field = { type, shape, data };
  const out = decompress(compress(field, config).bytes, { type, shape, config }).data;
  const ratios = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    let err = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const j = index(b, i);
      const x = Number(data[j]!); // float32 inputs and outputs compared in double
      err = Math.max(err, Math.abs(Number(out[j]!) - x));
      norm = Math.max(norm, Math.abs(x));
    }
    ratios[b] = norm === 0 ? 0 : err / (K * norm);
  }
  return ratios;
}

const BATCH = 128;
const FAMILIES: Exclude<Family, 'climb'>[] = ['random', 'alternating', 'wide-range', 'transform'];

/** Hill climbing: perturb the worst blocks one coordinate at a time, keep what raises the ratio. */
function climb(seeds: { block: Float64Array; ratio: number }[], budget: number, rand: () => number, run: (b: Float64Array[]) => Float64Array): { ratio: number; used: number } {
  let worst = 0;
  let used = 0;
  const pool: { block: Float64Array; ratio: number }[] = seeds.map((s) => ({ ...s, block: s.block.slice() }));
  while (used < budget && pool.length > 0) {
    const trials: Float64Array[] = [];
    const parents: number[] = [];
    for (let t = 0; t < Math.min(BATCH, budget - used); t++) {
      const p = t % pool.length;
      const child = pool[p]!.block.slice();
      let m = 0;
      for (const v of child) m = Math.max(m, Math.abs(v));
      const i = Math.floor(rand() * child.length);
      const r = rand();
      // keep the max entry's magnitude so ‖x_B‖ stays at the binade bottom
      if (Math.abs(child[i]!) === m) child[i] = -child[i]!;
      else if (r < 0.3) child[i] = -child[i]!;
      else if (r < 0.6) child[i] = (rand() < 0.5 ? -1 : 1) * m * (1 - 2 ** (-1 - 50 * rand()));
      else child[i] = child[i]! * (1 + 0.1 * (2 * rand() - 1));
      if (Math.abs(child[i]!) > m) child[i] = Math.sign(child[i]!) * m;
      trials.push(child);
      parents.push(p);
    }
    const ratios = run(trials);
    used += trials.length;
    ratios.forEach((r, t) => {
      worst = Math.max(worst, r);
      const p = pool[parents[t]!]!;
      if (r > p.ratio) pool[parents[t]!] = { block: trials[t]!, ratio: r };
    });
  }
  return { ratio: worst, used };
}

export function searchKBeta(options: SearchOptions = {}): SearchRow[] {
  const types = options.types ?? ['float64', 'float32'];
  const dims = options.dims ?? [1, 2, 3, 4];
  const perCase = options.blocks ?? 10_000;
  const rand = rng(options.seed ?? 20200302);
  const cases = types.flatMap((type) =>
    dims.flatMap((d) => (options.betas ?? Array.from({ length: maxBeta(type) }, (_, i) => i + 1)).filter((b) => b <= maxBeta(type)).map((beta) => ({ type, d, beta }))),
  );
  const rows: SearchRow[] = [];
  cases.forEach(({ type, d, beta }, c) => {
    const K = kBeta(beta, d, type);
    const run = (blocks: Float64Array[]) => measure(blocks, type, d, beta, K);
    const climbBudget = Math.floor(perCase / 4);
    let worst = 0;
    let worstFamily: Family = 'random';
    const elite: { block: Float64Array; ratio: number }[] = [];
    let done = 0;
    while (done < perCase - climbBudget) {
      const family = FAMILIES[Math.floor(done / BATCH) % FAMILIES.length]!;
      const batch = Array.from({ length: Math.min(BATCH, perCase - climbBudget - done) }, () => {
        const b = makeBlock(family, 4 ** d, d, rand);
        normalize(b, rand, type);
        return type === 'float32' ? Float64Array.from(Float32Array.from(b)) : b;
      });
      const ratios = run(batch);
      ratios.forEach((r, i) => {
        if (r > worst) [worst, worstFamily] = [r, family];
        elite.push({ block: batch[i]!, ratio: r });
      });
      elite.sort((a, b) => b.ratio - a.ratio);
      elite.length = Math.min(elite.length, 8);
      done += batch.length;
    }
    const climbed = climb(elite, climbBudget, rand, run);
    if (climbed.ratio > worst) [worst, worstFamily] = [climbed.ratio, 'climb'];
    rows.push({ type, d, beta, blocks: done + climbed.used, worstRatio: worst, worstFamily });
    options.onProgress?.(c + 1, cases.length, `${type} d=${d} β=${beta}`);
  });
  return rows;
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
  const blocks = Number(argValue(args, '--blocks') ?? 10_000);
  const types = (argValue(args, '--types')?.split(',') ?? ['float64', 'float32']) as ScalarKind[];
  const dims = argValue(args, '--dims')?.split(',').map(Number) ?? [1, 2, 3, 4];
  const seed = Number(argValue(args, '--seed') ?? 20200302);
  const started = Date.now();
  const rows = searchKBeta({
    blocks,
    types,
    dims,
    seed,
    onProgress: (done, total, label) => {
      const s = ((Date.now() - started) / 1000).toFixed(0);
      process.stderr.write(`\r[${done}/${total}] ${label} (${s} s)      `);
    },
  });
  process.stderr.write('\n');
  console.log('type     d  beta  blocks   K_beta      worst err/(K‖x‖)  family');
  for (const r of rows) {
    console.log(
      `${r.type.padEnd(8)} ${r.d}  ${String(r.beta).padStart(4)}  ${String(r.blocks).padStart(6)}   ${kBeta(r.beta, r.d, r.type).toExponential(3).padEnd(10)}  ${r.worstRatio.toFixed(4).padStart(10)}        ${r.worstFamily}`,
    );
  }
  const worst = rows.reduce((a, r) => (r.worstRatio > a.worstRatio ? r : a), rows[0]!);
  console.log(`worst overall: ${worst.worstRatio.toFixed(4)} at ${worst.type} d=${worst.d} β=${worst.beta}`);
  if (rows.some((r) => r.worstRatio > 1)) {
    console.log('K_β VIOLATED: some block exceeds the bound');
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
