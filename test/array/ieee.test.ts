import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RepresentationRangeError, RepresentationShapeError } from '../../src/array/errors.ts';
import { bfloat16Kind, float16Kind, float32Kind, float64Kind, ieeeKinds } from '../../src/array/ieee.ts';

describe('IEEE representations', () => {
  it('store then load rounds each value to the format', () => {
    const values = new Float64Array([0.1, 1 + 2 ** -11, -65504, 2 ** -25 + 2 ** -70, 1 + 2 ** -8 + 2 ** -30, 1e-300]);
    const expected: Record<string, number[]> = {
      float64: [...values],
      float32: [...values].map(Math.fround),
      float16: [0.0999755859375, 1, -65504, 2 ** -24, 1.00390625, 0],
      bfloat16: [0.10009765625, 1, -65536, 2 ** -25, 1.0078125, 0],
    };
    for (const kind of ieeeKinds) {
      const rep = kind.create([2, 3]);
      rep.store(values);
      const out = new Float64Array(6);
      rep.load(out);
      expect([...out], kind.name).toEqual(expected[kind.name]);
    }
  });

  it('reports its cost', () => {
    const bits = { float64: 64, float32: 32, bfloat16: 16, float16: 16 } as Record<string, number>;
    for (const kind of ieeeKinds) {
      const rep = kind.create([4, 4, 2]);
      const stats = rep.store(new Float64Array(32).fill(1));
      expect(rep.name).toBe(kind.name);
      expect(rep.bitsPerValue()).toBe(bits[kind.name]);
      expect(stats).toEqual({ bytes: (32 * bits[kind.name]!) / 8, ratio: 64 / bits[kind.name]!, minPlanes: null, maxPlanes: null });
    }
  });

  it('rejects values beyond the finite range and keeps the stored state', () => {
    const rep = float16Kind.create([3]);
    rep.store(new Float64Array([1, 2, 3]));
    const error = (() => {
      try {
        rep.store(new Float64Array([4, 65520, 5]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RepresentationRangeError);
    expect(error).toMatchObject({ format: 'float16', value: 65520, index: 1, maxFinite: 65504 });
    expect((error as Error).message).toBe('float16 cannot store 65520 at index 1: its largest finite value is 65504');
    const out = new Float64Array(3);
    rep.load(out);
    expect([...out]).toEqual([1, 2, 3]);
    // 65519 rounds down to the max: no error.
    rep.store(new Float64Array([65519, -65519, 0]));
  });

  it.each([
    [float32Kind, 3.4028235677973366e38, 3.4028234663852886e38],
    [bfloat16Kind, 3.3962e38, 3.3895313892515355e38],
    [float64Kind, Infinity, Number.MAX_VALUE],
    [float64Kind, NaN, Number.MAX_VALUE],
  ])('%# rejects out-of-range and non-finite values', (kind, value, max) => {
    const rep = kind.create([2]);
    expect(() => rep.store(new Float64Array([0, value]))).toThrow(RepresentationRangeError);
    expect(() => rep.store(new Float64Array([0, value]))).toThrow(`largest finite value is ${max}`);
  });

  it('checks lengths and shapes', () => {
    expect(() => float32Kind.create([4]).store(new Float64Array(5))).toThrow(RepresentationShapeError);
    expect(() => float32Kind.create([4]).load(new Float64Array(3))).toThrow(RepresentationShapeError);
    expect(() => float32Kind.create([0])).toThrow(RepresentationShapeError);
  });

  it('float32 agrees with Math.fround everywhere in range', () => {
    const rep = float32Kind.create([1]);
    const out = new Float64Array(1);
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -3.4e38, max: 3.4e38 }), (x) => {
        rep.store(new Float64Array([x]));
        rep.load(out);
        return Object.is(out[0], Math.fround(x));
      }),
    );
  });
});
