import type { Shape } from '../zfp/types.ts';
import { BFLOAT16 } from './bfloat16.ts';
import { RepresentationRangeError, RepresentationShapeError } from './errors.ts';
import { FLOAT16 } from './float16.ts';
import { FLOAT32_MAX, FLOAT32_OVERFLOW } from './float32.ts';
import { bitsToNumber, maxFinite, overflowThreshold, roundToBits, type NarrowFloatFormat } from './narrow-float.ts';
import type { Representation, RepresentationKind, StoreStats } from './representation.ts';

type Storage = Float64Array | Float32Array | Uint16Array;

/** How one IEEE-style format keeps a field: its storage, and rounding into and out of it. */
interface ValueFormat {
  readonly name: string;
  readonly bitsPerValue: number;
  readonly maxFinite: number;
  /** Smallest magnitude that would round to infinity. */
  readonly overflowThreshold: number;
  allocate(length: number): Storage;
  encode(values: Float64Array, storage: Storage): void;
  decode(storage: Storage, out: Float64Array): void;
}

function copy(from: ArrayLike<number>, to: Float64Array | Float32Array): void {
  for (let i = 0; i < from.length; i++) to[i] = from[i]!;
}

const float64: ValueFormat = {
  name: 'float64',
  bitsPerValue: 64,
  maxFinite: Number.MAX_VALUE,
  overflowThreshold: Infinity,
  allocate: (length) => new Float64Array(length),
  encode: (values, storage) => (storage as Float64Array).set(values),
  decode: (storage, out) => out.set(storage as Float64Array),
};

// Assignment into a Float32Array rounds to nearest, ties to even, directly from float64.
const float32: ValueFormat = {
  name: 'float32',
  bitsPerValue: 32,
  maxFinite: FLOAT32_MAX,
  overflowThreshold: FLOAT32_OVERFLOW,
  allocate: (length) => new Float32Array(length),
  encode: (values, storage) => copy(values, storage as Float32Array),
  decode: (storage, out) => copy(storage, out),
};

function sixteenBit(format: NarrowFloatFormat): ValueFormat {
  return {
    name: format.name,
    bitsPerValue: 16,
    maxFinite: maxFinite(format),
    overflowThreshold: overflowThreshold(format),
    allocate: (length) => new Uint16Array(length),
    encode: (values, storage) => {
      for (let i = 0; i < values.length; i++) storage[i] = roundToBits(values[i]!, format);
    },
    decode: (storage, out) => {
      for (let i = 0; i < out.length; i++) out[i] = bitsToNumber(storage[i]!, format);
    },
  };
}

function fieldLength(shape: Shape): number {
  if (shape.length < 1 || shape.length > 4 || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new RepresentationShapeError(`shape must be 1 to 4 positive integers, got [${shape.join(', ')}]`);
  }
  return shape.reduce((a, b) => a * b, 1);
}

/** A field stored value by value, each rounded to the nearest value of one format. */
class RoundingRepresentation implements Representation {
  readonly name: string;
  private readonly storage: Storage;
  private readonly stats: StoreStats;

  constructor(
    private readonly format: ValueFormat,
    readonly shape: Shape,
  ) {
    this.name = format.name;
    const length = fieldLength(shape);
    this.storage = format.allocate(length);
    this.stats = { bytes: (length * format.bitsPerValue) / 8, ratio: 64 / format.bitsPerValue, minPlanes: null, maxPlanes: null };
  }

  store(values: Float64Array): StoreStats {
    if (values.length !== this.storage.length) {
      throw new RepresentationShapeError(
        `${this.name} representation of shape [${this.shape.join(', ')}] holds ${this.storage.length} values, got ${values.length}`,
      );
    }
    // Check everything before writing anything, so a rejected store leaves the state as it was.
    const limit = this.format.overflowThreshold;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (!(Math.abs(x) < limit)) throw new RepresentationRangeError(this.name, x, i, this.format.maxFinite);
    }
    this.format.encode(values, this.storage);
    return this.stats;
  }

  load(out: Float64Array): void {
    if (out.length !== this.storage.length) {
      throw new RepresentationShapeError(`${this.name} representation holds ${this.storage.length} values, output has ${out.length}`);
    }
    this.format.decode(this.storage, out);
  }

  bitsPerValue(): number {
    return this.format.bitsPerValue;
  }
}

function kind(format: ValueFormat): RepresentationKind {
  return { name: format.name, create: (shape) => new RoundingRepresentation(format, shape) };
}

/** IEEE double: the identity, the uncompressed baseline. */
export const float64Kind = kind(float64);
export const float32Kind = kind(float32);
export const bfloat16Kind = kind(sixteenBit(BFLOAT16));
export const float16Kind = kind(sixteenBit(FLOAT16));

/** The value-by-value rounding representations, widest first. */
export const ieeeKinds: readonly RepresentationKind[] = [float64Kind, float32Kind, bfloat16Kind, float16Kind];
