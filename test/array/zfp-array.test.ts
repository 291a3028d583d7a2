import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { ArrayIndexError, RepresentationRangeError, RepresentationShapeError } from '../../src/array/errors.ts';
import { ZfpArray } from '../../src/array/zfp-array.ts';
import { emptyExponentsByPlanes } from '../../src/array/compression-stats.ts';
import { decompress, compress, ZfpParameterError } from '../../src/zfp/index.ts';
import { contents, MODES, smooth, thrown } from './zfp-helpers.ts';



describe('ZfpArray element access', () => {
  it('starts at zero and reads its own writes through the cache', () => {
    const a = new ZfpArray([6, 5], { mode: 'rate', rate: 8 }, { cacheBlocks: 2 });
    expect([...contents(a)].every((v) => v === 0)).toBe(true);
    a.set([5, 4], 1.25);
    a.set([0, 0], 3);
    expect(a.get([5, 4])).toBe(1.25);
    expect(a.get([0, 0])).toBe(3);
    expect(a.get([1, 0])).toBe(0);
  });

  it('writes a modified block back when it is evicted, and only then', () => {
    // Shape [8, 4]: blocks 0 and 1 share the single cache line.
    const a = new ZfpArray([8, 4], { mode: 'reversible' }, { cacheBlocks: 1 });
    const before = [...a.blocks()].map((b) => b.bits);
    a.set([1, 2], 7.5);
    expect([...a.blocks()][0]!.bits).toBeGreaterThan(before[0]!); // blocks() flushes
    const b = new ZfpArray([8, 4], { mode: 'reversible' }, { cacheBlocks: 1 });
    b.set([1, 2], 7.5);
    const block = new Float64Array(16);
    b.readBlock(1, block); // a different block: nothing flushed for it…
    expect(b.get([4, 0])).toBe(0); // …and reading block 1 through the cache evicts block 0
    b.readBlock(0, block);
    expect(block[1 + 4 * 2]).toBe(7.5);
    expect(b.get([1, 2])).toBe(7.5);
  });

  it('evicted lossy writes come back as the codec rounds them', () => {
    const config = { mode: 'precision', precision: 12 } as const;
    const a = new ZfpArray([4, 4, 4], config, { cacheBlocks: 1 });
    const values = smooth(64);
    for (let i = 0; i < 64; i++) a.set([i & 3, (i >> 2) & 3, i >> 4], values[i]!);
    expect(a.get([1, 2, 3])).toBe(values[1 + 4 * 2 + 16 * 3]); // still cached: exact
    a.flush();
    const rounded = decompress(compress({ type: 'float64', shape: [4, 4, 4], data: values }, config).bytes, {
      type: 'float64',
      shape: [4, 4, 4],
      config,
    }).data;
    expect(contents(a)).toEqual(rounded);
  });

  it('random-access reads equal bulk reads, any cache size, every mode and dimensionality', () => {
    const shapes = [[9], [6, 7], [5, 6, 7], [5, 4, 3, 6]];
    fc.assert(
      fc.property(fc.constantFrom(...MODES), fc.constantFrom(...shapes), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 9 }), (config, shape, lines, seed) => {
        const a = new ZfpArray(shape, config, { cacheBlocks: lines });
        a.write(smooth(a.length, seed));
        const bulk = contents(a);
        const index = shape.map(() => 0);
        for (let i = 0; i < a.length; i++) {
          let rest = i;
          for (let ax = 0; ax < shape.length; ax++) {
            index[ax] = rest % shape[ax]!;
            rest = Math.floor(rest / shape[ax]!);
          }
          expect(a.get(index)).toBe(bulk[i]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('random get/set sequences agree with a plain array model once written back (reversible)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(6), fc.nat(4), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), { maxLength: 60 }),
        (lines, ops) => {
          const shape = [8, 7, 5];
          const a = new ZfpArray(shape, { mode: 'reversible' }, { cacheBlocks: lines });
          const model = new Float64Array(8 * 7 * 5);
          for (const [x, y, z, v, isSet] of ops) {
            if (isSet) {
              a.set([x, y, z], v);
              model[x + 8 * (y + 7 * z)] = v;
            } else expect(Object.is(a.get([x, y, z]), model[x + 8 * (y + 7 * z)])).toBe(true);
          }
          expect(contents(a)).toEqual(model);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps float32 elements as float32', () => {
    const a = new ZfpArray([5, 3], { mode: 'reversible' }, { type: 'float32', cacheBlocks: 1 });
    a.set([4, 2], 0.1);
    expect(a.get([4, 2])).toBe(Math.fround(0.1));
    const values = smooth(15);
    a.write(values);
    expect(contents(a)).toEqual(values.map(Math.fround));
    expect(a.compressionRatio).toBeCloseTo((15 * 4) / a.byteLength);
    expect(a.name).toBe('zfp-reversible-float32');
    const lossy = new ZfpArray([5], { mode: 'rate', rate: 16 }, { type: 'float32' });
    expect(thrown(() => lossy.set([0], 1e39))).toBeInstanceOf(RepresentationRangeError);
    lossy.set([0], 3e38);
  });
});

describe('ZfpArray errors', () => {
  const a = new ZfpArray([6, 5], { mode: 'accuracy', tolerance: 1e-6 });
  const values = smooth(30);
  a.write(values);
  const kept = contents(a);

  it.each([[[6, 0]], [[0, 5]], [[-1, 0]], [[0.5, 0]], [[NaN, 0]], [[1]], [[1, 2, 0]]])('rejects index %j', (index) => {
    const e = thrown(() => a.get(index));
    expect(e).toBeInstanceOf(ArrayIndexError);
    expect(e).toMatchObject({ index, shape: [6, 5] });
    expect(thrown(() => a.set(index, 1))).toBeInstanceOf(ArrayIndexError);
  });

  it('rejects a coordinate left undefined, by position or in an index', () => {
    const hole = undefined as unknown as number;
    expect(thrown(() => a.get(1, hole))).toBeInstanceOf(ArrayIndexError);
    expect(thrown(() => a.set(1, hole, 1))).toBeInstanceOf(ArrayIndexError);
    expect(thrown(() => a.get([1, hole]))).toBeInstanceOf(ArrayIndexError);
    expect(thrown(() => a.set([1, hole], 1))).toBeInstanceOf(ArrayIndexError);
  });

  it('tests every axis of a 4D array, the last included', () => {
    const b = new ZfpArray([3, 4, 5, 6], { mode: 'rate', rate: 16 });
    for (const index of [[3, 0, 0, 0], [0, 4, 0, 0], [0, 0, 5, 0], [0, 0, 0, 6], [0, 0, 0, -1]]) {
      expect(thrown(() => b.get(index[0]!, index[1]!, index[2]!, index[3]!))).toMatchObject({ index, shape: [3, 4, 5, 6] });
      expect(thrown(() => b.set(index[0]!, index[1]!, index[2]!, index[3]!, 1))).toBeInstanceOf(ArrayIndexError);
    }
    b.set(2, 3, 4, 5, 7);
    expect(b.get(2, 3, 4, 5)).toBeCloseTo(7, 1);
  });

  it('names what was wrong', () => {
    expect((thrown(() => a.get([6, 0])) as Error).message).toBe('index [6, 0] is outside the array of shape [6, 5]');
    expect((thrown(() => a.get([1])) as Error).message).toBe('an array of shape [6, 5] takes 2 indices, got [1]');
  });

  it('rejects non-finite values in lossy modes and keeps the contents', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const e = thrown(() => a.set([2, 3], bad));
      expect(e).toBeInstanceOf(RepresentationRangeError);
      expect(e).toMatchObject({ format: 'zfp-accuracy-1e-6', index: 2 + 6 * 3 });
      const field = values.slice();
      field[17] = bad;
      expect(thrown(() => a.write(field))).toMatchObject({ index: 17 });
      field[4] = -bad;
      expect(thrown(() => a.write(field))).toMatchObject({ index: 4 });
    }
    expect(a.get([2, 3])).toBe(kept[2 + 6 * 3]);
    expect(contents(a)).toEqual(kept);
  });

  it('stores non-finite values exactly in reversible mode', () => {
    const r = new ZfpArray([3], { mode: 'reversible' });
    const field = new Float64Array([NaN, Infinity, -0]);
    r.write(field);
    const out = contents(r);
    expect(new Uint8Array(out.buffer)).toEqual(new Uint8Array(field.buffer));
  });

  it('rejects shape mismatches', () => {
    expect(thrown(() => a.write(new Float64Array(29)))).toBeInstanceOf(RepresentationShapeError);
    expect(thrown(() => a.read(new Float64Array(31)))).toBeInstanceOf(RepresentationShapeError);
    expect(thrown(() => a.write(ndarray(new Float64Array(30), [6, 5])))).toBeInstanceOf(RepresentationShapeError);
    expect(thrown(() => a.read(ndarray(new Float64Array(30), [30])))).toBeInstanceOf(RepresentationShapeError);
    expect(thrown(() => a.read(ndarray(new Float64Array(20), [5, 6])))).toBeInstanceOf(ZfpParameterError);
    expect(thrown(() => a.readBlock(6, new Float64Array(16)))).toBeInstanceOf(RepresentationShapeError);
    expect(thrown(() => a.readBlock(0, new Float64Array(15)))).toBeInstanceOf(RepresentationShapeError);
    expect(contents(a)).toEqual(kept);
  });

  it('rejects bad shapes, configurations and options', () => {
    expect(thrown(() => new ZfpArray([4, 0], { mode: 'reversible' }))).toBeInstanceOf(ZfpParameterError);
    expect(thrown(() => new ZfpArray([2, 2, 2, 2, 2], { mode: 'reversible' }))).toBeInstanceOf(ZfpParameterError);
    expect(thrown(() => new ZfpArray([4], { mode: 'rate', rate: -1 }))).toBeInstanceOf(ZfpParameterError);
    expect(thrown(() => new ZfpArray([4], { mode: 'reversible' }, { cacheBlocks: 0 }))).toBeInstanceOf(ZfpParameterError);
  });

  it('refuses, before allocating, an array whose compressed blocks could pass 2^32 bits', () => {
    // 2^28 values at 64 bits each: 2^34 bits.
    const e = thrown(() => new ZfpArray([2 ** 14, 2 ** 14], { mode: 'rate', rate: 64 }));
    expect(e).toBeInstanceOf(ZfpParameterError);
    expect((e as Error).message).toMatch(/512 MiB/);
    expect(new ZfpArray([2 ** 12, 2 ** 12], { mode: 'rate', rate: 1 }).blockCount).toBe(2 ** 20);
  });
});

describe('ZfpArray bulk access', () => {
  it('reads into and writes from strided ndarray views (NumPy axis order)', () => {
    const shape = [7, 5, 3]; // x, y, z
    const values = smooth(105);
    const ref = new ZfpArray(shape, { mode: 'precision', precision: 24 });
    ref.write(values);
    const expected = contents(ref);

    // The same field held with x slowest: element (x, y, z) at buffer[z + 3 * (y + 5 * x)].
    const transposedBuffer = new Float64Array(105);
    for (let z = 0; z < 3; z++) for (let y = 0; y < 5; y++) for (let x = 0; x < 7; x++) transposedBuffer[z + 3 * (y + 5 * x)] = values[x + 7 * (y + 5 * z)]!;
    const view = ndarray(transposedBuffer, [7, 5, 3]).transpose(2, 1, 0); // shape [z, y, x]
    const a = new ZfpArray(shape, { mode: 'precision', precision: 24 });
    a.write(view);
    expect(contents(a)).toEqual(expected);

    // Read into every other element of a larger buffer, reversed along y.
    const big = new Float64Array(2 * 105).fill(-1);
    const stepped = ndarray(big, [3, 5, 14]).step(1, -1, 2);
    a.read(stepped);
    for (let z = 0; z < 3; z++)
      for (let y = 0; y < 5; y++)
        for (let x = 0; x < 7; x++) expect(stepped.get(z, y, x)).toBe(expected[x + 7 * (y + 5 * z)]);
    expect(big.filter((v) => v === -1)).toHaveLength(105);
  });

  it('a bulk write discards pending element writes; a bulk read flushes them', () => {
    const a = new ZfpArray([8], { mode: 'reversible' });
    a.set([3], 9);
    expect(contents(a)[3]).toBe(9);
    a.set([4], 5);
    a.write(new Float64Array(8).fill(1));
    expect(a.get([4])).toBe(1);
  });

  it('decodes any block on its own, and iterates over blocks in zfp order', () => {
    const a = new ZfpArray([6, 5], { mode: 'accuracy', tolerance: 1e-4 });
    a.write(smooth(30));
    const all = contents(a);
    const blocks = [...a.blocks()];
    expect(blocks.map((b) => [b.index, b.origin, b.extent])).toEqual([
      [0, [0, 0], [4, 4]],
      [1, [4, 0], [2, 4]],
      [2, [0, 4], [4, 1]],
      [3, [4, 4], [2, 1]],
    ]);
    expect(a.byteLength).toBe(Math.ceil(blocks.reduce((s, b) => s + b.bits, 0) / 8));
    const block = new Float64Array(16);
    for (const { index, origin, extent } of [...blocks].reverse()) {
      a.readBlock(index, block);
      for (let y = 0; y < extent[1]!; y++) for (let x = 0; x < extent[0]!; x++) expect(block[x + 4 * y]).toBe(all[origin[0]! + x + 6 * (origin[1]! + y)]);
    }
  });

  it('reports size and the planes and exponents of the last encoding', () => {
    const a = new ZfpArray([8, 8], { mode: 'precision', precision: 10 });
    const field = new Float64Array(64);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) field[x + 8 * y] = y < 4 ? 0 : x < 4 ? 3 : 1000;
    a.write(field);
    const exponentsByPlanes = emptyExponentsByPlanes();
    exponentsByPlanes[10] = 10; // both blocks with an exponent kept 10 planes; the larger exponent is 10
    expect(a.stats()).toEqual({ bytes: a.byteLength, ratio: (64 * 8) / a.byteLength, minPlanes: 10, maxPlanes: 10, minEmax: 2, maxEmax: 10, exponentsByPlanes });
    expect(a.bitsPerValue).toBeCloseTo(a.byteLength / 8, 0);
    const blocks = [...a.blocks()];
    expect(blocks.map((b) => b.emax)).toEqual([null, null, 2, 10]);
    a.write(new Float64Array(64));
    expect(a.stats()).toMatchObject({ minPlanes: null, maxPlanes: null, minEmax: null, maxEmax: null, exponentsByPlanes: emptyExponentsByPlanes() });
  });
});
