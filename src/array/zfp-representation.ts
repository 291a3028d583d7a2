import { resolveParams } from '../zfp/index.ts';
import type { Shape, ZfpConfig } from '../zfp/types.ts';
import { RepresentationShapeError } from './errors.ts';
import type { Representation, RepresentationKind } from './representation.ts';
import { CompressionSummary, type CompressionStats } from './compression-stats.ts';
import { ZfpArray, type ZfpArrayType } from './zfp-array.ts';
import { zfpName } from './zfp-name.ts';

/** A field stored as a zfp-compressed array of float64 or float32 values (a float32 array rounds what it is given). */
class ZfpRepresentation implements Representation {
  readonly name: string;
  readonly shape: Shape;
  private readonly array: ZfpArray;
  /** Refilled by every store: the returned statistics hold until the next one. */
  private readonly summary = new CompressionSummary();

  constructor(config: ZfpConfig, shape: Shape, type: ZfpArrayType) {
    // Whole fields only go in and out: one cache line is enough.
    this.array = new ZfpArray(shape, config, { cacheBlocks: 1, type });
    this.name = this.array.name;
    this.shape = this.array.shape;
  }

  store(values: Float64Array): CompressionStats {
    this.checkLength(values.length, 'values');
    this.array.write(values);
    return this.array.stats(this.summary);
  }

  load(out: Float64Array): void {
    this.checkLength(out.length, 'an output of');
    this.array.read(out);
  }

  bitsPerValue(): number {
    return this.array.bitsPerValue;
  }

  private checkLength(length: number, what: string): void {
    if (length !== this.array.length) {
      throw new RepresentationShapeError(`${this.name} representation of shape [${this.shape.join(', ')}] holds ${this.array.length} values, got ${what} ${length}`);
    }
  }
}

/**
 * zfp with one configuration as a representation, named as in results (zfp-rate-16, …; a float32
 * array adds -float32). The configuration is checked here, so a bad one fails before any run starts.
 */
export function zfpKind(config: ZfpConfig, type: ZfpArrayType = 'float64'): RepresentationKind {
  resolveParams(config, type, 1);
  return { name: type === 'float64' ? zfpName(config) : `${zfpName(config)}-float32`, create: (shape) => new ZfpRepresentation(config, shape, type) };
}
