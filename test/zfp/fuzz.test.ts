/**
 * Mutated valid streams fed to decompress (over 100 000 of them, every type, dimensionality and
 * mode, headers claiming extents at their limits): every call returns a field of the claimed shape
 * or throws a typed ZfpError, after work bounded by the input — blocks decoded at most the stream's
 * bits over the format's minimum bits per block, plus the one that ran past the end — and never
 * allocates more than the declared field, itself under maxOutputBytes. Work, not wall time, so
 * a loaded machine cannot fail it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ZfpError, ZfpFormatError } from '../../src/zfp/errors.ts';
import { compress, decompress, type DecodeSpec } from '../../src/zfp/field-codec.ts';
import { BitReader, BitWriter } from '../../src/zfp/bitstream.ts';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';
import { BlockCursor } from '../../src/zfp/fast/gather.ts';
import { layoutOf } from '../../src/zfp/layout.ts';
import { readHeader, writeHeader } from '../../src/zfp/header.ts';
import { minimumBlockBits, resolveParams } from '../../src/zfp/params.ts';
import type { Field, ScalarType, Shape, StreamParams, ZfpConfig } from '../../src/zfp/types.ts';
import { countDecodedBlocks, type BlockCounter } from './decode-work.ts';

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

/** Output limit of the campaign: far above its fields, far below what a header may claim. */
const MAX_OUTPUT_BYTES = 1 << 20;

/** What the stream's header or the caller's spec declares, or null if the header does not parse. */
function declared(bytes: Uint8Array, spec: DecodeSpec): { type: ScalarType; params: StreamParams } | null {
  if (!spec.header) return { type: spec.type, params: resolveParams(spec.config, spec.type, spec.shape.length) };
  try {
    const { type, params } = readHeader(new BitReader(bytes));
    return { type, params };
  } catch {
    return null;
  }
}

interface Tally {
  decoded: number;
  rejected: number;
  mostBlocksPerBit: number;
}

/**
 * Decode `bytes` and check the campaign's three claims: a field of the declared shape or a ZfpError;
 * blocks decoded at most bits / minimum bits per block, plus one; output within MAX_OUTPUT_BYTES.
 */
function probe(bytes: Uint8Array, spec: DecodeSpec, work: BlockCounter, tally: Tally): void {
  work.blocks = 0;
  const what = declared(bytes, spec);
  try {
    const out = decompress(bytes, spec, { maxOutputBytes: MAX_OUTPUT_BYTES });
    tally.decoded++;
    expect(out.data.length).toBe(count(out.shape));
    expect(out.data.byteLength).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    if (!spec.header) expect(out.shape).toEqual(spec.shape);
  } catch (error) {
    tally.rejected++;
    if (!(error instanceof ZfpError)) {
      throw new Error(`a ${JSON.stringify(spec)} stream threw ${String(error)}; bytes ${Array.from(bytes).join(',')}`);
    }
    expect(error.message.length).toBeGreaterThan(10);
  }
  if (what === null) {
    expect(work.blocks).toBe(0);
    return;
  }
  const least = minimumBlockBits(what.params, what.type);
  expect(work.blocks).toBeLessThanOrEqual(Math.floor((bytes.length * 8) / least) + 1);
  if (bytes.length > 0) tally.mostBlocksPerBit = Math.max(tally.mostBlocksPerBit, work.blocks / (bytes.length * 8));
}

let work: BlockCounter;
beforeAll(() => {
  work = countDecodedBlocks();
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('decompress on mutated streams', () => {
  it('returns a field of the claimed shape or throws a ZfpError, after work bounded by the input, for 90 000 mutations', () => {
    const seeds = Array.from({ length: 400 }, seedStream);
    const tally: Tally = { decoded: 0, rejected: 0, mostBlocksPerBit: 0 };
    for (let i = 0; i < 90_000; i++) {
      const seed = seeds[i % seeds.length]!;
      let bytes = seed.bytes;
      for (let k = 1 + below(2); k > 0; k--) bytes = pick(MUTATIONS)(bytes);
      probe(bytes, seed.spec, work, tally);
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(tally.decoded).toBeGreaterThan(1000);
    expect(tally.rejected).toBeGreaterThan(1000);
    expect(tally.mostBlocksPerBit).toBeLessThanOrEqual(1);
  });

  it('headers claiming extents at their limits over 10 000 short mutated payloads: nearly all refused, none past the work bound', () => {
    // The largest extent each dimensionality's header holds (1D reads 32 bits), and shapes just inside maxOutputBytes.
    const LIMITS: readonly Shape[] = [[2 ** 32], [2 ** 24, 2 ** 24], [2 ** 16, 2 ** 16, 2 ** 16], [2 ** 12, 2 ** 12, 2 ** 12, 2 ** 12], [2 ** 24, 1], [1, 1, 2 ** 16], [2 ** 15], [128, 128], [32, 32, 16], [16, 8, 8, 8]];
    const tally: Tally = { decoded: 0, rejected: 0, mostBlocksPerBit: 0 };
    for (let i = 0; i < 10_000; i++) {
      const type = pick(TYPES);
      const shape = pick(LIMITS);
      const w = new BitWriter(64);
      writeHeader(w, type, shape, resolveParams(pick(CONFIGS), type, shape.length));
      w.flush(8);
      let bytes: Uint8Array = Uint8Array.from([...w.bytes(), ...Array.from({ length: below(600) }, () => pick([0, 0xff, below(256)]))]);
      if (random() < 0.5) bytes = pick(MUTATIONS)(bytes);
      probe(bytes, { header: true }, work, tally);
    }
    expect(tally.rejected).toBeGreaterThan(9000);
    expect(tally.mostBlocksPerBit).toBeLessThanOrEqual(1);
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
      // A position that says "partial" takes the other way: decode into the codec's block, then scatter.
      for (const c = new BlockCursor(L); c.next(); ) codec.decodeFloat64Into(r, expected, L, { ...c.block, full: false });
      if (r.pos > r.size) continue;
      expect(decompress(bytes, { type: 'float64', shape, config }).data).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('random bytes after a valid header are decoded or rejected, never mis-handled, for 5000 streams', () => {
    const tally: Tally = { decoded: 0, rejected: 0, mostBlocksPerBit: 0 };
    for (let i = 0; i < 5000; i++) {
      const type = pick(TYPES);
      const shape = pick(SHAPES);
      const w = new BitWriter(64);
      writeHeader(w, type, shape, resolveParams(pick(CONFIGS), type, shape.length));
      w.flush(8);
      const bytes = Uint8Array.from([...w.bytes(), ...Array.from({ length: below(300) }, () => below(256))]);
      probe(bytes, { header: true }, work, tally);
    }
    expect(tally.decoded).toBeGreaterThan(500);
  });

  it('a header claiming a huge shape over a short stream is a ZfpFormatError before any block is decoded', () => {
    for (const shape of [[2 ** 31 - 1], [46340, 46340], [1290, 1290, 1290], [215, 215, 215, 215]]) {
      const w = new BitWriter(64);
      writeHeader(w, 'float64', shape, resolveParams({ mode: 'precision', precision: 20 }, 'float64', shape.length));
      w.pad(256);
      work.blocks = 0;
      expect(() => decompress(w.bytes(), { header: true })).toThrow(ZfpFormatError);
      expect(work.blocks).toBe(0);
    }
  });
});
