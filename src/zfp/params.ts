import { DEFAULT_WORD_BITS, type StreamWordBits } from './bitstream.ts';
import { ZfpParameterError } from './errors.ts';
import { blockSize, traitsOf, ZFP_MAX_BITS, ZFP_MAX_PREC, ZFP_MIN_BITS, ZFP_MIN_EXP } from './traits.ts';
import type { ScalarType, StreamParams, ZfpConfig } from './types.ts';

/** The mode zfp 1.0 infers from a stream's four parameters (zfp_stream_compression_mode). */
export type ModeName = 'rate' | 'precision' | 'accuracy' | 'reversible' | 'expert';

function checkNumber(name: string, value: number, ok: boolean, expected: string): void {
  if (!ok) throw new ZfpParameterError(`${name} must be ${expected}, got ${value}`);
}

/**
 * Turn a user-level configuration into zfp's (minbits, maxbits, maxprec, minexp), as zfp_stream_set_* do.
 * `wordBits` is the stream word size word-aligned fixed rate rounds to.
 */
export function resolveParams(config: ZfpConfig, type: ScalarType, dims: number, wordBits: StreamWordBits = DEFAULT_WORD_BITS): StreamParams {
  checkNumber('dimensionality', dims, Number.isInteger(dims) && dims >= 1 && dims <= 4, 'an integer in 1..4');
  const t = traitsOf(type);
  if (typeof config !== 'object' || config === null) throw new ZfpParameterError(`a zfp configuration must be an object with a mode, got ${String(config)}`);
  switch (config.mode) {
    case 'rate': {
      const { rate } = config;
      checkNumber('rate', rate, Number.isFinite(rate) && rate > 0, 'a positive finite number of bits per value');
      const n = blockSize(dims);
      let bits = Math.floor(n * rate + 0.5);
      if (t.isFloat) bits = Math.max(bits, 1 + t.ebits);
      if (config.align) bits = Math.ceil(bits / wordBits) * wordBits;
      checkNumber('rate', rate, bits <= 0xffffffff, 'small enough for a 32-bit block budget');
      return { minbits: bits, maxbits: bits, maxprec: ZFP_MAX_PREC, minexp: ZFP_MIN_EXP };
    }
    case 'precision': {
      // As zfp_stream_set_precision: 0 means full precision, and more than 64 planes is 64.
      const { precision } = config;
      checkNumber('precision', precision, Number.isInteger(precision) && precision >= 0, 'a non-negative integer (0 for full precision)');
      const maxprec = precision === 0 ? ZFP_MAX_PREC : Math.min(precision, ZFP_MAX_PREC);
      return { minbits: ZFP_MIN_BITS, maxbits: ZFP_MAX_BITS, maxprec, minexp: ZFP_MIN_EXP };
    }
    case 'accuracy': {
      // As zfp_stream_set_accuracy: tolerance 0 keeps every bit plane.
      const { tolerance } = config;
      checkNumber('tolerance', tolerance, Number.isFinite(tolerance) && tolerance >= 0, 'a non-negative finite number (0 keeps every bit plane)');
      const minexp = tolerance > 0 ? floorLog2(tolerance) : ZFP_MIN_EXP;
      return { minbits: ZFP_MIN_BITS, maxbits: ZFP_MAX_BITS, maxprec: ZFP_MAX_PREC, minexp };
    }
    case 'reversible':
      return { minbits: ZFP_MIN_BITS, maxbits: ZFP_MAX_BITS, maxprec: ZFP_MAX_PREC, minexp: ZFP_MIN_EXP - 1 };
    case 'expert': {
      const p = checkParams(config);
      // Below the fixed header bits of a block, zfp 1.0's budget arithmetic wraps around and overruns its buffer.
      const least = t.isFloat ? (isReversible(p) ? 2 + t.ebits + t.pbits : 1 + t.ebits) : isReversible(p) ? t.pbits : 1;
      checkNumber('maxbits', p.maxbits, p.maxbits >= least, `at least ${least} for ${type} blocks in this mode`);
      return p;
    }
    default:
      throw new ZfpParameterError(`unknown zfp mode ${JSON.stringify((config as { mode?: unknown }).mode)}: expected rate, precision, accuracy, reversible or expert`);
  }
}

