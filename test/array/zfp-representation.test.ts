import { describe, expect, it } from 'vitest';
import { UnknownRepresentationError } from '../../src/array/errors.ts';
import { RepresentationRangeError, RepresentationShapeError } from '../../src/array/errors.ts';
import { ieeeKinds } from '../../src/array/ieee.ts';
import { InlineField } from '../../src/array/inline-field.ts';
import { kindNamed } from '../../src/array/kinds.ts';
import { zfpKind } from '../../src/array/zfp-representation.ts';
import { compress, decompress, ZfpParameterError } from '../../src/zfp/index.ts';
import type { ZfpConfig } from '../../src/zfp/types.ts';
import { problems } from '../../solvers/index.ts';
import { run } from '../../solvers/runner.ts';
import { smooth } from './zfp-helpers.ts';

const bitsOf = (x: Float64Array): Uint8Array => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);

describe('zfpKind', () => {
  it.each([
    [{ mode: 'precision', precision: 24 }, 'zfp-precision-24'],
    [{ mode: 'rate', rate: 16 }, 'zfp-rate-16'],
    [{ mode: 'rate', rate: 2.5, align: true }, 'zfp-rate-2.5-aligned'],
    [{ mode: 'accuracy', tolerance: 1e-6 }, 'zfp-accuracy-1e-6'],
    [{ mode: 'accuracy', tolerance: 0.5 }, 'zfp-accuracy-0.5'],
    [{ mode: 'reversible' }, 'zfp-reversible'],
    [{ mode: 'expert', minbits: 1, maxbits: 16658, maxprec: 30, minexp: -1074 }, 'zfp-expert-1-16658-30--1074'],
  ] as [ZfpConfig, string][])('%j is named %s, and the name gives it back', (config, name) => {
    expect(zfpKind(config).name).toBe(name);
    expect(kindNamed(name).name).toBe(name);
    expect(kindNamed(name).create([5]).name).toBe(name);
  });

  it('stores as the codec compresses and loads as it decompresses', () => {
    const config = { mode: 'precision', precision: 16 } as const;
    const shape = [9, 6];
    const values = smooth(54);
    const rep = zfpKind(config).create(shape);
    const stats = rep.store(values);
    const c = compress({ type: 'float64', shape, data: values }, config);
    const out = new Float64Array(54);
    rep.load(out);
    expect(out).toEqual(decompress(c.bytes, { type: 'float64', shape, config }).data);
    expect(stats.bytes).toBe(c.bytes.length);
    expect(stats.ratio).toBe((54 * 8) / c.bytes.length);
    expect(stats).toMatchObject({ minPlanes: 16, maxPlanes: 16 });
    expect(rep.bitsPerValue()).toBeLessThanOrEqual((8 * c.bytes.length) / 54);
    expect(rep.bitsPerValue()).toBeGreaterThan((8 * c.bytes.length - 8) / 54);
  });

  it('rejects non-finite values in lossy modes and keeps the stored state; reversible keeps them', () => {
    const rep = zfpKind({ mode: 'rate', rate: 16 }).create([4, 3]);
    rep.store(smooth(12));
    const before = new Float64Array(12);
    rep.load(before);
    const bad = smooth(12);
    bad[7] = Infinity;
    expect(() => rep.store(bad)).toThrow(RepresentationRangeError);
    expect(() => rep.store(new Float64Array(11))).toThrow(RepresentationShapeError);
    expect(() => rep.load(new Float64Array(13))).toThrow(RepresentationShapeError);
    const after = new Float64Array(12);
    rep.load(after);
    expect(after).toEqual(before);

    const exact = zfpKind({ mode: 'reversible' }).create([4, 3]);
    bad[2] = NaN;
    exact.store(bad);
    exact.load(after);
    expect(bitsOf(after)).toEqual(bitsOf(bad));
  });

  it('rejects bad configurations and names with typed errors', () => {
    expect(() => zfpKind({ mode: 'precision', precision: 2.5 })).toThrow(ZfpParameterError);
    expect(() => kindNamed('zfp-rate--3')).toThrow(ZfpParameterError);
    expect(() => kindNamed('zfp-speed-3')).toThrow(UnknownRepresentationError);
  });

  it('sits in one loop with the IEEE kinds: which representation at how many bits', () => {
    const names = ['float32', 'zfp-rate-32', 'float16', 'bfloat16', 'zfp-rate-16'];
    const field = smooth(64 * 64);
    const bits = names.map((name) => {
      const rep = kindNamed(name).create([64, 64]);
      rep.store(field);
      return [name, rep.bitsPerValue()];
    });
    expect(bits).toEqual([
      ['float32', 32],
      ['zfp-rate-32', 32],
      ['float16', 16],
      ['bfloat16', 16],
      ['zfp-rate-16', 16],
    ]);
    expect(ieeeKinds.map((k) => kindNamed(k.name))).toEqual(ieeeKinds);
  });

  it('runs in the solvers’ runner: reversible diffusion2d equals the double run bit for bit', () => {
    const problem = problems.diffusion2d.create(problems.diffusion2d.quick);
    const result = run(problem, { representations: [zfpKind({ mode: 'reversible' }), zfpKind({ mode: 'precision', precision: 20 })], steps: 8 });
    const [exact, lossy] = result.tracks;
    expect(exact!.representation).toBe('zfp-reversible');
    expect(exact!.steps.every((s) => s.zfpError === 0 && s.minPlanes !== null && s.ratio > 0)).toBe(true);
    expect(lossy!.steps[8]!.zfpError).toBeGreaterThan(0);
    expect(lossy!.steps[8]!).toMatchObject({ minPlanes: 20, maxPlanes: 20 });

    // The same run through InlineField, compared bit for bit with the double run.
    const field = new InlineField(problem.shape, { mode: 'reversible' });
    let u = new Float64Array(field.advanced.length);
    let next = u.slice();
    problem.initial(u);
    field.start(u);
    for (let k = 0; k < 8; k++) {
      field.step(problem.step);
      problem.step(u, next);
      [u, next] = [next, u];
      expect(bitsOf(field.advanced)).toEqual(bitsOf(u));
    }
  });
});

