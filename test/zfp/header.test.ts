/** zfp 1.0's header: magic, field metadata, and the short (12-bit) or long (64-bit) mode code. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter } from '../../src/zfp/bitstream.ts';
import { ZfpFormatError, ZfpParameterError } from '../../src/zfp/errors.ts';
import { modeCode, paramsOfModeCode, readHeader, writeHeader } from '../../src/zfp/header.ts';
import { resolveParams } from '../../src/zfp/params.ts';
import type { ScalarType, Shape, StreamParams, ZfpConfig } from '../../src/zfp/types.ts';

function headerBytes(type: ScalarType, shape: Shape, p: StreamParams): Uint8Array {
  const w = new BitWriter(64);
  writeHeader(w, type, shape, p);
  w.flush(8);
  return w.bytes();
}

describe('mode codes', () => {
  const short: [ZfpConfig, number, bigint][] = [
    [{ mode: 'rate', rate: 8 }, 3, 511n],
    [{ mode: 'rate', rate: 1 }, 1, 11n], // 12 bits per block
    [{ mode: 'precision', precision: 1 }, 2, 2048n],
    [{ mode: 'precision', precision: 63 }, 2, 2048n + 62n],
    [{ mode: 'reversible' }, 2, 2176n],
    [{ mode: 'accuracy', tolerance: 1e-3 }, 2, BigInt(-10 + 1074 + 2177)],
  ];
  it.each(short)('%j (%iD) has the short code %i', (config, dims, code) => {
    const p = resolveParams(config, 'float64', dims);
    expect(modeCode(p)).toBe(code);
    expect(paramsOfModeCode(code)).toEqual(p);
  });

  it('uses the long form for rates above 2048 bits per block, expert parameters and large minexp', () => {
    const cases = [
      resolveParams({ mode: 'precision', precision: 64 }, 'float64', 2), // zfp's all-default parameters count as expert
      resolveParams({ mode: 'rate', rate: 64 }, 'float64', 3), // 4096 bits
      { minbits: 10, maxbits: 300, maxprec: 40, minexp: -20 },
      resolveParams({ mode: 'accuracy', tolerance: 2 ** 900 }, 'float64', 1),
    ];
    for (const p of cases) {
      const code = modeCode(p);
      expect(code > 4094n).toBe(true);
      expect(code & 0xfffn).toBe(0xfffn);
      expect(paramsOfModeCode(code)).toEqual(p);
    }
  });

  it('round-trips any parameter set the long form can carry; a short code stands for its mode', () => {
    const params = fc
      .record({
        minbits: fc.integer({ min: 1, max: 0x8000 }),
        maxbits: fc.integer({ min: 1, max: 0x8000 }),
        maxprec: fc.integer({ min: 1, max: 64 }),
        minexp: fc.integer({ min: -16495, max: 0x7fff - 16495 }),
      })
      .filter((p) => p.minbits <= p.maxbits);
    fc.assert(
      fc.property(params, (p) => {
        const code = modeCode(p);
        const back = paramsOfModeCode(code);
        // As in zfp 1.0, a common mode (e.g. precision with maxbits beyond ZFP_MAX_BITS) gets the
        // 12-bit code, which carries only the mode's parameter: it decodes to the canonical set.
        if (code <= 4094n) expect(modeCode(back)).toBe(code);
        else expect(back).toEqual(p);
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });

  it('gives a precision setting with maxbits beyond ZFP_MAX_BITS the short code, as zfp does', () => {
    const code = modeCode({ minbits: 1, maxbits: 20000, maxprec: 24, minexp: -1074 });
    expect(code).toBe(2048n + 23n);
    expect(paramsOfModeCode(code)).toEqual({ minbits: 1, maxbits: 16658, maxprec: 24, minexp: -1074 });
  });

  it('refuses a long code with minbits above maxbits as a format error', () => {
    const code = (BigInt(1074 + 16495 - 1074) << 49n) | (63n << 42n) | (9n << 27n) | (99n << 12n) | 0xfffn;
    expect(() => paramsOfModeCode(code)).toThrow(ZfpFormatError);
    expect(() => paramsOfModeCode(code)).toThrow(/minbits 100 > maxbits 10/);
  });
});

describe('header', () => {
  const typeArb = fc.constantFrom<ScalarType>('int32', 'int64', 'float32', 'float64');
  const shapeArb = fc.integer({ min: 1, max: 4 }).chain((dims) => {
    const max = [2 ** 32, 2 ** 24, 2 ** 16, 2 ** 12][dims - 1]!;
    return fc.array(fc.integer({ min: 1, max }), { minLength: dims, maxLength: dims });
  });
  const configArb = fc.oneof(
    fc.double({ min: 0.5, max: 64, noNaN: true }).map((rate): ZfpConfig => ({ mode: 'rate', rate })),
    fc.integer({ min: 1, max: 64 }).map((precision): ZfpConfig => ({ mode: 'precision', precision })),
    fc.integer({ min: -1074, max: 1000 }).map((e): ZfpConfig => ({ mode: 'accuracy', tolerance: 2 ** e })),
    fc.constant<ZfpConfig>({ mode: 'reversible' }),
  );

  it('round-trips type, shape and parameters', () => {
    fc.assert(
      fc.property(typeArb, shapeArb, configArb, (type, shape, config) => {
        const params = resolveParams(config, type, shape.length);
        const r = new BitReader(headerBytes(type, shape, params));
        expect(readHeader(r)).toEqual({ type, shape, params });
        expect(r.tell()).toBe(modeCode(params) > 4094n ? 148 : 96);
      }),
    );
  });

  it('starts with "zfp" and the codec version 5', () => {
    const bytes = headerBytes('float64', [10, 20], resolveParams({ mode: 'reversible' }, 'float64', 2));
    expect([...bytes.subarray(0, 4)]).toEqual([0x7a, 0x66, 0x70, 5]);
    expect(bytes).toHaveLength(12);
  });

  it('refuses extents too large for the metadata field', () => {
    const p = resolveParams({ mode: 'reversible' }, 'float64', 4);
    expect(() => headerBytes('float64', [4097, 1, 1, 1], p)).toThrow(ZfpParameterError);
    expect(() => headerBytes('float64', [4097, 1, 1, 1], p)).toThrow(/4D extents must be below 2\^12/);
    expect(() => headerBytes('float64', [2 ** 16 + 1, 1, 1], resolveParams({ mode: 'reversible' }, 'float64', 3))).toThrow(/3D extents/);
  });

  it('refuses another format, another version and a short stream as ZfpFormatError', () => {
    const good = headerBytes('float32', [8, 8], resolveParams({ mode: 'precision', precision: 12 }, 'float32', 2));
    const wrongMagic = good.slice();
    wrongMagic[1] = 0x67;
    expect(() => readHeader(new BitReader(wrongMagic))).toThrow(/not a zfp stream: expected the magic bytes "zfp", found 0x7a 0x67 0x70/);
    const wrongVersion = good.slice();
    wrongVersion[3] = 6;
    expect(() => readHeader(new BitReader(wrongVersion))).toThrow(/unsupported zfp codec version 6/);
    // The reader returns zeros past the end; check() (as decompress calls it) reports the overrun.
    for (let n = 0; n < good.length; n++) {
      const r = new BitReader(good.subarray(0, n));
      expect(() => {
        readHeader(r);
        r.check();
      }).toThrow(ZfpFormatError);
    }
  });
});
