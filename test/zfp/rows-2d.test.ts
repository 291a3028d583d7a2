import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter, DEFAULT_WORD_BITS } from '../../src/zfp/bitstream.ts';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';
import { BlockCursor } from '../../src/zfp/fast/gather.ts';
import { compress, decompress } from '../../src/zfp/field-codec.ts';
import { layoutOf } from '../../src/zfp/layout.ts';
import { maximumSize, resolveParams } from '../../src/zfp/params.ts';
import type { ZfpConfig } from '../../src/zfp/types.ts';

// compress and decompress run the full blocks of a 2D float64 field a row of blocks at a time
// (forward-2d.ts, inverse-2d.ts) and the rest through BlockCodec's general path. These tests hold
// the rows equal to coding every block by the general path, on fields mixing the blocks the rows
// hand back to it.

let seed = 77;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

/** Block kinds by block index: smooth, noise, all zero, −0 inside, tiny (scale overflows), exact integers of wide range, huge, subnormal. */
function value(kind: number, x: number, y: number): number {
  switch (kind) {
    case 0: return Math.sin(0.3 * x) * Math.cos(0.2 * y);
    case 1: return random() * 2 - 1;
    case 2: return 0;
    case 3: return (x + y) % 3 === 0 ? -0 : x - y;
    case 4: return (random() - 0.5) * 1e-300;
    case 5: return Math.floor((random() - 0.5) * 2 ** 21) * 2 ** Math.floor(random() * 30);
    case 6: return (random() - 0.5) * 1e307;
    default: return (random() - 0.5) * 1e-310;
  }
}

function mixedField(nx: number, ny: number): Float64Array {
  const data = new Float64Array(nx * ny);
  for (let y = 0, i = 0; y < ny; y++) for (let x = 0; x < nx; x++, i++) data[i] = value(((x >> 2) + 3 * (y >> 2)) % 8, x, y);
  return data;
}

/** The stream of the general path alone: every block through encodeFloat64From. */
function blockByBlock(data: Float64Array, shape: [number, number], config: ZfpConfig, strides?: [number, number], offset = 0): Uint8Array {
  const L = layoutOf(shape, strides, offset);
  const params = resolveParams(config, 'float64', 2);
  const w = new BitWriter(maximumSize(params, 'float64', 2, L.blocks));
  const codec = new BlockCodec('float64', 2, params);
  for (const c = new BlockCursor(L); c.next(); ) codec.encodeFloat64From(w, data, L, c.block);
  w.flush(DEFAULT_WORD_BITS);
  return w.bytes();
}

const CONFIGS: readonly ZfpConfig[] = [
  { mode: 'precision', precision: 16 },
  { mode: 'precision', precision: 64 },
  { mode: 'rate', rate: 8, align: false },
  { mode: 'accuracy', tolerance: 1e-6 },
  { mode: 'reversible' },
];

describe('2D float64 compress a row of blocks at a time', () => {
  for (const config of CONFIGS) {
    it(`writes the general path's bytes (${JSON.stringify(config)})`, () => {
      for (const shape of [[64, 36], [30, 17], [3, 9]] as [number, number][]) {
        const data = mixedField(...shape);
        expect(Buffer.from(compress({ type: 'float64', shape, data }, config).bytes).equals(blockByBlock(data, shape, config))).toBe(true);
      }
    });
  }

  it("reads fields with negative strides as the general path does", () => {
    const shape: [number, number] = [26, 19], strides: [number, number] = [-1, -26], offset = 26 * 19 - 1;
    const data = mixedField(...shape);
    for (const config of CONFIGS) {
      const bytes = compress({ type: 'float64', shape, strides, offset, data }, config).bytes;
      expect(Buffer.from(bytes).equals(blockByBlock(data, shape, config, strides, offset))).toBe(true);
    }
  });

  it('writes the general path\'s bytes for NaN and infinities in reversible mode', () => {
    const shape: [number, number] = [16, 12];
    const data = mixedField(...shape);
    data[5 * 16 + 6] = NaN;
    data[1 * 16 + 9] = Infinity;
    data[9 * 16 + 2] = -Infinity;
    const config: ZfpConfig = { mode: 'reversible' };
    expect(Buffer.from(compress({ type: 'float64', shape, data }, config).bytes).equals(blockByBlock(data, shape, config))).toBe(true);
  });

  it('refuses a NaN in a full block as the general path does', () => {
    const data = mixedField(16, 16);
    data[5 * 16 + 6] = NaN;
    expect(() => compress({ type: 'float64', shape: [16, 16], data }, { mode: 'precision', precision: 20 })).toThrow(/cannot represent NaN/);
    data[5 * 16 + 6] = -Infinity;
    expect(() => compress({ type: 'float64', shape: [16, 16], data }, { mode: 'rate', rate: 8 })).toThrow(/cannot represent -Infinity/);
  });
});

/** The field of the general path alone: every block decoded into the codec's block and scattered. */
function decodedBlockByBlock(bytes: Uint8Array, shape: [number, number], config: ZfpConfig): Float64Array | null {
  const L = layoutOf(shape);
  const codec = new BlockCodec('float64', 2, resolveParams(config, 'float64', 2));
  const r = new BitReader(bytes);
  const field = new Float64Array(shape[0] * shape[1]);
  // A position that says "partial" takes the general way: decode into the codec's block, then scatter.
  for (const c = new BlockCursor(L); c.next(); ) codec.decodeFloat64Into(r, field, L, { ...c.block, full: false });
  return r.pos > r.size ? null : field;
}

describe('2D float64 decompress a row of blocks at a time', () => {
  for (const config of CONFIGS) {
    it(`gives the general path's values (${JSON.stringify(config)})`, () => {
      for (const shape of [[64, 36], [30, 17], [3, 9]] as [number, number][]) {
        const bytes = compress({ type: 'float64', shape, data: mixedField(...shape) }, config).bytes;
        expect(decompress(bytes, { type: 'float64', shape, config }).data).toEqual(decodedBlockByBlock(bytes, shape, config));
      }
    });
  }

  it("gives the general path's values on streams with flipped bits (coefficients no encoder writes)", () => {
    const shape: [number, number] = [24, 13];
    let compared = 0;
    for (let i = 0; i < 600; i++) {
      const config = CONFIGS[i % CONFIGS.length]!;
      const bytes = compress({ type: 'float64', shape, data: mixedField(...shape) }, config).bytes.slice();
      for (let k = 0; k < 3; k++) bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
      const expected = decodedBlockByBlock(bytes, shape, config);
      if (expected === null) continue;
      expect(decompress(bytes, { type: 'float64', shape, config }).data).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });
});
