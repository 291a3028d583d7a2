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
