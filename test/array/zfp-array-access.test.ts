import { describe, expect, it } from 'vitest';
import { ArrayIndexError, RepresentationRangeError, RepresentationShapeError } from '../../src/array/errors.ts';
import { ZfpArray } from '../../src/array/zfp-array.ts';
import { contents, smooth, thrown } from './zfp-helpers.ts';



/** Flat index (x fastest) of coordinates in `shape`. */
function flat(shape: readonly number[], c: readonly number[]): number {
  let f = 0;
  for (let a = shape.length - 1; a >= 0; a--) f = f * shape[a]! + c[a]!;
  return f;
}

/** Every coordinate tuple of `shape`, x fastest. */
function coordinates(shape: readonly number[]): number[][] {
  const count = shape.reduce((p, n) => p * n, 1);
  return Array.from({ length: count }, (_, f) =>
    shape.map((n) => {
      const x = f % n;
      f = (f - x) / n;
      return x;
    }),
  );
}

// Shapes with partial blocks, then shapes of full blocks only (whose cache lines are placed without block coordinates).
const SHAPES = [[11], [6, 5], [5, 6, 7], [5, 3, 2, 6], [8], [8, 4], [4, 8, 12], [4, 4, 4, 8]].map((shape) => [shape]);
const at = (a: ZfpArray | ReturnType<ZfpArray['view']>, c: readonly number[]): number => (a.get as (...c: number[]) => number)(...c);
const put = (a: ZfpArray | ReturnType<ZfpArray['view']>, c: readonly number[], v: number): void => (a.set as (...c: number[]) => void)(...c, v);

describe('ZfpArray coordinate accessors', () => {
  it.each(SHAPES)('get(i, …) equals get([i, …]) and the bulk read, any cache size (shape %j)', (shape) => {
    for (const cacheBlocks of [1, 3, 64]) {
      const a = new ZfpArray(shape, { mode: 'rate', rate: 12 }, { cacheBlocks });
      a.write(smooth(a.length, 3));
      const bulk = contents(a);
      for (const c of coordinates(shape).reverse()) {
        expect(at(a, c)).toBe(bulk[flat(shape, c)]);
        expect(a.get(c)).toBe(bulk[flat(shape, c)]);
      }
    }
  });

  it.each(SHAPES)('set(i, …, v) agrees with a plain array model (reversible, shape %j)', (shape) => {
    const a = new ZfpArray(shape, { mode: 'reversible' }, { cacheBlocks: 2 });
    const model = new Float64Array(a.length);
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let step = 0; step < 4 * a.length; step++) {
      const c = shape.map((n) => Math.floor(random() * n));
      if (random() < 0.5) {
        const v = random() - 0.5;
        put(a, c, v);
        model[flat(shape, c)] = v;
      } else expect(at(a, c)).toBe(model[flat(shape, c)]);
    }
    expect(contents(a)).toEqual(model);
  });

  it('writes again a block flushed while it was the most recent one', () => {
    const a = new ZfpArray([8, 8], { mode: 'reversible' }, { cacheBlocks: 4 });
    const block = new Float64Array(16);
    a.set(1, 1, 5);
    a.flush();
    a.set(1, 1, 7); // the block is still cached, but clean: this write must mark it again
    a.flush();
    a.readBlock(0, block);
    expect(block[1 + 4]).toBe(7);
    a.set(2, 1, 9);
    a.readBlock(0, block); // flushes block 0 …
    a.set(2, 1, 11); // … so this write must mark it again
    a.readBlock(0, block);
    expect(block[2 + 4]).toBe(11);
  });

  it('reads the new contents after a bulk write, not the block it had cached', () => {
    const a = new ZfpArray([8, 8], { mode: 'reversible' });
    a.set(3, 3, 1);
    expect(a.get(3, 3)).toBe(1);
    a.write(new Float64Array(64).fill(2));
    expect(a.get(3, 3)).toBe(2);
    a.set(3, 3, 4);
    expect(contents(a)[3 + 8 * 3]).toBe(4);
  });

  it.each([[[6, 0]], [[0, 5]], [[-1, 0]], [[0.5, 0]], [[NaN, 0]], [[1]], [[1, 2, 0]], [[1, undefined]], [[1, '1']]])('rejects coordinates %j', (c) => {
    const a = new ZfpArray([6, 5], { mode: 'accuracy', tolerance: 1e-6 });
    a.write(smooth(30));
    const kept = contents(a);
    const e = thrown(() => at(a, c as number[]));
    expect(e).toBeInstanceOf(ArrayIndexError);
    expect(e).toMatchObject({ index: c, shape: [6, 5] });
    expect(thrown(() => put(a, c as number[], 1))).toMatchObject({ index: c });
    expect(contents(a)).toEqual(kept);
  });

  it('refuses non-finite values without marking the block modified', () => {
    const a = new ZfpArray([6, 5], { mode: 'rate', rate: 8 }, { cacheBlocks: 1 });
    a.write(smooth(30));
    const stored = new Float64Array(16);
    a.readBlock(0, stored);
    expect(a.get(1, 1)).toBe(stored[5]);
    expect(thrown(() => a.set(1, 1, NaN))).toMatchObject({ name: 'RepresentationRangeError', index: 1 + 6 * 1 });
    expect(thrown(() => a.set(1, 1, NaN))).toBeInstanceOf(RepresentationRangeError);
    expect(a.get(4, 0)).toBe(contents(a)[4]); // evicts block 0: a rewrite would re-round it
    const after = new Float64Array(16);
    a.readBlock(0, after);
    expect(after).toEqual(stored);
  });
});

