/**
 * blockErrorBound against the codec: one block at a time, in fixed rate and fixed accuracy, the
 * decoded block stays within the bound its exponent and complete planes give, including blocks
 * whose norm barely reaches 2^(e−1), where the bound in units of 2^(e−1) is tightest.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compress, decompress, NO_EXPONENT } from '../../src/zfp/index.ts';
import type { ZfpConfig } from '../../src/zfp/types.ts';
import { blockErrorBound, droppedBlockBound, kFromPlanes } from '../../theorems/kbeta.ts';

type Type = 'float64' | 'float32';

function maxError(values: number[], d: number, type: Type, config: ZfpConfig): { error: number; planes: number; emax: number; norm: number } {
  const shape = new Array<number>(d).fill(4);
  const data = type === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
  const { bytes, blocks } = compress({ type, shape, data }, config);
  const out = decompress(bytes, { type, shape, config }).data as Float64Array | Float32Array;
  let error = 0;
  let norm = 0;
  for (let i = 0; i < data.length; i++) {
    error = Math.max(error, Math.abs(out[i]! - data[i]!));
    norm = Math.max(norm, Math.abs(data[i]!));
  }
  return { error, planes: blocks.planes[0]!, emax: blocks.emax[0]!, norm };
}

/** A block whose largest entry is 2^(e−1)·(1 + tiny) or spread below 2^e, signs and sizes mixed. */
const block = (d: number) =>
  fc.record({
    e: fc.integer({ min: -30, max: 30 }),
    peak: fc.oneof(fc.constant(1), fc.double({ min: 1, max: 1.999, noNaN: true })),
    rest: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4 ** d - 1, maxLength: 4 ** d - 1 }),
    at: fc.integer({ min: 0, max: 4 ** d - 1 }),
  }).map(({ e, peak, rest, at }) => {
    const values = rest.map((r) => r * peak * 2 ** (e - 1));
    values.splice(at, 0, peak * 2 ** (e - 1));
    return values;
  });

describe('blockErrorBound', () => {
  it.each([
    [1, 'float64'],
    [2, 'float64'],
    [3, 'float64'],
    [2, 'float32'],
    [3, 'float32'],
  ] as const)('bounds the error of every %dD %s block in fixed rate and fixed accuracy', (d, type) => {
    fc.assert(
      fc.property(block(d), fc.integer({ min: 2, max: type === 'float64' ? 40 : 24 }), fc.integer({ min: -40, max: 10 }), (values, rate, accuracyExp) => {
        for (const config of [{ mode: 'rate', rate }, { mode: 'accuracy', tolerance: 2 ** accuracyExp }] as ZfpConfig[]) {
          const r = maxError(values, d, type, config);
          if (r.norm === 0) continue;
          // Only fixed accuracy drops a nonzero block (no exponent); fixed rate keeps every one.
          const bound = r.emax === NO_EXPONENT ? (config.mode === 'accuracy' ? droppedBlockBound(config.tolerance, d) : 0) : blockErrorBound(r.planes, r.emax, d, type, r.norm);
          expect(r.error).toBeLessThanOrEqual(bound);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is half of K·2^e where the model applies, and never above K·‖x_B‖ for a block at the bottom of its exponent', () => {
    const k = kFromPlanes(20, 2, 'float64');
    expect(blockErrorBound(20, 3, 2, 'float64', 100)).toBe(k.derived * 2 ** 2);
    expect(blockErrorBound(20, 3, 2, 'float64', 100)).toBe((k.K * 2 ** 3) / 2);
    // No plane kept: the block decodes to zeros, so the error is the block's own size.
    expect(blockErrorBound(0, 3, 2, 'float64', 5)).toBe(5);
    expect(blockErrorBound(0, 3, 2, 'float64', 100)).toBe(8);
  });

  it('counts blocks fixed accuracy drops: a field entirely below τ has a nonzero bound', () => {
    const values = new Float64Array(16).fill(2 ** -12);
    const config: ZfpConfig = { mode: 'accuracy', tolerance: 2 ** -3 };
    const r = maxError(Array.from(values), 2, 'float64', config);
    expect(r.emax).toBe(NO_EXPONENT);
    expect(r.error).toBe(2 ** -12);
    expect(droppedBlockBound(2 ** -3, 2)).toBeGreaterThanOrEqual(r.error);
  });
});
