import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter, DEFAULT_WORD_BITS } from '../../src/zfp/bitstream.ts';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';
import { blockExponent, castToInts } from '../../src/zfp/fast/block-float.ts';
import { blockPosition, placeBlock } from '../../src/zfp/fast/gather.ts';
import { invOrderXform2dToField } from '../../src/zfp/fast/inverse-2d.ts';
import { coefficientsColumnLimit2d, columnLimit2d } from '../../src/zfp/fast/lift-double.ts';
import { fwdXform64 } from '../../src/zfp/fast/lift64.ts';
import { decompress } from '../../src/zfp/field-codec.ts';
import { layoutOf } from '../../src/zfp/layout.ts';
import { resolveParams } from '../../src/zfp/params.ts';
import { inverseSequencyPermutation } from '../../src/zfp/sequency.ts';
import { decodeBlockStaged, encodeInts, fromBlockFloat, fromNegabinaryBlock, inverseTransform, reorder, toNegabinaryBlock, unorder } from '../../src/zfp/stages/index.ts';
import { traitsOf } from '../../src/zfp/traits.ts';

// The 2D float64 decoder inverts in doubles wherever lift-double.ts's columnLimit2d allows, for
// any coefficients (a corrupt stream's too). These tests hold it to the stage decoder (BigInt,
// zfp's int64 code) on coefficients around and past the limit, show the limit is tight (one
// plane more, or grain 3, and doubles round), and run crafted streams through both decoders.

let seed = 4242;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const iperm = inverseSequencyPermutation(2);
const MASK64 = 2n ** 64n - 1n;

/** A random integer in [0, 2^bits) as a BigInt, bits ≤ 64. */
function randomBits(bits: number): bigint {
  const hi = BigInt(Math.floor(random() * 2 ** 32)), lo = BigInt(Math.floor(random() * 2 ** 32));
  return ((hi << 32n) | lo) & ((1n << BigInt(bits)) - 1n);
}

/** Raster coefficients as negabinary words in sequency order, planes below `grain` cleared. */
function negabinaryOf(raster: bigint[], grain: number): BigUint64Array {
  const u = toNegabinaryBlock(reorder(BigInt64Array.from(raster), 2), 64);
  const keep = (MASK64 << BigInt(grain)) & MASK64;
  return u.map((x) => x & keep);
}

type Kind = 'band' | 'words' | 'encoded';

/**
 * 16 coefficients at grain g: 'band' odd multiples of 2^g of magnitude about 2^e, e spanning
 * g + 43 … g + 49 (across the limit); 'words' arbitrary 64-bit words (magnitudes up to 2^63,
 * wrap-around in C included); 'encoded' a block zfp encodes, with values near 2^emax.
 */
function coefficients(kind: Kind, g: number): BigUint64Array {
  if (kind === 'words') return BigUint64Array.from({ length: 16 }, () => randomBits(64) & ((MASK64 << BigInt(g)) & MASK64));
  if (kind === 'band') {
    const e = Math.min(g + 43 + 6 * random(), 62.9);
    const raster = Array.from({ length: 16 }, () => BigInt.asIntN(64, ((BigInt(Math.round((random() * 2 - 1) * 2 ** (e - g - 1))) * 2n + 1n) << BigInt(g))));
    return negabinaryOf(raster, g);
  }
  const x = Float64Array.from({ length: 16 }, () => (random() < 0.5 ? -1 : 1) * (random() < 0.5 ? 1 - 2 ** -52 * random() : random()));
  const hi = new Int32Array(16), lo = new Int32Array(16);
  castToInts(x, hi, lo, 16, blockExponent(x, 16, traitsOf('float64')), traitsOf('float64'));
  fwdXform64(hi, lo, 2);
  return negabinaryOf(Array.from(hi, (h, i) => (BigInt(h) << 32n) | BigInt(lo[i]! >>> 0)), g);
}

/** The stage decoder's values (raster order) for negabinary coefficients u of a block of exponent emax. */
function stageValues(u: BigUint64Array, emax: number): Float64Array {
  return fromBlockFloat(inverseTransform(unorder(fromNegabinaryBlock(u, 64), 2), 2, 64), emax, 'float64');
}

/**
 * The fused inverse of u into a 4 × 4 field with the given limit, as the decoder calls it (low
 * words left stale when no plane below 32 is coded); null when it declines.
 */
function fusedValues(u: BigUint64Array, emax: number, lowest: number, limit: number): Float64Array | null {
  const uhi = Int32Array.from(u, (x) => Number(x >> 32n) | 0);
  const ulo = Int32Array.from(u, (x) => (lowest >= 32 ? Math.floor(random() * 2 ** 32) : Number(x & 0xffffffffn)) | 0);
  const L = layoutOf([4, 4]), at = blockPosition(L), field = new Float64Array(16);
  placeBlock(at, L, 0, 0, 0, 0);
  return invOrderXform2dToField(uhi, ulo, lowest >= 32, iperm, 2 ** (emax - 62), field, at, limit) ? field : null;
}