describe('ZfpArray iteration in block order', () => {
  it.each(SHAPES)('forEach visits every element once, block by block, with its value (shape %j)', (shape) => {
    const a = new ZfpArray(shape, { mode: 'precision', precision: 20 }, { cacheBlocks: 1 });
    a.write(smooth(a.length, 2));
    const bulk = contents(a);
    const seen: number[] = [];
    let lastBlock = -1;
    a.forEach((value, ...c) => {
      const coords = c.slice(0, shape.length);
      expect(c.slice(shape.length).every((x) => x === 0)).toBe(true);
      expect(value).toBe(bulk[flat(shape, coords)]);
      const block = flat(shape.map((n) => Math.ceil(n / 4)), coords.map((x) => x >> 2));
      expect(block).toBeGreaterThanOrEqual(lastBlock);
      lastBlock = block;
      seen.push(flat(shape, coords));
    });
    expect(seen.sort((p, q) => p - q)).toEqual(Array.from({ length: a.length }, (_, i) => i));
  });
});

describe('ZfpArray views', () => {
  const shape = [9, 7, 6];
  const origin = [2, 3, 1];
  const box = [5, 4, 3];

  it('reads and writes a sub-box in place, in its own coordinates', () => {
    const a = new ZfpArray(shape, { mode: 'reversible' });
    const field = smooth(a.length, 5);
    a.write(field);
    const v = a.view(origin, box);
    expect(v.shape).toEqual(box);
    for (const c of coordinates(box)) expect(at(v, c)).toBe(field[flat(shape, c.map((x, d) => x + origin[d]!))]);
    v.set(4, 3, 2, 0.25);
    expect(a.get(6, 6, 3)).toBe(0.25);
    const visited: number[][] = [];
    v.forEach((value, i, j, k, l) => {
      expect(l).toBe(0);
      expect(value).toBe(a.get(i + 2, j + 3, k + 1));
      visited.push([i, j, k]);
    });
    expect(visited.map((c) => flat(box, c)).sort((p, q) => p - q)).toEqual(coordinates(box).map((c) => flat(box, c)));
  });

  it('keeps the array checks and its own bounds', () => {
    const a = new ZfpArray(shape, { mode: 'rate', rate: 16 });
    const v = a.view(origin, box);
    expect(thrown(() => v.set(0, 0, 0, Infinity))).toBeInstanceOf(RepresentationRangeError);
    for (const c of [[5, 0, 0], [0, 4, 0], [0, 0, 3], [-1, 0, 0], [0, 0], [0, 0, 0, 0]]) {
      expect(thrown(() => at(v, c))).toMatchObject({ name: 'ArrayIndexError', index: c, shape: box });
      expect(thrown(() => put(v, c, 1))).toBeInstanceOf(ArrayIndexError);
    }
  });

  it.each([
    [[0, 0], [1, 1]],
    [[0, 0, 0], [10, 1, 1]],
    [[8, 0, 0], [2, 1, 1]],
    [[-1, 0, 0], [1, 1, 1]],
    [[0, 0, 0], [0, 1, 1]],
    [[0.5, 0, 0], [1, 1, 1]],
  ])('refuses the box from %j of shape %j', (o, n) => {
    const a = new ZfpArray(shape, { mode: 'rate', rate: 16 });
    expect(thrown(() => a.view(o, n))).toBeInstanceOf(RepresentationShapeError);
  });
});
