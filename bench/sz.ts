/**
 * The SZ-style codec beside ZFP and Debian's fpzip on the same smooth fields: compress and
 * decompress MB/s (best of N after a warm-up, in this process), compression ratio and the max
 * error measured, at absolute bounds e = 1e-2, 1e-4, 1e-6 of a field of range about 3.
 * ZFP runs in fixed-accuracy mode with τ = e (its bound is also absolute); fpzip, which only has a
 * precision knob, gets the smallest precision whose measured max error is ≤ e ("ratio at matched
 * max error"). A last table weighs the lossless final stage: the SZ body raw, through fflate's
 * DEFLATE, and through the zstd tool (-19) when installed.
 *
 *   npx tsx bench/sz.ts [reps]      (default 5; fpzip and zstd: bash scripts/setup-bench.sh)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sz from '../src/sz/index.ts';
import { compress as zfpCompress, decompress as zfpDecompress } from '../src/zfp/index.ts';
import { bestSeconds, positiveInteger, smoothField } from './measure.ts';

const FIELDS = [
  { name: '1D 1M', shape: [1 << 20] },
  { name: '2D 1024²', shape: [1024, 1024] },
  { name: '3D 96³', shape: [96, 96, 96] },
] as const;
const BOUNDS = [1e-2, 1e-4, 1e-6];

const maxError = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

const have = (tool: string): boolean => spawnSync(tool, ['-h'], { encoding: 'utf8' }).error === undefined;

/** fpzip's best ratio among precisions whose max error is ≤ e (null without the tool or if none is). */
function fpzipAtError(dir: string, shape: readonly number[], data: Float64Array, e: number): { ratio: number; precision: number; maxError: number } | null {
  const raw = join(dir, 'field.raw');
  writeFileSync(raw, new Uint8Array(data.buffer));
  const dims = [`-${shape.length}`, ...shape.map(String)];
  for (let precision = 8; precision <= 64; precision += 2) {
    const packed = join(dir, 'field.fpz');
    const back = join(dir, 'back.raw');
    const c = spawnSync('fpzip', ['-q', '-t', 'double', '-p', String(precision), ...dims, '-i', raw, '-o', packed]);
    const d = spawnSync('fpzip', ['-q', '-d', '-t', 'double', ...dims, '-i', packed, '-o', back]);
    if (c.status !== 0 || d.status !== 0) return null;
    const out = new Float64Array(new Uint8Array(readFileSync(back)).buffer);
    const err = maxError(out, data);
    if (err <= e) return { ratio: data.byteLength / readFileSync(packed).length, precision, maxError: err };
  }
  return null;
}

const mbs = (bytes: number, seconds: number): string => (bytes / 1e6 / seconds).toFixed(1);
const g = (x: number): string => x.toPrecision(3);

function main(): void {
  const reps = positiveInteger(process.argv[2], 5, 'reps');
  const dir = mkdtempSync(join(tmpdir(), 'bench-sz-'));
  const fpzip = have('fpzip');
  const zstd = spawnSync('zstd', ['--version']).error === undefined;
  console.log('field      e      | SZ comp MB/s  decomp MB/s  ratio   maxerr    | ZFP(τ=e) comp  decomp  ratio   maxerr    | fpzip ratio (p, maxerr)');
  const stages: string[] = [];
  try {
    for (const f of FIELDS) {
      const data = smoothField(f.shape);
      for (const e of BOUNDS) {
        const field = { type: 'float64', shape: f.shape, data } as const;
        let stream: Uint8Array = new Uint8Array();
        const szC = bestSeconds(reps, () => void (stream = sz.compress(field, { mode: 'abs', tolerance: e })));
        let szOut: ArrayLike<number> = [];
        const szD = bestSeconds(reps, () => void (szOut = sz.decompress(stream).data));
        let zfpBytes: Uint8Array = new Uint8Array();
        const config = { mode: 'accuracy', tolerance: e } as const;
        const zfpC = bestSeconds(reps, () => void (zfpBytes = zfpCompress(field, config).bytes));
        const into = new Float64Array(data.length);
        const zfpD = bestSeconds(reps, () => void zfpDecompress(zfpBytes, { type: 'float64', shape: f.shape, config }, { into }));
        const peer = fpzip ? fpzipAtError(dir, f.shape, data, e) : null;
        const peerText = peer ? `${g(peer.ratio)} (p=${peer.precision}, ${g(peer.maxError)})` : fpzip ? 'none ≤ e' : 'fpzip not installed (bash scripts/setup-bench.sh)';
        console.log(
          `${f.name.padEnd(10)} ${e.toExponential(0).padEnd(6)} | ${mbs(data.byteLength, szC).padStart(12)} ${mbs(data.byteLength, szD).padStart(12)} ${g(data.byteLength / stream.length).padStart(6)}  ${g(maxError(szOut, data)).padEnd(9)} | ` +
            `${mbs(data.byteLength, zfpC).padStart(13)} ${mbs(data.byteLength, zfpD).padStart(7)} ${g(data.byteLength / zfpBytes.length).padStart(6)}  ${g(maxError(into, data)).padEnd(9)} | ${peerText}`,
        );
        // The final stage's share: body before DEFLATE, after it, and after zstd -19.
        const q = sz.stages.quantize(field, e);
        const table = sz.stages.buildTable(q.codes, 2 * sz.stages.DEFAULT_RADIUS);
        const huff = sz.stages.huffmanEncode(q.codes, table, 2 * sz.stages.DEFAULT_RADIUS);
        const body = new Uint8Array(huff.length + q.unpredictable.byteLength);
        body.set(huff);
        body.set(new Uint8Array(q.unpredictable.buffer), huff.length);
        const deflated = sz.stages.losslessCompress(body).length;
        let zstdBytes = 'zstd not installed';
        if (zstd) {
          const file = join(dir, 'body.bin');
          writeFileSync(file, body);
          // Into a file: spawnSync's stdout buffer stops at 1 MiB.
          const packed = join(dir, 'body.zst');
          spawnSync('zstd', ['-19', '-q', '-f', file, '-o', packed]);
          zstdBytes = String(readFileSync(packed).length);
        }
        stages.push(`${f.name.padEnd(10)} ${e.toExponential(0).padEnd(6)} | ${String(body.length).padStart(10)} ${String(deflated).padStart(10)} ${zstdBytes.padStart(10)}`);
      }
    }
    console.log('\nlossless final stage on the Huffman-coded body (bytes):');
    console.log('field      e      |        raw    DEFLATE   zstd -19');
    for (const line of stages) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
