import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZfpArray } from '../../src/array/zfp-array.ts';
import { BitWriter, compress, decompress } from '../../src/zfp/index.ts';
import type { Shape, ZfpConfig } from '../../src/zfp/types.ts';
import { MODES, smooth } from './zfp-helpers.ts';

/** The array's blocks, concatenated in order and padded as zfp pads its stream (8-bit words). */
function blockStream(a: ZfpArray): Uint8Array {
  const total = [...a.blocks()].reduce((s, b) => s + b.bits, 0);
  const w = new BitWriter(total / 8 + 8);
  for (let b = 0; b < a.blockCount; b++) a.copyBlockBits(b, w);
  w.flush(8);
  return w.bytes();
}

const SHAPES: readonly Shape[] = [[13], [9, 6], [5, 7, 6], [5, 4, 3, 6], [16, 8]];

describe('ZfpArray blocks and the whole-field stream', () => {
  it.each(MODES.flatMap((config) => SHAPES.map((shape) => [config, shape] as const)))('%j %j: a bulk write gives the codec stream', (config, shape) => {
    const a = new ZfpArray(shape, config);
    const data = smooth(a.length, shape.length);
    a.write(data);
    const c = compress({ type: 'float64', shape, data }, config);
    expect(blockStream(a)).toEqual(c.bytes);
    expect(a.byteLength).toBe(Math.ceil([...a.blocks()].reduce((s, b) => s + b.bits, 0) / 8));
    expect([...a.blocks()].map((b) => b.bits)).toEqual([...c.blocks.bits]);
  });

  it.each(MODES)('%j: float32 arrays give the codec stream of the float32 field', (config) => {
    const shape = [6, 7, 5];
    const a = new ZfpArray(shape, config, { type: 'float32' });
    const data = smooth(a.length);
    a.write(data);
    expect(blockStream(a)).toEqual(compress({ type: 'float32', shape, data: Float32Array.from(data) }, config).bytes);
  });

  it('blocks rewritten one by one in any order (moved, repacked) still form the stream of the final field', () => {
    const configs: ZfpConfig[] = [{ mode: 'reversible' }, { mode: 'rate', rate: 9 }];
    fc.assert(
      fc.property(fc.constantFrom(...configs), fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(fc.nat(11), fc.nat(9), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 200 }), (config, lines, writes) => {
        const shape = [12, 10];
        const a = new ZfpArray(shape, config, { cacheBlocks: lines });
        // Start small (zeros), then grow blocks by writing varied values: they outgrow their slots.
        const field = new Float64Array(120);
        for (const [x, y, v] of writes) {
          a.set([x, y], v);
          field[x + 12 * y] = v;
        }
        if (config.mode === 'reversible') {
          expect(blockStream(a)).toEqual(compress({ type: 'float64', shape, data: field }, config).bytes);
        } else {
          // Lossy: values evicted earlier were rounded before their block was written again; the blocks still decode alone.
          const out = new Float64Array(120);
          a.read(out);
          expect(decompress(blockStream(a), { type: 'float64', shape, config }).data).toEqual(out);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('errors stay within what each mode promises, block by block', () => {
    const shape = [10, 9, 7];
    const data = smooth(630, 3).map((v, i) => v * 10 ** ((i % 7) - 3));
    const tolerance = 1e-5;
    const acc = new ZfpArray(shape, { mode: 'accuracy', tolerance });
    acc.write(data);
    const rev = new ZfpArray(shape, { mode: 'reversible' });
    rev.write(data);
    const block = new Float64Array(64);
    const exact = new Float64Array(64);
    for (const info of acc.blocks()) {
      acc.readBlock(info.index, block);
      rev.readBlock(info.index, exact);
      const [ox, oy, oz] = info.origin as [number, number, number];
      const [mx, my, mz] = info.extent as [number, number, number];
      for (let z = 0; z < mz; z++)
        for (let y = 0; y < my; y++)
          for (let x = 0; x < mx; x++) {
            const v = data[ox + x + 10 * (oy + y + 9 * (oz + z))]!;
            expect(Math.abs(block[x + 4 * (y + 4 * z)]! - v)).toBeLessThanOrEqual(tolerance);
            expect(exact[x + 4 * (y + 4 * z)]).toBe(v);
          }
    }
  });
});
