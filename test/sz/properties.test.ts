/**
 * The guarantee |x̂ᵢ − xᵢ| ≤ e on every value, through the whole codec and through the stages alone:
 * 20 000 fields compressed and decompressed plus 80 000 quantize/dequantize round trips (100 000
 * cases; test/sz/fuzz.test.ts adds 50 000 corrupt streams), over subnormals, ±0, values near overflow, constants, both types, 1–3 dimensions, abs and rel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compress, decompress, resolveBound } from '../../src/sz/codec.ts';
import { SzParameterError } from '../../src/sz/errors.ts';
import { dequantize, quantize, UNPREDICTABLE } from '../../src/sz/lorenzo.ts';
import { configArb, fieldArb, maxError } from './generators.ts';

describe('SZ-style codec error guarantee', () => {
  it('every decompressed value is within the resolved bound (20 000 fields)', () => {
    fc.assert(
      fc.property(fieldArb, configArb, (field, config) => {
        let bound: number;
        try {
          bound = resolveBound(config, field.data);
        } catch (e) {
          // Only a relative bound on a range that overflows float64 may be refused.
          expect(e).toBeInstanceOf(SzParameterError);
          return;
        }
        const out = decompress(compress(field, config));
        expect(out.type).toBe(field.type);
        expect(out.shape).toEqual(field.shape);
        expect(out.header.bound).toBe(bound);
        expect(maxError(out.data, field.data)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 20_000, seed: 190 },
    );
  }, 600_000);

  it('the stages alone keep the bound and decode what the encoder reconstructed (80 000 cases)', () => {
    fc.assert(
      fc.property(fieldArb, fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 40 }), (field, bound, radius) => {
        const q = quantize(field, bound, radius);
        expect(maxError(q.reconstructed, field.data)).toBeLessThanOrEqual(bound);
        const back = dequantize(field.type, field.shape, bound, radius, q.codes, q.unpredictable);
        expect(Array.from(back)).toEqual(Array.from(q.reconstructed));
      }),
      { numRuns: 80_000, seed: 191 },
    );
  }, 600_000);

  it('keeps non-finite values exactly, as unpredictable values', () => {
    const data = Float64Array.from([1, NaN, Infinity, -Infinity, 2, 3]);
    const q = quantize({ type: 'float64', shape: [6], data }, 0.1);
    expect([q.codes[1], q.codes[2], q.codes[3]]).toEqual([UNPREDICTABLE, UNPREDICTABLE, UNPREDICTABLE]);
    const out = decompress(compress({ type: 'float64', shape: [6], data }, { mode: 'rel', ratio: 0.01 }));
    expect(out.header.bound).toBeCloseTo(0.02, 15);
    expect(Number.isNaN(out.data[1])).toBe(true);
    expect([out.data[2], out.data[3]]).toEqual([Infinity, -Infinity]);
  });

  it('compresses a smooth field well and a constant one to a few bytes', () => {
    const n = 64 * 64;
    const smooth = Float64Array.from({ length: n }, (_, i) => Math.sin((i % 64) / 9) * Math.cos(Math.floor(i / 64) / 7));
    const stream = compress({ type: 'float64', shape: [64, 64], data: smooth }, { mode: 'abs', tolerance: 1e-4 });
    expect((n * 8) / stream.length).toBeGreaterThan(5);
    const constant = compress({ type: 'float32', shape: [64, 64], data: new Float32Array(n).fill(3.5) }, { mode: 'rel', ratio: 1e-3 });
    expect(constant.length).toBeLessThan(100);
    expect(Array.from(decompress(constant).data).every((v) => v === 3.5)).toBe(true);
  });

  it('refuses bad parameters with SzParameterError', () => {
    const field = { type: 'float64' as const, shape: [4], data: new Float64Array(4) };
    expect(() => compress(field, { mode: 'abs', tolerance: -1 })).toThrow(SzParameterError);
    expect(() => compress(field, { mode: 'abs', tolerance: NaN })).toThrow(SzParameterError);
    expect(() => compress(field, { mode: 'rel', ratio: Infinity })).toThrow(SzParameterError);
    expect(() => compress({ ...field, shape: [5] }, { mode: 'abs', tolerance: 1 })).toThrow(SzParameterError);
    expect(() => compress({ ...field, shape: [1, 1, 2, 2] }, { mode: 'abs', tolerance: 1 })).toThrow(SzParameterError);
    expect(() => compress(field, { mode: 'abs', tolerance: 1 }, { radius: 0 })).toThrow(SzParameterError);
    expect(() => compress({ type: 'float32', shape: [2], data: Float32Array.from([-3e38, 3e38]) }, { mode: 'rel', ratio: 1 })).not.toThrow();
  });
  it('a stream does not depend on the fields compressed before it, and decompresses into a given array alike', () => {
    fc.assert(
      fc.property(fieldArb, fieldArb, (a, b) => {
        const config = { mode: 'abs', tolerance: 1e-3 } as const;
        const first = compress(a, config);
        compress(b, config);
        expect(Array.from(compress(a, config))).toEqual(Array.from(first));
        const fresh = decompress(first).data;
        const into = a.type === 'float32' ? new Float32Array(fresh.length) : new Float64Array(fresh.length);
        expect(decompress(first, { into }).data).toBe(into);
        expect(into.every((v, i) => Object.is(v, fresh[i]))).toBe(true);
      }),
      { numRuns: 1000, seed: 192 },
    );
  });

  it('refuses to decompress into an array of another type or length', () => {
    const stream = compress({ type: 'float64', shape: [4, 3], data: new Float64Array(12).fill(1) }, { mode: 'abs', tolerance: 1e-6 });
    expect(() => decompress(stream, { into: new Float32Array(12) })).toThrow(SzParameterError);
    expect(() => decompress(stream, { into: new Float64Array(11) })).toThrow(SzParameterError);
  });
});
