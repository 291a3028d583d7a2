/** Scalar types the SZ-style codec stores. */
export type SzScalarType = 'float32' | 'float64';

/** Extents, fastest-varying first (nx, ny, nz); 1 to 3 entries. */
export type SzShape = readonly number[];

export type SzArray = Float32Array | Float64Array;

/** A field to compress: contiguous values, x fastest. */
export interface SzField {
  readonly type: SzScalarType;
  readonly shape: SzShape;
  readonly data: SzArray;
}

/**
 * The error mode. `abs`: every value within `tolerance`. `rel`: within `ratio · (max − min)` of the
 * field's finite values, SZ's value-range-relative bound, resolved to an absolute bound per field.
 */
export type SzConfig = { readonly mode: 'abs'; readonly tolerance: number } | { readonly mode: 'rel'; readonly ratio: number };
