/**
 * A ZfpArray never stores a block it cannot decode: values so close to the type's largest finite value
 * that their block would decode to ±Inf are refused (ZfpDataError naming index and value) with the
 * array unchanged, so every other value stays reachable. The cache size is validated too.
 */
import { describe, expect, it } from 'vitest';
import { ArrayIndexError, RepresentationShapeError } from '../../src/array/errors.ts';
import { ZfpArray } from '../../src/array/zfp-array.ts';
import { ZfpDataError, ZfpParameterError } from '../../src/zfp/errors.ts';

const FLT_MAX = (2 - 2 ** -23) * 2 ** 127;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('values whose block would decode to ±Inf', () => {
  it.each([
    ['float64', Number.MAX_VALUE],
    ['float32', FLT_MAX],
  ] as const)('%s: set() refuses them, and the array stays fully readable and writable', (type, max) => {
    const a = new ZfpArray([8, 8], { mode: 'rate', rate: 4 }, { type, cacheBlocks: 1 });
    a.set([5, 5], 3.25);
    let refused = 0, accepted = 0;
    for (let k = 0; k < 16; k++) {
      const value = (k % 2 ? -1 : 1) * max * (1 - k * 1e-3);
      const error = thrown(() => a.set([k % 4, Math.floor(k / 4)], value));
      if (error === undefined) {
        accepted++;
        continue;
      }
      refused++;
      expect(error).toBeInstanceOf(ZfpDataError);
      expect((error as Error).message).toMatch(new RegExp(`cannot store ${String(value).replace(/[.+]/g, '\\$&')} at index ${(k % 4) + 8 * Math.floor(k / 4)}`));
    }
    expect(refused).toBeGreaterThan(0);
    // Nothing stored decodes to a non-finite value: flush, read and eviction all work, and keep working.
    a.flush();
    const out = new Float64Array(64);
    a.read(out);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(a.get([5, 5])).toBeCloseTo(3.25, 0);
    a.set([7, 7], 1);
    a.read(out);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(accepted + refused).toBe(16);
  });

  it('write() refuses a field with such a block, naming the value, and leaves the contents as they were', () => {
    const a = new ZfpArray([6, 6], { mode: 'rate', rate: 4 });
    const before = Float64Array.from({ length: 36 }, (_, i) => i / 3);
    a.write(before);
    const kept = new Float64Array(36);
    a.read(kept);
    const bad = Float64Array.from({ length: 36 }, (_, i) => (i % 2 ? -1 : 1) * Number.MAX_VALUE * (1 - i * 1e-4));
    const error = thrown(() => a.write(bad));
    expect(error).toBeInstanceOf(ZfpDataError);
    const [, value, index] = /cannot store (\S+) at index (\d+)/.exec((error as Error).message)!;
    expect(bad[Number(index)]).toBe(Number(value));
    const after = new Float64Array(36);
    a.read(after);
    expect(after).toEqual(kept);
  });

  it('accepts huge values whose block does decode finite (full precision keeps DBL_MAX exactly)', () => {
    const a = new ZfpArray([4, 4], { mode: 'precision', precision: 64 });
    a.set([0, 0], 2 ** 1021);
    a.set([1, 0], Number.MAX_VALUE);
    a.flush();
    expect(a.get([1, 0])).toBe(Number.MAX_VALUE);
  });
});

describe('cacheBlocks', () => {
  it.each([1e9, 2 ** 40, 1.5, -1, Number.NaN])('%s is a ZfpParameterError, not a RangeError', (cacheBlocks) => {
    const error = thrown(() => new ZfpArray([64, 64, 64], { mode: 'rate', rate: 8 }, { cacheBlocks }));
    expect(error).toBeInstanceOf(ZfpParameterError);
    expect((error as Error).message).toMatch(/cacheBlocks must be an integer from 1 to \d+/);
  });

  it('more lines than blocks is fine (the extra ones would never be used)', () => {
    const a = new ZfpArray([4, 4], { mode: 'rate', rate: 8 }, { cacheBlocks: 100_000 });
    a.set([1, 1], 2);
    expect(a.get([1, 1])).toBe(2);
  });
});

describe('runtime argument checks, for callers in plain JavaScript', () => {
  const loose = ZfpArray as unknown as new (...args: unknown[]) => ZfpArray;
  it.each([
    ['an unknown mode', () => new loose([4], { mode: 'bogus' }), ZfpParameterError],
    ['a null configuration', () => new loose([4], null), ZfpParameterError],
    ['null options', () => new loose([4], { mode: 'rate', rate: 8 }, null), ZfpParameterError],
    ['a null index', () => new ZfpArray([4], { mode: 'rate', rate: 8 }).get(null as never), ArrayIndexError],
    ['writing null', () => new ZfpArray([4], { mode: 'rate', rate: 8 }).write(null as never), RepresentationShapeError],
    ['reading into a plain array', () => new ZfpArray([4], { mode: 'rate', rate: 8 }).read([1, 2, 3, 4] as never), RepresentationShapeError],
  ] as const)('%s is a typed error', (_, fn, kind) => {
    expect(thrown(fn)).toBeInstanceOf(kind);
  });
});
