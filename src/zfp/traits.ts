import type { ScalarArray, ScalarType } from './types.ts';

/** A typed-array class holding one scalar type's values. */
export interface ScalarArrayClass {
  new (length: number): ScalarArray;
  new (buffer: ArrayBuffer): ScalarArray;
  readonly name: string;
}

/** What zfp 1.0's codec needs to know about a scalar type. */
export interface ScalarTraits {
  readonly type: ScalarType;
  /** zfp's type code (zfp_type_int32 = 1 … zfp_type_double = 4). */
  readonly code: 1 | 2 | 3 | 4;
  /** Bytes per value. */
  readonly size: 4 | 8;
  /** Width of the block integers: 32 or 64 bit planes. */
  readonly intprec: 32 | 64;
  /** Exponent bits and bias of a floating type (0 for integers). */
  readonly ebits: number;
  readonly ebias: number;
  /** Bits of the per-block precision field in reversible mode. */
  readonly pbits: number;
  readonly isFloat: boolean;
  /** The typed array its values travel in. */
  readonly array: ScalarArrayClass;
}

const TRAITS: Readonly<Record<ScalarType, ScalarTraits>> = {
  int32: { type: 'int32', code: 1, size: 4, intprec: 32, ebits: 0, ebias: 0, pbits: 5, isFloat: false, array: Int32Array },
  int64: { type: 'int64', code: 2, size: 8, intprec: 64, ebits: 0, ebias: 0, pbits: 6, isFloat: false, array: BigInt64Array },
  float32: { type: 'float32', code: 3, size: 4, intprec: 32, ebits: 8, ebias: 127, pbits: 5, isFloat: true, array: Float32Array },
  float64: { type: 'float64', code: 4, size: 8, intprec: 64, ebits: 11, ebias: 1023, pbits: 6, isFloat: true, array: Float64Array },
};

export const SCALAR_TYPES: readonly ScalarType[] = ['int32', 'int64', 'float32', 'float64'];

export function traitsOf(type: ScalarType): ScalarTraits {
  return TRAITS[type];
}

export function typeFromCode(code: number): ScalarType | undefined {
  return SCALAR_TYPES[code - 1];
}

/** zfp 1.0's limits on the four stream parameters. */
export const ZFP_MIN_BITS = 1;
export const ZFP_MAX_BITS = 16658;
export const ZFP_MAX_PREC = 64;
export const ZFP_MIN_EXP = -1074;

/** Values in a d-dimensional block. */
export function blockSize(dims: number): number {
  return 1 << (2 * dims);
}
