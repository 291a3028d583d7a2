import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockGrid } from '../../src/array/block-grid.ts';

describe('BlockGrid.origin', () => {
  it("gives the first element of the block holding any element, blocks counted in zfp's order (x fastest)", () => {
    const shapes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 });
    const cases = shapes.chain((shape) => fc.tuple(fc.constant(shape), fc.tuple(...shape.map((n) => fc.integer({ min: 0, max: n - 1 })))));
    fc.assert(
      fc.property(cases, ([shape, index]) => {
        const grid = new BlockGrid(shape);
        let block = 0, blocksBelow = 1;
        index.forEach((i, a) => {
          block += Math.floor(i / 4) * blocksBelow;
          blocksBelow *= Math.ceil(shape[a]! / 4);
        });
        expect(grid.blockCount).toBe(blocksBelow);
        expect(grid.origin(block)).toEqual(index.map((i) => i - (i % 4)));
      }),
    );
  });
});
