/** compress and decompress keep their stream buffers from one call to the next: no call may see another's bits. */
import { describe, expect, it } from 'vitest';
import { ZfpDataError, ZfpFormatError } from '../../src/zfp/errors.ts';
import { compress, decompress, type DecodeSpec } from '../../src/zfp/field-codec.ts';
import type { Field, ZfpConfig } from '../../src/zfp/types.ts';

function noise(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(seed * (i + 1) * 12.9898) * 43758.5453 % 1;
  return x;
}

const small: Field = { type: 'float64', shape: [8, 8], data: Float64Array.from({ length: 64 }, (_, i) => (i % 8) * 0.25) };
const configs: ZfpConfig[] = [{ mode: 'accuracy', tolerance: 1e-3 }, { mode: 'precision', precision: 20 }, { mode: 'reversible' }];

describe('compress stream buffer', () => {
  it('writes the same stream after larger, noisier streams as before them', () => {
    for (const config of configs) {
      const first = compress(small, config).bytes;
      compress({ type: 'float64', shape: [64, 64], data: noise(64 * 64, 3) }, { mode: 'reversible' });
      compress({ type: 'float64', shape: [40, 30], data: noise(1200, 5) }, config);
      expect(compress(small, config).bytes).toEqual(first);
    }
  });

  it('writes the same stream after a compress that failed half way', () => {
    const first = compress(small, { mode: 'precision', precision: 20 }).bytes;
    const bad = noise(64 * 64, 7);
    bad[4000] = NaN;
    expect(() => compress({ type: 'float64', shape: [64, 64], data: bad }, { mode: 'precision', precision: 30 })).toThrow(ZfpDataError);
    expect(compress(small, { mode: 'precision', precision: 20 }).bytes).toEqual(first);
  });
});

/** The values decompress reads from `bytes`, or the message of the ZfpFormatError it throws. */
function outcome(bytes: Uint8Array, spec: DecodeSpec): Float64Array | string {
  try {
    return decompress(bytes, spec).data as Float64Array;
  } catch (e) {
    if (e instanceof ZfpFormatError) return e.message;
    throw e;
  }
}

describe('decompress stream buffer', () => {
  it('reads the same values, and refuses a cut stream the same way, after longer streams as before them', () => {
    for (const config of configs) {
      const spec = { type: 'float64', shape: [8, 8], config } as const;
      const bytes = compress(small, config).bytes;
      // Cut to the byte: its last block reads past the end, where a buffer kept from a longer stream holds that stream's bits.
      const cut = bytes.subarray(0, bytes.length - 1);
      const values = decompress(bytes, spec).data;
      const cutOutcome = outcome(cut, spec);
      const long = compress({ type: 'float64', shape: [64, 64], data: noise(64 * 64, 3) }, { mode: 'reversible' }).bytes;
      decompress(long, { type: 'float64', shape: [64, 64], config: { mode: 'reversible' } });
      expect(decompress(bytes, spec).data).toEqual(values);
      expect(outcome(cut, spec)).toEqual(cutOutcome);
    }
  });
});
