/** Deterministic test fields for the interop tests: one generator per kind of data zfp must handle. */
import type { ScalarArray, ScalarType } from '../../src/zfp/types.ts';

export type FieldKind =
  | 'smooth'
  | 'random'
  | 'zeros'
  | 'constant'
  | 'alternating'
  | 'subnormal'
  | 'wide'
  | 'negzero'
  | 'nonfinite';

const FLOAT_KINDS: readonly FieldKind[] = ['smooth', 'random', 'zeros', 'constant', 'alternating', 'subnormal', 'wide', 'negzero'];
const INT_KINDS: readonly FieldKind[] = ['smooth', 'random', 'zeros', 'constant', 'alternating', 'wide'];

/** Kinds that make sense for `type`; NaN/Inf only where zfp is lossless (reversible mode). */
export function kindsFor(type: ScalarType, reversible: boolean): readonly FieldKind[] {
  if (type === 'int32' || type === 'int64') return INT_KINDS;
  return reversible ? [...FLOAT_KINDS, 'nonfinite'] : FLOAT_KINDS;
}

/** splitmix32: small, fast and good enough to make reproducible noise from a seed. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}

/** A real-valued pattern in roughly [-1, 1] (or the kind's own range) at each index. */
function realValues(kind: FieldKind, shape: readonly number[], random: () => number, float32: boolean): number[] {
  const [nx = 1, ny = 1, nz = 1] = shape;
  const count = shape.reduce((a, b) => a * b, 1);
  const smooth = (i: number): number => {
    const x = i % nx;
    const y = Math.floor(i / nx) % ny;
    const z = Math.floor(i / (nx * ny)) % nz;
    const w = Math.floor(i / (nx * ny * nz));
    return Math.sin(0.31 * x + 0.7) * Math.cos(0.23 * y - 0.4) + 0.25 * Math.sin(0.17 * z + 0.11 * w);
  };
  const minNormalExp = float32 ? -126 : -1022;
  const maxExp10 = float32 ? 37 : 300;
  return Array.from({ length: count }, (_, i) => {
    switch (kind) {
      case 'smooth':
        return smooth(i);
      case 'random':
        return 2 * random() - 1;
      case 'zeros':
        return random() < 0.5 ? 0 : smooth(i);
      case 'constant':
        return 0.8125;
      case 'alternating':
        return (i % 2 === 0 ? 1 : -1) * (0.5 + 0.1 * random());
      case 'subnormal':
        // Mostly subnormal, some just above the smallest normal.
        return (2 * random() - 1) * 2 ** (minNormalExp + (random() < 0.8 ? -2 : 1));
      case 'wide':
        return (random() < 0.5 ? -1 : 1) * 10 ** ((2 * random() - 1) * maxExp10);
      case 'negzero':
        return i % 3 === 0 || i < count / 4 ? -0 : i % 3 === 1 ? 0 : smooth(i) * 1e-3;
      case 'nonfinite':
        return [NaN, Infinity, -Infinity, smooth(i)][Math.floor(random() * 4)]!;
    }
  });
}

/** Integers within zfp's safe range for lossy integer coding: |v| < 2^(bits-2). */
function intValues(kind: FieldKind, shape: readonly number[], random: () => number, bits: 32 | 64): bigint[] {
  const limit = 2 ** (bits - 2);
  const real = realValues(kind === 'wide' ? 'random' : kind, shape, random, false);
  return real.map((v) => {
    const scaled = kind === 'wide' ? Math.sign(v) * 2 ** (Math.abs(v) * (bits - 3)) : v * limit * 0.9;
    return BigInt(Math.trunc(scaled)) + (bits === 64 && kind === 'random' ? BigInt(Math.floor(random() * 2 ** 20)) : 0n);
  });
}

/** A field of `kind` with `shape` (fastest first), reproducible from `seed`. */
export function makeField(type: ScalarType, shape: readonly number[], kind: FieldKind, seed: number): ScalarArray {
  const random = rng(seed);
  switch (type) {
    case 'float64':
      return Float64Array.from(realValues(kind, shape, random, false));
    case 'float32':
      return Float32Array.from(realValues(kind, shape, random, true));
    case 'int32':
      return Int32Array.from(intValues(kind, shape, random, 32), Number);
    case 'int64':
      return BigInt64Array.from(intValues(kind, shape, random, 64));
  }
}

/** The raw little-endian bytes zfp's tool reads and writes. */
export function rawBytes(data: ScalarArray): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
