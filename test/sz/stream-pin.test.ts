/**
 * Pins the exact stream bytes and decoded bits for a spread of fields and bounds: speed work on the
 * codec must leave both unchanged. The digests were taken before that work; a format change that
 * means to alter them has to bump the stream version and update them on purpose.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compress, decompress, stages } from '../../src/sz/index.ts';
import type { SzConfig, SzField, SzScalarType } from '../../src/sz/index.ts';

/** Smooth part, a little deterministic noise, and a few values no bin can hold (NaN, ±∞, huge). */
function field(type: SzScalarType, shape: number[], noise: number, specials: boolean): SzField {
  const [nx = 1, ny = 1, nz = 1] = shape;
  const n = nx * ny * nz;
  const data = type === 'float32' ? new Float32Array(n) : new Float64Array(n);
  let seed = 12345;
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        data[i] = Math.sin(0.05 * x) * Math.cos(0.07 * y) + 0.5 * Math.sin(0.03 * (x + y + z)) + 0.01 * z + noise * (seed / 2 ** 32 - 0.5);
      }
  if (specials) [data[3], data[n >> 1], data[n - 2], data[n - 1]] = [NaN, Infinity, -1e300, 5e-324];
  return { type, shape, data };
}

const CASES: { name: string; field: SzField; config: SzConfig; radius?: number }[] = [
  ...[1e-4, 1e-8, 1e-12].map((tolerance) => ({ name: `2D 64² smooth abs ${tolerance}`, field: field('float64', [64, 64], 0, false), config: { mode: 'abs', tolerance } as const })),
  { name: '2D 64² noisy abs 1e-6 with specials', field: field('float64', [64, 64], 1e-3, true), config: { mode: 'abs', tolerance: 1e-6 } },
  { name: '2D 64² abs 0 (all exact)', field: field('float64', [64, 64], 0, false), config: { mode: 'abs', tolerance: 0 } },
  { name: '1D 5000 float32 rel 1e-3', field: field('float32', [5000], 1e-2, true), config: { mode: 'rel', ratio: 1e-3 } },
  { name: '3D 17×9×5 abs 1e-5', field: field('float64', [17, 9, 5], 1e-4, false), config: { mode: 'abs', tolerance: 1e-5 } },
  { name: '2D 40×30 radius 8 abs 1e-7', field: field('float64', [40, 30], 1e-5, false), config: { mode: 'abs', tolerance: 1e-7 }, radius: 8 },
  { name: '1D 3 constant', field: { type: 'float64', shape: [3], data: Float64Array.from([2, 2, 2]) }, config: { mode: 'rel', ratio: 1e-2 } },
];

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const PINNED: Record<string, [stream: string, decoded: string]> = {
  '2D 64² smooth abs 0.0001': ['746a78103318bb28', '28e6775001ba76c5'],
  '2D 64² smooth abs 1e-8': ['d647b6248e273abd', '0f93c2b0011442fb'],
  '2D 64² smooth abs 1e-12': ['45746352c29631c3', 'dff47502073cf1c2'],
  '2D 64² noisy abs 1e-6 with specials': ['aa75ff9e34df8888', '6b76f39052ceee67'],
  '2D 64² abs 0 (all exact)': ['4afd5247e64f2a9a', 'dff47502073cf1c2'],
  '1D 5000 float32 rel 1e-3': ['8768f2650addc18e', '60b214a7ba684c09'],
  '3D 17×9×5 abs 1e-5': ['9577985c4ba13820', '5c62b8d12bed2ac5'],
  '2D 40×30 radius 8 abs 1e-7': ['45b82f3c02717493', '622ce29c78da44c8'],
  '1D 3 constant': ['68fd4ea123dda364', 'd8d6f3145190a40b'],
};

describe('SZ-style stream bytes', () => {
  it.each(CASES)('$name: stream and decoded bits match the pinned digests', ({ name, field: f, config, radius }) => {
    const stream = compress(f, config, radius === undefined ? {} : { radius });
    const out = decompress(stream).data;
    const got = [digest(stream), digest(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))];
    expect(got).toEqual(PINNED[name]);
  });
});

const PINNED_HUFFMAN = [
  '0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27',
  '24,5,10,15,20,24,2,7,12,17,22,24,4,9,14,19,23,1,6,11,16,22,24,3,8,13,18,23',
  '04ab3c1c8d025e99',
];

describe('Huffman stage bytes', () => {
  it('pins the length-limited code of Fibonacci counts (lengths rescaled to fit) and its bits', () => {
    const counts: number[] = [1, 1];
    while (counts.length < 28) counts.push(counts.at(-1)! + counts.at(-2)!);
    const symbols = new Uint16Array(counts.reduce((a, b) => a + b, 0));
    // Interleave the symbols so the bit stream depends on more than the run lengths.
    for (let s = 0, at = 0; s < counts.length; at += counts[s]!, s++) symbols.fill((s * 11) % 28, at, at + counts[s]!);
    for (let i = symbols.length - 1, seed = 7; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [symbols[i], symbols[j]] = [symbols[j]!, symbols[i]!];
    }
    const table = stages.buildTable(symbols, 40);
    const bits = stages.huffmanEncode(symbols, table, 40);
    expect([Array.from(table.symbols).join(','), Array.from(table.lengths).join(','), digest(bits)]).toEqual(PINNED_HUFFMAN);
  });
});
