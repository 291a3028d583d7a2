/** zfp 1.0's parameter semantics: what each mode resolves to, which mode a parameter set is, and what is refused. */
import { describe, expect, it } from 'vitest';
import { ZfpParameterError } from '../../src/zfp/errors.ts';
import { blockPrecision, checkParams, configOf, floorLog2, maximumSize, modeOf, resolveParams } from '../../src/zfp/params.ts';
import type { StreamParams, ZfpConfig } from '../../src/zfp/types.ts';

const UNLIMITED = { minbits: 1, maxbits: 16658, maxprec: 64 };

describe('resolveParams', () => {
  it('fixed rate: bits per block = round(4^d · rate)', () => {
    expect(resolveParams({ mode: 'rate', rate: 8 }, 'float64', 3)).toEqual({ minbits: 512, maxbits: 512, maxprec: 64, minexp: -1074 });
    expect(resolveParams({ mode: 'rate', rate: 2.5 }, 'float32', 2).maxbits).toBe(40);
    expect(resolveParams({ mode: 'rate', rate: 16 }, 'int32', 1).maxbits).toBe(64);
  });

  it('fixed rate: at least the exponent header for float blocks', () => {
    expect(resolveParams({ mode: 'rate', rate: 1 }, 'float64', 1).maxbits).toBe(12);
    expect(resolveParams({ mode: 'rate', rate: 1 }, 'float32', 1).maxbits).toBe(9);
    expect(resolveParams({ mode: 'rate', rate: 0.25 }, 'int32', 1).maxbits).toBe(1);
  });

  it('word-aligned fixed rate rounds up to the stream word', () => {
    expect(resolveParams({ mode: 'rate', rate: 1.1, align: true }, 'float64', 2).maxbits).toBe(24); // 18 → 24 with 8-bit words
    expect(resolveParams({ mode: 'rate', rate: 1.1, align: true }, 'float64', 2, 64).maxbits).toBe(64);
  });

  it('fixed precision, fixed accuracy and reversible', () => {
    expect(resolveParams({ mode: 'precision', precision: 20 }, 'float64', 2)).toEqual({ ...UNLIMITED, maxprec: 20, minexp: -1074 });
    expect(resolveParams({ mode: 'accuracy', tolerance: 1e-3 }, 'float64', 2)).toEqual({ ...UNLIMITED, minexp: -10 });
    expect(resolveParams({ mode: 'accuracy', tolerance: 2 ** -10 }, 'float32', 3).minexp).toBe(-10);
    expect(resolveParams({ mode: 'accuracy', tolerance: 1 }, 'float64', 1).minexp).toBe(0);
    expect(resolveParams({ mode: 'reversible' }, 'float32', 4)).toEqual({ ...UNLIMITED, minexp: -1075 });
  });

  it('precision 0 and precision above 64 mean all 64 planes; tolerance 0 keeps every plane (zfp_stream_set_*)', () => {
    expect(resolveParams({ mode: 'precision', precision: 0 }, 'float64', 2).maxprec).toBe(64);
    expect(resolveParams({ mode: 'precision', precision: 65 }, 'float64', 2).maxprec).toBe(64);
    expect(resolveParams({ mode: 'accuracy', tolerance: 0 }, 'float64', 2).minexp).toBe(-1074);
  });

  it('expert parameters pass through', () => {
    const p = { minbits: 100, maxbits: 200, maxprec: 30, minexp: -50 };
    expect(resolveParams({ mode: 'expert', ...p }, 'float64', 2)).toEqual(p);
  });

  const refused: [string, ZfpConfig, RegExp][] = [
    ['zero rate', { mode: 'rate', rate: 0 }, /rate must be a positive finite/],
    ['negative rate', { mode: 'rate', rate: -2 }, /rate must be/],
    ['NaN rate', { mode: 'rate', rate: NaN }, /rate must be/],
    ['infinite rate', { mode: 'rate', rate: Infinity }, /rate must be/],
    ['huge rate', { mode: 'rate', rate: 2 ** 30 }, /32-bit block budget/],
    ['negative precision', { mode: 'precision', precision: -1 }, /precision must be a non-negative integer .*got -1/],
    ['fractional precision', { mode: 'precision', precision: 2.5 }, /precision must be a non-negative integer .*got 2\.5/],
    ['NaN tolerance', { mode: 'accuracy', tolerance: NaN }, /tolerance must be a non-negative finite number .*got NaN/],
    ['negative tolerance', { mode: 'accuracy', tolerance: -1e-3 }, /tolerance must be/],
    ['infinite tolerance', { mode: 'accuracy', tolerance: Infinity }, /tolerance must be/],
    ['minbits above maxbits', { mode: 'expert', minbits: 300, maxbits: 200, maxprec: 64, minexp: -1074 }, /minbits must be in 0\.\.maxbits \(200\)/],
    ['maxprec 0', { mode: 'expert', minbits: 0, maxbits: 200, maxprec: 0, minexp: -1074 }, /maxprec must be in 1\.\.64/],
    ['fractional maxbits', { mode: 'expert', minbits: 0, maxbits: 200.5, maxprec: 64, minexp: -1074 }, /maxbits must be an integer/],
    ['maxbits below the block header', { mode: 'expert', minbits: 0, maxbits: 5, maxprec: 64, minexp: -1074 }, /maxbits must be at least 12/],
  ];
  it.each(refused)('refuses %s with a ZfpParameterError naming the parameter', (_, config, message) => {
    expect(() => resolveParams(config, 'float64', 2)).toThrow(ZfpParameterError);
    expect(() => resolveParams(config, 'float64', 2)).toThrow(message);
  });

  it.each([0, 5, 2.5, NaN])('refuses dimensionality %s', (dims) => {
    expect(() => resolveParams({ mode: 'reversible' }, 'float64', dims)).toThrow(/dimensionality must be an integer in 1\.\.4/);
  });

  it('expert reversible needs room for its larger block header', () => {
    const p = { mode: 'expert', minbits: 0, maxbits: 18, maxprec: 64, minexp: -1075 } as const;
    expect(() => resolveParams(p, 'float64', 1)).toThrow(/at least 19/);
    expect(resolveParams({ ...p, maxbits: 19 }, 'float64', 1).maxbits).toBe(19);
  });
});

