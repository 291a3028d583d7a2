import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter } from '../../src/zfp/bitstream.ts';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';
import { blockPosition, placeBlock } from '../../src/zfp/fast/gather.ts';
import { compress, decompress } from '../../src/zfp/field-codec.ts';
import { layoutOf } from '../../src/zfp/layout.ts';
import { maximumSize, resolveParams } from '../../src/zfp/params.ts';
import { decodeBlockStaged, encodeBlockStaged } from '../../src/zfp/stages/index.ts';
import type { ZfpConfig } from '../../src/zfp/types.ts';
import { blockShape, sameBits, typedArrayOf, type FloatType } from './block-gen.ts';

// The one-word plane coder (1D and 2D blocks) takes two planes at a time once every coefficient
// is significant: each plane is then its 4 or 16 bits alone. These tests hold it to the stage
// coder on blocks that reach that state after a plane or two (noise, values at the edge of their
// exponent, alternating signs) and on smooth ones that reach it late, at every precision, at
// tolerances, and at every budget length, where a pair of planes may straddle the budget's end;
// full float64 blocks also through the single-block encoder and decoder (ZfpArray's path).

let seed = 99;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

function denseBlocks(size: number, type: FloatType): number[][] {
  return [
    Array.from({ length: size }, () => random() * 2 - 1),
    Array.from({ length: size }, (_, i) => (i % 2 ? -1 : 1) * (1 - 2 ** -52 * Math.floor(random() * 8))),
    Array.from({ length: size }, () => (random() < 0.5 ? -1 : 1) * (0.5 + random() / 2) * 2 ** (type === 'float64' ? 900 : 100)),
    Array.from({ length: size }, (_, i) => Math.sin(0.7 * i) + 1e-3 * random()),
    Array.from({ length: size }, (_, i) => 1 + i * 2 ** -40),
  ];
}

/** Encode and decode one block both ways: the bulk codec (field and single-block paths) and the stage coder agree bit for bit. */
function check(type: FloatType, dims: number, values: number[], config: ZfpConfig): void {
  const shape = blockShape(dims);
  const bulk = compress({ type, shape, data: typedArrayOf(type, values) }, config);
  const params = resolveParams(config, type, dims);
  const writer = new BitWriter(maximumSize(params, type, dims, 1));
  encodeBlockStaged(writer, values, type, dims, params);
  writer.flush(8);
  expect(writer.bytes()).toEqual(bulk.bytes);
  const staged = decodeBlockStaged(new BitReader(bulk.bytes), type, dims, params);
  const unpacked = decompress(bulk.bytes, { type, shape, config });
  expect(sameBits(staged.values, unpacked.data as Float64Array, type)).toBe(true);
  expect(unpacked.blocks.planes[0]).toBe(staged.trace.planes);
  expect(unpacked.blocks.bits[0]).toBe(staged.trace.bits);
  if (type === 'float64') {
    // The single-block path (ZfpArray's), the block inside a larger field with reversed axes.
    const n = 2 * 4, shapeIn = dims === 1 ? [n] : [n, n], size = n ** dims;
    const L = layoutOf(shapeIn, dims === 1 ? [-1] : [-1, -n], size - 1), at = blockPosition(L);
    placeBlock(at, L, 4, dims === 1 ? 0 : 4, 0, 0);
    const field = Float64Array.from({ length: size }, () => random() - 0.5);
    for (let i = 0; i < values.length; i++) field[at.base + (at.rows[i >> 2] ?? 0) - (i & 3)] = values[i]!;
    const codec = new BlockCodec(type, dims, params);
    const w = new BitWriter(maximumSize(params, type, dims, 1));
    expect(codec.encodeFloat64From(w, field, L, at)).toBe(staged.trace.bits);
    w.flush(8);
    expect(w.bytes()).toEqual(bulk.bytes);
    const decoded = new Float64Array(size);
    expect(codec.decodeFloat64Into(new BitReader(bulk.bytes), decoded, L, at)).toBe(staged.trace.bits);
    expect(codec.planes).toBe(staged.trace.planes);
    for (let i = 0; i < values.length; i++) expect(Object.is(decoded[at.base + (at.rows[i >> 2] ?? 0) - (i & 3)], staged.values[i])).toBe(true);
  }
}

describe('one-word coder on blocks of all-significant planes', () => {
  for (const type of ['float64', 'float32'] as const) {
    const maxprec = type === 'float64' ? 64 : 32;
    for (const dims of [1, 2]) {
      it(`matches the stage coder at every precision and at tolerances (${type}, ${dims}D)`, () => {
        for (const values of denseBlocks(4 ** dims, type)) {
          for (let precision = 1; precision <= maxprec; precision++) check(type, dims, values, { mode: 'precision', precision });
          for (let e = -60; e <= 2; e += 3) check(type, dims, values, { mode: 'accuracy', tolerance: 2 ** e });
        }
      });

      it(`cuts every budget where the stage coder does (${type}, ${dims}D)`, () => {
        for (const values of denseBlocks(4 ** dims, type)) {
          for (let maxbits = type === 'float64' ? 12 : 9; maxbits <= (maxprec + 2) * 4 ** dims + 20; maxbits += dims === 1 ? 1 : 3) {
            check(type, dims, values, { mode: 'expert', minbits: 0, maxbits, maxprec, minexp: -1074 });
          }
        }
      });
    }
  }
});
