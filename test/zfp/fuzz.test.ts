/**
 * Mutated valid streams fed to decompress: every call returns a field of the
 * claimed shape or throws a typed ZfpError, in bounded time, never allocating
 * more than the stream can describe.
 */
import { describe, expect, it } from 'vitest';
import { ZfpError, ZfpFormatError } from '../../src/zfp/errors.ts';
import { compress, decompress, type DecodeSpec } from '../../src/zfp/field-codec.ts';
import { BitReader, BitWriter } from '../../src/zfp/bitstream.ts';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';
import { BlockCursor, scatterBlock } from '../../src/zfp/fast/gather.ts';
import { layoutOf } from '../../src/zfp/layout.ts';
import { writeHeader } from '../../src/zfp/header.ts';
import { resolveParams } from '../../src/zfp/params.ts';
import type { Field, ScalarType, Shape, ZfpConfig } from '../../src/zfp/types.ts';

/** mulberry32: a small deterministic generator, so every run fuzzes the same streams. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(0x5eed);
const below = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;

function fieldOf(type: ScalarType, shape: Shape): Field {
  const n = shape.reduce((a, b) => a * b, 1);
  const wave = (i: number) => Math.sin(i * 0.37) * 1000 + Math.cos(i * 1.7) * 10;
  switch (type) {
    case 'float64':
      return { type, shape, data: Float64Array.from({ length: n }, (_, i) => wave(i)) };
    case 'float32':
      return { type, shape, data: Float32Array.from({ length: n }, (_, i) => wave(i)) };
    case 'int32':
      return { type, shape, data: Int32Array.from({ length: n }, (_, i) => Math.round(wave(i) * 1000)) };
    case 'int64':
      return { type, shape, data: BigInt64Array.from({ length: n }, (_, i) => BigInt(Math.round(wave(i) * 1e6)) << 20n) };
  }
}

const CONFIGS: readonly ZfpConfig[] = [
  { mode: 'rate', rate: 3 },
  { mode: 'rate', rate: 12.5 },
  { mode: 'precision', precision: 7 },
  { mode: 'precision', precision: 40 },
  { mode: 'accuracy', tolerance: 1e-2 },
  { mode: 'reversible' },
  { mode: 'expert', minbits: 40, maxbits: 300, maxprec: 30, minexp: -20 },
];
const SHAPES: readonly Shape[] = [[7], [16], [5, 6], [4, 9], [3, 5, 4], [4, 4, 4], [2, 3, 5, 4], [4, 4, 4, 4]];
const TYPES: readonly ScalarType[] = ['float64', 'float32', 'int32', 'int64'];

interface Seed {
  readonly bytes: Uint8Array;
  readonly spec: DecodeSpec;
}

function seedStream(): Seed {
  const type = pick(TYPES);
  const shape = pick(SHAPES);
  const config = pick(CONFIGS);
  const header = random() < 0.5;
  const { bytes } = compress(fieldOf(type, shape), config, { header });
  return { bytes, spec: header ? { header: true } : { type, shape, config } };
}

type Mutation = (bytes: Uint8Array) => Uint8Array;

const MUTATIONS: readonly Mutation[] = [
  function flipBits(b) {
    const out = b.slice();
    for (let k = 1 + below(4); k > 0 && out.length; k--) out[below(out.length)]! ^= 1 << below(8);
    return out;
  },
  function setByte(b) {
    const out = b.slice();
    if (out.length) out[below(out.length)] = pick([0, 0xff, below(256)]);
    return out;
  },
  function truncate(b) {
    return b.slice(0, below(b.length + 1));
  },
  function insert(b) {
    const at = below(b.length + 1);
    const extra = Uint8Array.from({ length: 1 + below(8) }, () => below(256));
    return Uint8Array.from([...b.subarray(0, at), ...extra, ...b.subarray(at)]);
  },
  function remove(b) {
    const at = below(b.length + 1);
    return Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + 1 + below(4))]);
  },
  function corruptHeaderField(b) {
    // The first 12 bytes hold magic, metadata and mode when a header is present.
    const out = b.slice();
    if (out.length) out[below(Math.min(12, out.length))] = below(256);
    return out;
  },
];

const count = (shape: Shape) => shape.reduce((a, b) => a * b, 1);
const blocks = (shape: Shape) => shape.reduce((a, b) => a * Math.ceil(b / 4), 1);

/** Slowest single call allowed; a real decode of these small fields takes well under a millisecond. */
const CALL_LIMIT_MS = 250;

