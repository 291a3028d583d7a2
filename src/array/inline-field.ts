import type { Shape, ZfpConfig } from '../zfp/types.ts';
import { CompressionSummary, type CompressionStats } from './compression-stats.ts';
import { ZfpArray, type ZfpArrayOptions } from './zfp-array.ts';

/** Writes the next state into `next` from the decompressed current one; must not keep either. */
export type Advance = (current: Float64Array, next: Float64Array) => void;

/**
 * A solver's state held compressed between steps: x̃_{k+1} = F(Q(x̃_k)). It owns the
 * compressed array, the decompressed and the advanced state, and the statistics record, so a
 * step allocates nothing (the storage arena grows only if the state stops fitting it).
 */
export class InlineField {
  readonly array: ZfpArray;
  /** Q(x̃_k): the state as decompressed at the start of the last step. */
  readonly decompressed: Float64Array;
  /** x̃_{k+1}: the state the last step computed and compressed. */
  readonly advanced: Float64Array;
  private readonly summary = new CompressionSummary();

  constructor(shape: Shape, config: ZfpConfig, options: Omit<ZfpArrayOptions, 'cacheBlocks'> = {}) {
    this.array = new ZfpArray(shape, config, { ...options, cacheBlocks: 1 });
    this.decompressed = new Float64Array(this.array.length);
    this.advanced = new Float64Array(this.array.length);
  }

  /** Compress the initial state x̃_0. The returned record is refilled by the next call. */
  start(initial: Float64Array): CompressionStats {
    this.advanced.set(initial);
    return this.compress();
  }

  /** Decompress, advance, recompress. The returned record is refilled by the next call. */
  step(advance: Advance): CompressionStats {
    this.array.read(this.decompressed);
    advance(this.decompressed, this.advanced);
    return this.compress();
  }

  private compress(): CompressionStats {
    this.array.write(this.advanced);
    return this.array.stats(this.summary);
  }
}
