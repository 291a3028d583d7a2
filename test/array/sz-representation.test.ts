import { describe, expect, it } from 'vitest';
import { RepresentationShapeError } from '../../src/array/errors.ts';
import { kindNamed } from '../../src/array/kinds.ts';
import { szConfigNamed, szKind, szName } from '../../src/array/sz-representation.ts';
import { SzParameterError } from '../../src/sz/errors.ts';

describe('SZ-style representation', () => {
  it('names round-trip and kindNamed builds them', () => {
    for (const config of [{ mode: 'abs', tolerance: 1e-6 }, { mode: 'rel', ratio: 0.001 }] as const) {
      expect(szConfigNamed(szName(config))).toEqual(config);
      expect(kindNamed(szName(config)).name).toBe(szName(config));
    }
    expect(szName({ mode: 'abs', tolerance: 1e-6 })).toBe('sz-abs-1e-6');
    expect(szConfigNamed('sz-abs-x')).toBeNull();
  });

  it('stores within e, reports its cost, and refuses bad bounds and lengths', () => {
    const rep = szKind({ mode: 'abs', tolerance: 1e-5 }).create([20, 10]);
    const values = Float64Array.from({ length: 200 }, (_, i) => Math.cos(i / 13) * 4);
    const stats = rep.store(values);
    const out = new Float64Array(200);
    rep.load(out);
    expect(out.every((v, i) => Math.abs(v - values[i]!) <= 1e-5)).toBe(true);
    expect(stats.ratio).toBeCloseTo(1600 / stats.bytes, 12);
    expect(rep.bitsPerValue()).toBeCloseTo((8 * stats.bytes) / 200, 12);
    expect(stats.minPlanes).toBeNull();
    expect(() => rep.store(new Float64Array(3))).toThrow(RepresentationShapeError);
    expect(() => szKind({ mode: 'abs', tolerance: -1 })).toThrow(SzParameterError);
    expect(() => szKind({ mode: 'abs', tolerance: 1 }).create([2, 2, 2, 2])).toThrow(RepresentationShapeError);
  });
});
