/** Scalar types zfp 1.0 compresses; the numbers are zfp's own type codes. */
export type ScalarType = 'int32' | 'int64' | 'float32' | 'float64';

/** Array extents, fastest-varying first (zfp's nx, ny, nz, nw); 1 to 4 entries. */
export type Shape = readonly number[];

/** Element strides in the same order as Shape; omitted means contiguous. */
export type Strides = readonly number[];

/** Typed array that holds values of a ScalarType. */
export type ScalarArray = Float64Array | Float32Array | Int32Array | BigInt64Array;

/** A field to compress: values plus their shape (and optional strides and offset into `data`). */
export interface Field {
  readonly type: ScalarType;
  readonly shape: Shape;
  readonly data: ScalarArray;
  readonly strides?: Strides;
  readonly offset?: number;
}

/** The compression modes of zfp 1.0, with its parameter semantics. */
export type ZfpConfig =
  | { readonly mode: 'rate'; readonly rate: number; readonly align?: boolean }
  | { readonly mode: 'precision'; readonly precision: number }
  | { readonly mode: 'accuracy'; readonly tolerance: number }
  | { readonly mode: 'reversible' }
  | {
      readonly mode: 'expert';
      readonly minbits: number;
      readonly maxbits: number;
      readonly maxprec: number;
      readonly minexp: number;
    };

/** The four numbers zfp's codec actually runs on (zfp_stream's minbits..minexp). */
export interface StreamParams {
  readonly minbits: number;
  readonly maxbits: number;
  readonly maxprec: number;
  readonly minexp: number;
}

/** What encoding or decoding one block did. */
export interface BlockStats {
  /** Common exponent of the block (unbiased), or null for an all-zero block or an integer type. */
  readonly emax: number | null;
  /** Bit planes encoded completely, counted from the most significant (0..64). */
  readonly planes: number;
  /** Bits the block occupies in the stream, padding included. */
  readonly bits: number;
}