describe('decompress on mutated streams', () => {
  it('returns a field of the claimed shape or throws a ZfpError, quickly, for 10000 mutations', () => {
    const seeds = Array.from({ length: 200 }, seedStream);
    const outcomes = { decoded: 0, rejected: 0 };
    let slowest = 0;
    for (let i = 0; i < 10000; i++) {
      const seed = seeds[i % seeds.length]!;
      let bytes = seed.bytes;
      for (let k = 1 + below(2); k > 0; k--) bytes = pick(MUTATIONS)(bytes);
      const start = performance.now();
      try {
        const out = decompress(bytes, seed.spec);
        outcomes.decoded++;
        expect(out.data.length).toBe(count(out.shape));
        if (!seed.spec.header) expect(out.shape).toEqual(seed.spec.shape);
        // Every block takes at least one bit: what was allocated is bounded by the input.
        expect(blocks(out.shape)).toBeLessThanOrEqual(bytes.length * 8);
      } catch (error) {
        outcomes.rejected++;
        if (!(error instanceof ZfpError)) {
          throw new Error(`mutation ${i} of a ${JSON.stringify(seed.spec)} stream threw ${String(error)}; bytes ${Array.from(bytes).join(',')}`);
        }
        expect(error.message.length).toBeGreaterThan(10);
      }
      slowest = Math.max(slowest, performance.now() - start);
    }
    expect(slowest).toBeLessThan(CALL_LIMIT_MS);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(outcomes.decoded).toBeGreaterThan(100);
    expect(outcomes.rejected).toBeGreaterThan(100);
  });

  it('float64 blocks decoded straight into the field equal blocks decoded and then scattered', () => {
    // Corrupt coefficients make the double inverse decline after writing its outputs: the redone block must replace them.
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const shape = pick(SHAPES);
      const config = pick(CONFIGS);
      let bytes = compress(fieldOf('float64', shape), config).bytes;
      for (let k = 1 + below(2); k > 0; k--) bytes = pick(MUTATIONS.slice(0, 2))(bytes);
      const params = resolveParams(config, 'float64', shape.length);
      const L = layoutOf(shape);
      const codec = new BlockCodec('float64', shape.length, params);
      const r = new BitReader(bytes);
      const expected = new Float64Array(count(shape));
      for (const c = new BlockCursor(L); c.next(); ) {
        codec.decodeFloat(r);
        scatterBlock(codec.fblock, expected, L, c.block);
      }
      if (r.pos > r.size) continue;
      expect(decompress(bytes, { type: 'float64', shape, config }).data).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('random bytes after a valid header are decoded or rejected, never mis-handled', () => {
    for (let i = 0; i < 500; i++) {
      const type = pick(TYPES);
      const shape = pick(SHAPES);
      const w = new BitWriter(64);
      writeHeader(w, type, shape, resolveParams(pick(CONFIGS), type, shape.length));
      w.flush(8);
      const bytes = Uint8Array.from([...w.bytes(), ...Array.from({ length: below(300) }, () => below(256))]);
      try {
        expect(decompress(bytes, { header: true }).data.length).toBe(count(shape));
      } catch (error) {
        expect(error).toBeInstanceOf(ZfpError);
      }
    }
  });

  it('a header claiming a huge shape over a short stream is a quick ZfpFormatError', () => {
    for (const shape of [[2 ** 31 - 1], [46340, 46340], [1290, 1290, 1290], [215, 215, 215, 215]]) {
      const w = new BitWriter(64);
      writeHeader(w, 'float64', shape, resolveParams({ mode: 'precision', precision: 20 }, 'float64', shape.length));
      w.pad(256);
      const start = performance.now();
      expect(() => decompress(w.bytes(), { header: true })).toThrow(ZfpFormatError);
      expect(performance.now() - start).toBeLessThan(50);
    }
  });
});