/** zfp_stream_set_params' acceptance test, plus the ranges its header can carry. */
export function checkParams(p: StreamParams): StreamParams {
  const { minbits, maxbits, maxprec, minexp } = p;
  for (const [name, v] of Object.entries({ minbits, maxbits, maxprec, minexp })) {
    checkNumber(name, v, Number.isInteger(v), 'an integer');
  }
  checkNumber('maxprec', maxprec, maxprec >= 1 && maxprec <= ZFP_MAX_PREC, `in 1..${ZFP_MAX_PREC}`);
  checkNumber('maxbits', maxbits, maxbits >= 1 && maxbits <= 0xffffffff, 'in 1..2^32-1');
  checkNumber('minbits', minbits, minbits >= 0 && minbits <= maxbits, `in 0..maxbits (${maxbits})`);
  checkNumber('minexp', minexp, Math.abs(minexp) <= 0x7fffffff, 'a 32-bit integer');
  return { minbits, maxbits, maxprec, minexp };
}

/** floor(log2 x) for finite x > 0, exactly (zfp: frexp's exponent minus one). */
export function floorLog2(x: number): number {
  let e = Math.floor(Math.log2(x));
  // log2 can be off by one near powers of two; settle it with exact power comparisons.
  if (2 ** e > x) e--;
  else if (2 ** (e + 1) <= x) e++;
  return e;
}

export function modeOf(p: StreamParams): ModeName | null {
  const { minbits, maxbits, maxprec, minexp } = p;
  if (minbits > maxbits || !(maxprec > 0 && maxprec <= 64)) return null;
  if (minbits === ZFP_MIN_BITS && maxbits === ZFP_MAX_BITS && maxprec === ZFP_MAX_PREC && minexp === ZFP_MIN_EXP) return 'expert';
  if (minbits === maxbits && maxbits >= 1 && maxbits <= ZFP_MAX_BITS && maxprec >= ZFP_MAX_PREC && minexp === ZFP_MIN_EXP) return 'rate';
  const unlimited = minbits <= ZFP_MIN_BITS && maxbits >= ZFP_MAX_BITS;
  if (unlimited && minexp === ZFP_MIN_EXP) return 'precision';
  if (unlimited && maxprec >= ZFP_MAX_PREC && minexp >= ZFP_MIN_EXP) return 'accuracy';
  if (unlimited && maxprec >= ZFP_MAX_PREC && minexp < ZFP_MIN_EXP) return 'reversible';
  return 'expert';
}

export function isReversible(p: StreamParams): boolean {
  return p.minexp < ZFP_MIN_EXP;
}

/** The configuration that reproduces these parameters (used after reading a header). */
export function configOf(p: StreamParams): ZfpConfig {
  switch (modeOf(p)) {
    case 'precision':
      return { mode: 'precision', precision: p.maxprec };
    case 'accuracy':
      return { mode: 'accuracy', tolerance: 2 ** p.minexp };
    case 'reversible':
      return { mode: 'reversible' };
    default:
      return { mode: 'expert', ...p };
  }
}

/** Bit planes a float block with exponent emax keeps (zfp's precision(), default rounding). */
export function blockPrecision(emax: number, p: StreamParams, dims: number): number {
  return Math.min(p.maxprec, Math.max(0, emax - p.minexp + 2 * dims + 2));
}

/**
 * The fewest bits the decoder consumes for one block, from the format: a float block can be all zero
 * (one flag bit), but an integer block reads at least one group-test bit per bit plane (after its
 * precision field in reversible mode) until the budget ends, and every block is padded to minbits.
 */
export function minimumBlockBits(p: StreamParams, type: ScalarType): number {
  const t = traitsOf(type);
  let least: number;
  if (t.isFloat) least = 1;
  else if (isReversible(p)) least = t.pbits + (p.maxbits > t.pbits ? 1 : 0);
  else least = Math.min(p.maxbits, p.maxprec, t.intprec);
  return Math.max(least, p.minbits);
}

/** Upper bound on the compressed size in bytes, as zfp_stream_maximum_size computes it (header room included). */
export function maximumSize(p: StreamParams, type: ScalarType, dims: number, blocks: number): number {
  const t = traitsOf(type);
  const reversible = isReversible(p);
  const values = blockSize(dims);
  let maxbits = t.isFloat ? (reversible ? 2 + t.ebits + t.pbits : 1 + t.ebits) : reversible ? t.pbits : 0;
  maxbits += values - 1 + values * Math.min(p.maxprec, t.intprec);
  maxbits = Math.max(Math.min(maxbits, p.maxbits), p.minbits);
  const HEADER_MAX_BITS = 148;
  return Math.ceil((HEADER_MAX_BITS + blocks * maxbits) / 64) * 8;
}