/** The largest magnitude after the column pass (exact BigInt arithmetic), and whether C's outputs are below 2^63. */
function columnMax(u: BigUint64Array): number {
  const c = unorder(fromNegabinaryBlock(u, 64), 2);
  let m = 0;
  for (let p = 0; p < 4; p++) {
    // The inverse lift of column p, exactly (the shifts of even values).
    let x = c[p]!, y = c[p + 4]!, z = c[p + 8]!, w = c[p + 12]!;
    y += w / 2n; w -= y / 2n; y += w; w = 2n * w - y; z += x; x = 2n * x - z; y += z; z = 2n * z - y; w += x; x = 2n * x - w;
    for (const v of [x, y, z, w]) m = Math.max(m, Math.abs(Number(v)));
  }
  return m;
}

const KINDS: readonly Kind[] = ['band', 'words', 'encoded'];

describe('2D inverse in doubles, checked against columnLimit2d', () => {
  it('equals the stage decoder wherever it runs, at every grain, and takes every encoded block from grain 16 on', () => {
    let taken = 0;
    for (let g = 0; g < 64; g++) {
      for (const kind of KINDS) {
        for (let it = 0; it < 12; it++) {
          const u = coefficients(kind, g), emax = Math.floor(random() * 1900) - 950;
          const uhi = Int32Array.from(u, (x) => Number(x >> 32n) | 0), ulo = Int32Array.from(u, (x) => Number(x & 0xffffffffn) | 0);
          const limit = coefficientsColumnLimit2d(g, uhi, ulo);
          const fused = limit > 0 ? fusedValues(u, emax, g, limit) : null;
          if (kind === 'encoded' && g >= 16) expect(fused).not.toBeNull();
          if (fused === null) continue;
          expect(fused).toEqual(stageValues(u, emax));
          taken++;
        }
      }
    }
    expect(taken).toBeGreaterThan(600);
  });

  it('is tight: one plane past the limit, and at grain 3, doubles round where C does not', () => {
    for (const g of [3, 4, 8, 13]) {
      // 2^(g + 47) is the limit from grain 4 on; the blocks whose column pass reaches it, up to twice it, are one plane past it.
      const edge = 2 ** (g + 47);
      let rounded = 0;
      for (let it = 0; it < 3000 && rounded < 5; it++) {
        const u = coefficients('band', g);
        const m = columnMax(u);
        if (m < edge || m >= 2 * edge) continue;
        const emax = Math.floor(random() * 200) - 100;
        const loose = fusedValues(u, emax, g, 2 * edge);
        // Past 2^63 the block is declined whatever the limit: not a test of it.
        if (loose === null) continue;
        const exact = stageValues(u, emax);
        if (!loose.some((v, i) => !Object.is(v, exact[i]))) continue;
        rounded++;
        const limit = columnLimit2d(g);
        const checked = limit > 0 ? fusedValues(u, emax, g, limit) : null;
        if (checked !== null) expect(checked).toEqual(exact);
      }
      expect(rounded, `grain ${g}`).toBeGreaterThan(0);
    }
  });
});

/** A 2D float64 stream (no header) of full blocks given by their exponents and coefficients, coded to plane `grain` in precision mode. */
function craftedStream(blocks: readonly { emax: number; u: BigUint64Array }[], grain: number): Uint8Array {
  const params = resolveParams({ mode: 'precision', precision: 64 - grain }, 'float64', 2);
  const w = new BitWriter(blocks.length * 1200);
  for (const { emax, u } of blocks) {
    w.writeBits(2 * (emax + 1023) + 1, 12);
    encodeInts(w, params.maxbits - 12, 64 - grain, u, 64);
  }
  w.flush(DEFAULT_WORD_BITS);
  return w.bytes();
}

describe('crafted 2D streams decoded at the grains around the limit', () => {
  it('decode as the stage decoder does, by rows (decompress) and block by block (BlockCodec)', () => {
    const shape: [number, number] = [12, 8];
    for (const grain of [1, 3, 4, 8, 12, 13, 14, 15, 16, 17, 20, 31, 32, 48, 51, 60]) {
      const config = { mode: 'precision', precision: 64 - grain } as const;
      const params = resolveParams(config, 'float64', 2);
      for (const kind of KINDS) {
        const blocks = Array.from({ length: 6 }, () => ({ emax: Math.floor(random() * 1800) - 900, u: coefficients(kind, grain) }));
        const bytes = craftedStream(blocks, grain);
        const expected = new Float64Array(96);
        const staged = new BitReader(bytes);
        for (let b = 0; b < 6; b++) {
          const values = decodeBlockStaged(staged, 'float64', 2, params).values;
          for (let i = 0; i < 16; i++) expected[4 * (b % 3) + (i & 3) + 12 * (4 * Math.floor(b / 3) + (i >> 2))] = values[i]!;
        }
        expect(decompress(bytes, { type: 'float64', shape, config }).data).toEqual(expected);
        const L = layoutOf(shape), at = blockPosition(L), field = new Float64Array(96);
        const codec = new BlockCodec('float64', 2, params), r = new BitReader(bytes);
        for (let b = 0; b < 6; b++) {
          placeBlock(at, L, 4 * (b % 3), 4 * Math.floor(b / 3), 0, 0);
          codec.decodeFloat64Into(r, field, L, at);
        }
        expect(field).toEqual(expected);
      }
    }
  });
});