describe('modeOf / configOf', () => {
  const cases: [ZfpConfig, string][] = [
    [{ mode: 'rate', rate: 4 }, 'rate'],
    [{ mode: 'precision', precision: 17 }, 'precision'],
    [{ mode: 'accuracy', tolerance: 1e-6 }, 'accuracy'],
    [{ mode: 'reversible' }, 'reversible'],
    [{ mode: 'expert', minbits: 10, maxbits: 300, maxprec: 40, minexp: -20 }, 'expert'],
  ];
  it.each(cases)('%j is %s mode, and configOf reproduces its parameters', (config, mode) => {
    const p = resolveParams(config, 'float64', 3);
    expect(modeOf(p)).toBe(mode);
    expect(resolveParams(configOf(p), 'float64', 3)).toEqual(p);
  });

  it('zfp calls the all-default parameter set expert', () => {
    expect(modeOf({ ...UNLIMITED, minexp: -1074 })).toBe('expert');
  });

  it('has no mode for inconsistent parameters', () => {
    expect(modeOf({ minbits: 5, maxbits: 4, maxprec: 64, minexp: 0 })).toBeNull();
    expect(modeOf({ minbits: 1, maxbits: 4, maxprec: 65, minexp: 0 })).toBeNull();
  });
});

describe('helpers', () => {
  it('floorLog2 is exact at and around powers of two', () => {
    for (let e = -1074; e <= 1023; e += 7) {
      expect(floorLog2(2 ** e)).toBe(e);
      if (e >= -1022) expect(floorLog2(2 ** e * (1 - 2 ** -52))).toBe(e - 1);
    }
    expect(floorLog2(Number.MAX_VALUE)).toBe(1023);
    expect(floorLog2(1e-3)).toBe(-10);
    expect(floorLog2(3 * 2 ** -1074)).toBe(-1073);
  });

  it('blockPrecision follows zfp: min(maxprec, max(0, emax − minexp + 2d + 2))', () => {
    const p: StreamParams = { ...UNLIMITED, minexp: -10 };
    expect(blockPrecision(0, p, 2)).toBe(16);
    expect(blockPrecision(-30, p, 2)).toBe(0);
    expect(blockPrecision(100, p, 4)).toBe(64);
  });

  it('maximumSize bounds any compressed field', () => {
    const p = resolveParams({ mode: 'rate', rate: 8 }, 'float64', 2);
    expect(maximumSize(p, 'float64', 2, 10)).toBe(Math.ceil((148 + 10 * 128) / 64) * 8);
  });

  it('checkParams refuses non-integers and out-of-range values', () => {
    expect(() => checkParams({ minbits: 0, maxbits: 2 ** 32, maxprec: 64, minexp: 0 })).toThrow(/maxbits must be in 1\.\.2\^32-1/);
    expect(() => checkParams({ minbits: 0, maxbits: 64, maxprec: 64, minexp: 2 ** 31 })).toThrow(/minexp must be a 32-bit integer/);
  });
});
