import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrayIndexError } from '../../src/array/errors.ts';
import { BlockGrid, elementPlace } from '../../src/array/block-grid.ts';

describe('BlockGrid.locate', () => {
  it('places every element in its block, at its offset there and its contiguous index', () => {
    const shapes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 });
    const cases = shapes.chain((shape) => fc.tuple(fc.constant(shape), fc.tuple(...shape.map((n) => fc.integer({ min: 0, max: n - 1 })))));
    fc.assert(
      fc.property(cases, ([shape, index]) => {
        const grid = new BlockGrid(shape);
        const place = grid.locate(index);
        let block = 0, local = 0, flat = 0, blocksBelow = 1, valuesBelow = 1;
        index.forEach((i, a) => {
          block += Math.floor(i / 4) * blocksBelow;
          local += (i % 4) * 4 ** a;
          flat += i * valuesBelow;
          blocksBelow *= Math.ceil(shape[a]! / 4);
          valuesBelow *= shape[a]!;
        });
        expect(place).toEqual({ block, local, flat });
        expect(grid.origin(block)).toEqual(index.map((i) => i - (i % 4)));
      }),
    );
  });

  it('fills the result object it is given, and rejects indices outside the shape', () => {
    const grid = new BlockGrid([10, 7]);
    const out = elementPlace();
    expect(grid.locate([9, 6], out)).toBe(out);
    expect(out).toEqual({ block: 2 + 1 * 3, local: 1 + 4 * 2, flat: 9 + 6 * 10 });
    expect(() => grid.locate([10, 0], out)).toThrow(ArrayIndexError);
    expect(() => grid.locate([0], out)).toThrow(ArrayIndexError);
  });
});
