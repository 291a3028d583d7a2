import { describe, expect, it } from 'vitest';
import { isContiguous, layoutOf } from '../../src/zfp/layout.ts';

describe('isContiguous', () => {
  it('holds for x-fastest strides, whatever the offset and the strides of unit axes', () => {
    expect(isContiguous(layoutOf([5, 3, 2]))).toBe(true);
    expect(isContiguous(layoutOf([4, 4], [1, 4], 7))).toBe(true);
    expect(isContiguous(layoutOf([1, 6], [99, 1]))).toBe(true);
  });

  it('fails for padded rows, transposed or reversed axes', () => {
    expect(isContiguous(layoutOf([4, 4], [1, 8]))).toBe(false);
    expect(isContiguous(layoutOf([4, 3], [3, 1]))).toBe(false);
    expect(isContiguous(layoutOf([4], [-1], 3))).toBe(false);
  });
});
