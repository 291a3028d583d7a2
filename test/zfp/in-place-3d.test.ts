import { describe, expect, it } from 'vitest';
import { BitWriter } from '../../src/zfp/bitstream.ts';
import { ZfpDataError } from '../../src/zfp/errors.ts';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';
import { blockPosition, placeBlock } from '../../src/zfp/fast/gather.ts';
import { layoutOf } from '../../src/zfp/layout.ts';
import { maximumSize, resolveParams } from '../../src/zfp/params.ts';
import type { ZfpConfig } from '../../src/zfp/types.ts';

// A full 3D float64 block held as one run of 64 values (a ZfpArray cache line) is encoded
// where it lies by encodeFloat64Run, without the gather into the codec's block. These tests
// hold that path to the general one (the same values gathered from a field whose block rows
// are apart) bit for bit, with the run at an offset, in every lossy mode, on values whose
// scale leaves the doubles and on values the lossy modes refuse.

let seed = 7;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

const BLOCKS: readonly (readonly number[])[] = [
  Array.from({ length: 64 }, (_, i) => Math.sin(0.3 * i) + 0.1 * (i >> 4)),
  Array.from({ length: 64 }, () => random() * 2 - 1),
  Array.from({ length: 64 }, (_, i) => 3 * ((i & 3) + 128 * ((i >> 2) & 3) + 16384 * (i >> 4)) + 1e6),
  Array.from({ length: 64 }, () => (random() - 0.5) * 2 ** -1060),
  Array.from({ length: 64 }, () => (random() - 0.5) * 2 ** 1000),
  new Array<number>(64).fill(0),
];

const CONFIGS: readonly ZfpConfig[] = [
  { mode: 'rate', rate: 16 },
  { mode: 'rate', rate: 3 },
  { mode: 'precision', precision: 20 },
  { mode: 'accuracy', tolerance: 1e-5 },
];

/** Bits of `values` encoded as the block at `base` of a run of 64-value lines (the in-place path). */
function fromLine(codec: BlockCodec, bytes: number, values: readonly number[], base: number): { bits: number; words: Uint32Array } {
  const line = layoutOf([4, 4, 4 * (base / 64 + 1)]), at = blockPosition(line);
  placeBlock(at, line, 0, 0, base / 16, 0);
  const field = Float64Array.from({ length: base + 64 }, () => random());
  field.set(values, base);
  const w = new BitWriter(bytes);
  return { bits: codec.encodeFloat64Run(w, field, line, at), words: w.words };
}

/** The same block gathered from an 8³ field (block rows 8 values apart: the general path, whichever method is asked). */
function fromField(codec: BlockCodec, bytes: number, values: readonly number[], run = false): { bits: number; words: Uint32Array } {
  const L = layoutOf([8, 8, 8]), at = blockPosition(L);
  placeBlock(at, L, 4, 0, 4, 0);
  const field = Float64Array.from({ length: 512 }, () => random());
  for (let i = 0; i < 64; i++) field[at.base + at.rows[i >> 2]! + (i & 3)] = values[i]!;
  const w = new BitWriter(bytes);
  return { bits: run ? codec.encodeFloat64Run(w, field, L, at) : codec.encodeFloat64From(w, field, L, at), words: w.words };
}

describe('3D float64 block encoded where it lies', () => {
  it('writes the bits of the general path, at any offset and in every lossy mode', () => {
    for (const config of CONFIGS) {
      const params = resolveParams(config, 'float64', 3);
      const bytes = maximumSize(params, 'float64', 3, 1);
      const codec = new BlockCodec('float64', 3, params);
      for (const values of BLOCKS) {
        const general = fromField(codec, bytes, values);
        const { emax, planes } = codec;
        expect(fromField(codec, bytes, values, true)).toEqual(general);
        for (const base of [0, 64, 192]) {
          const inPlace = fromLine(codec, bytes, values, base);
          expect(inPlace.bits).toBe(general.bits);
          expect(inPlace.bits).toBeGreaterThan(0);
          expect(inPlace.words).toEqual(general.words);
          expect([codec.emax, codec.planes]).toEqual([emax, planes]);
        }
      }
    }
  });

  it('refuses a non-finite value as the general path does', () => {
    const params = resolveParams({ mode: 'rate', rate: 16 }, 'float64', 3);
    const codec = new BlockCodec('float64', 3, params);
    for (const bad of [NaN, Infinity, -Infinity]) {
      const values = [...BLOCKS[0]!];
      values[37] = bad;
      expect(() => fromLine(codec, 256, values, 64)).toThrow(ZfpDataError);
      expect(() => fromLine(codec, 256, values, 64)).toThrow(String(bad));
    }
  });
});
