import type { Shape } from '../zfp/types.ts';

/** What storing a field cost and kept. Plane counts are null where the notion does not apply. */
export interface StoreStats {
  /** Bytes the stored field occupies. */
  readonly bytes: number;
  /** Uncompressed bytes of the values stored (float64; float32 for a float32 ZFP array) divided by stored bytes. */
  readonly ratio: number;
  /** Fewest / most bit planes any ZFP block kept; null for non-ZFP representations. */
  readonly minPlanes: number | null;
  readonly maxPlanes: number | null;
  /** ZFP only: per plane count the largest block exponent (see compression-stats.ts), for per-block bounds. */
  readonly exponentsByPlanes?: Int16Array;
}

/**
 * A way of holding a float64 field between steps: store it, load it back.
 * `load` after `store` yields Q(x), the representation's rounding of x.
 */
export interface Representation {
  /** Stable identifier used in results, e.g. `zfp-precision-24`, `float32`. */
  readonly name: string;
  readonly shape: Shape;
  /** Replace the stored state by `values` (length = product of shape). The statistics hold until the next store, which may refill them: copy what must outlive it. */
  store(values: Float64Array): StoreStats;
  /** Write the stored state into `out`. */
  load(out: Float64Array): void;
  /** Storage cost of the current state in bits per value. */
  bitsPerValue(): number;
}

/** Makes representations of one kind for a given shape; experiments sweep over these. */
export interface RepresentationKind {
  readonly name: string;
  create(shape: Shape): Representation;
}