describe('InlineField', () => {
  it('decompresses, advances and recompresses, reusing every buffer', () => {
    const shape = [16, 12];
    const config = { mode: 'accuracy', tolerance: 1e-8 } as const;
    const field = new InlineField(shape, config);
    const initial = smooth(192);
    const first = field.start(initial);
    const { decompressed, advanced } = field;
    const store = (field.array as unknown as { store: { words: Uint32Array } }).store;
    const words = store.words;
    const seen: Float64Array[] = [];
    const halve = (current: Float64Array, next: Float64Array): void => {
      seen.push(current, next);
      for (let i = 0; i < current.length; i++) next[i] = 0.5 * current[i]!;
    };
    const stats = field.step(halve);
    expect(stats).toBe(first); // one statistics record, refilled
    for (let k = 0; k < 20; k++) expect(field.step(halve)).toBe(first);
    expect(seen.every((b, i) => b === (i % 2 ? advanced : decompressed))).toBe(true);
    expect(field.decompressed).toBe(decompressed);
    expect(store.words).toBe(words); // the arena never grew: no allocation per step
    // Each step is load → advance → store, as a by-hand run computes it.
    const rep = zfpKind(config).create(shape);
    const x = initial.slice();
    const loaded = new Float64Array(192);
    rep.store(x);
    for (let k = 0; k < 21; k++) {
      rep.load(loaded);
      halve(loaded, x);
      rep.store(x);
    }
    expect(advanced).toEqual(x);
    expect({ ...first }).toEqual({ ...field.array.stats() });
    expect(first.minEmax).toBeLessThan(-10);
  });

  it('a rejected step leaves the compressed state as it was', () => {
    const field = new InlineField([8], { mode: 'rate', rate: 12 });
    field.start(smooth(8));
    const before = new Float64Array(8);
    field.array.read(before);
    expect(() => field.step((_, next) => next.fill(NaN))).toThrow(RepresentationRangeError);
    const after = new Float64Array(8);
    field.array.read(after);
    expect(after).toEqual(before);
  });
});
