/**
 * 50 000 corrupt streams fed to decompress: byte flips anywhere, truncations, trailing junk, header
 * fields set to extremes, and bodies corrupted *before* the lossless stage (re-deflated, so the
 * Huffman table, Huffman data and unpredictable values are what is broken). Every call returns a
 * field of the shape its header claims or throws a typed SzError, and never allocates more values
 * than DEFLATE's expansion of the stream's length allows.
 */
import { describe, expect, it } from 'vitest';
import { compress, decompress } from '../../src/sz/codec.ts';
import { SzError } from '../../src/sz/errors.ts';
import { headerBytes, readHeader, writeHeader } from '../../src/sz/header.ts';
import { losslessCompress, losslessDecompress } from '../../src/sz/lossless.ts';
import type { SzConfig, SzField, SzScalarType } from '../../src/sz/types.ts';

/** xorshift32: deterministic, so every run fuzzes the same streams. */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
const random = generator(0x5a19);
const below = (n: number): number => Math.floor(random() * n);

function field(type: SzScalarType, shape: number[]): SzField {
  const n = shape.reduce((a, b) => a * b, 1);
  const raw = Array.from({ length: n }, (_, i) => Math.sin(i * 0.21) * 50 + (i % 7 === 0 ? 1e6 * Math.cos(i) : 0));
  return { type, shape, data: type === 'float32' ? Float32Array.from(raw) : Float64Array.from(raw) };
}

const CONFIGS: readonly SzConfig[] = [
  { mode: 'abs', tolerance: 1e-3 },
  { mode: 'abs', tolerance: 0.5 },
  { mode: 'rel', ratio: 1e-4 },
];
const SHAPES = [[50], [9, 7], [4, 5, 3], [1]];
const VALID = SHAPES.flatMap((shape) => (['float32', 'float64'] as const).flatMap((type) => CONFIGS.map((config) => compress(field(type, shape), config))));

/** A stream whose header is intact and whose body is `edit(body)`, re-deflated, with the header's length updated. */
function withBody(stream: Uint8Array, edit: (body: Uint8Array) => Uint8Array): Uint8Array {
  const h = readHeader(stream);
  const size = headerBytes(h.shape.length);
  const body = edit(losslessDecompress(stream.subarray(size), h.bodyBytes));
  const header = writeHeader({ ...h, bodyBytes: body.length });
  const packed = losslessCompress(body);
  const out = new Uint8Array(header.length + packed.length);
  out.set(header);
  out.set(packed, header.length);
  return out;
}

function flipBytes(bytes: Uint8Array, flips: number): Uint8Array {
  const out = bytes.slice();
  for (let k = 0; k < flips; k++) out[below(out.length)] ^= 1 + below(255);
  return out;
}

function mutate(stream: Uint8Array): Uint8Array {
  switch (below(6)) {
    case 0:
      return flipBytes(stream, 1 + below(4));
    case 1:
      return stream.slice(0, below(stream.length));
    case 2: {
      const out = new Uint8Array(stream.length + 1 + below(40));
      out.set(stream);
      for (let i = stream.length; i < out.length; i++) out[i] = below(256);
      return out;
    }
    case 3: {
      // A header field (extent, parameter, bound, radius, body length) set to an extreme.
      const out = stream.slice();
      const view = new DataView(out.buffer);
      const at = 4 * below(Math.floor(headerBytes(out[6]! >= 1 && out[6]! <= 3 ? out[6]! : 1) / 4));
      view.setUint32(at, [0, 1, 0xffffffff, 0x7fffffff, 0x10000, below(2 ** 32)][below(6)]!, true);
      return out;
    }
    case 4:
      return withBody(stream, (body) => flipBytes(body, 1 + below(3)));
    default:
      return withBody(stream, (body) => body.slice(0, below(body.length + 1)));
  }
}

describe('SZ-style decompression of corrupt streams', () => {
  it('returns the claimed shape or throws SzError, with output bounded by the stream (50 000 streams)', () => {
    let rejected = 0;
    for (let run = 0; run < 50_000; run++) {
      const stream = mutate(VALID[below(VALID.length)]!);
      try {
        const out = decompress(stream);
        expect(out.data.length).toBe(out.shape.reduce((a, b) => a * b, 1));
        expect(out.data.length).toBeLessThanOrEqual(8 * 1032 * stream.length + 512);
      } catch (e) {
        if (!(e instanceof SzError)) throw new Error(`run ${run}: untyped ${(e as Error).name}: ${(e as Error).message}`);
        rejected++;
      }
    }
    // Most corruptions are caught; a flipped bit inside one value's code may decode to another value.
    expect(rejected).toBeGreaterThan(25_000);
  }, 600_000);

  it('every valid stream still decodes (the fuzz starts from real streams)', () => {
    for (const stream of VALID) expect(() => decompress(stream)).not.toThrow();
  });
});
