import type { Shape } from '../zfp/types.ts';

/** Base class of every error a representation throws on purpose. */
export class RepresentationError extends Error {
  override name = 'RepresentationError';
}

/** A value the format cannot hold: it would round to ±Infinity, or it is not a finite number. */
export class RepresentationRangeError extends RepresentationError {
  override name = 'RepresentationRangeError';

  constructor(
    readonly format: string,
    readonly value: number,
    readonly index: number,
    readonly maxFinite: number,
  ) {
    super(`${format} cannot store ${value} at index ${index}: its largest finite value is ${maxFinite}`);
  }
}

/** A field whose length does not match the representation's shape, or an invalid shape. */
export class RepresentationShapeError extends RepresentationError {
  override name = 'RepresentationShapeError';
}

/** An element index with the wrong number of coordinates, or a coordinate outside the shape. */
export class ArrayIndexError extends RepresentationError {
  override name = 'ArrayIndexError';

  constructor(
    readonly index: readonly number[],
    readonly shape: Shape,
  ) {
    super(
      index.length === shape.length
        ? `index [${index.join(', ')}] is outside the array of shape [${shape.join(', ')}]`
        : `an array of shape [${shape.join(', ')}] takes ${shape.length} indices, got [${index.join(', ')}]`,
    );
  }
}

/** A representation name no kind answers to. */
export class UnknownRepresentationError extends RepresentationError {
  override name = 'UnknownRepresentationError';

  constructor(readonly representation: string) {
    super(
      `unknown representation ${JSON.stringify(representation)}: expected float64, float32, bfloat16, float16, ` +
        'zfp-rate-<bits>, zfp-precision-<planes>, zfp-accuracy-<tolerance>, zfp-reversible or zfp-expert-<minbits>-<maxbits>-<maxprec>-<minexp>',
    );
  }
}
