import { ZfpParameterError } from './errors.ts';
import type { Shape, Strides } from './types.ts';

/** Largest element count a field may have here (typed arrays index with 32-bit lengths). */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/** A validated shape padded to 4 axes (extent 1 on unused axes), with element strides. */
export interface Layout {
  readonly dims: number;
  readonly n: readonly [number, number, number, number];
  readonly s: readonly [number, number, number, number];
  readonly offset: number;
  readonly count: number;
  /** Blocks per axis and in total. */
  readonly nb: readonly [number, number, number, number];
  readonly blocks: number;
}

export function checkShape(shape: Shape): void {
  if (!Array.isArray(shape) || shape.length < 1 || shape.length > 4) {
    throw new ZfpParameterError(`shape must have 1 to 4 extents, got ${JSON.stringify(shape)}`);
  }
  let count = 1;
  for (const n of shape) {
    if (!Number.isInteger(n) || n < 1) throw new ZfpParameterError(`shape extents must be positive integers, got [${shape.join(', ')}]`);
    count *= n;
  }
  if (count > MAX_ELEMENTS) {
    throw new ZfpParameterError(`shape [${shape.join(', ')}] has ${count} elements, more than the ${MAX_ELEMENTS} a field may have`);
  }
}

export function layoutOf(shape: Shape, strides?: Strides, offset = 0): Layout {
  checkShape(shape);
  const dims = shape.length;
  const n = [1, 1, 1, 1] as [number, number, number, number];
  const s = [0, 0, 0, 0] as [number, number, number, number];
  let step = 1;
  for (let a = 0; a < dims; a++) {
    n[a] = shape[a]!;
    s[a] = strides ? strides[a]! : step;
    step *= n[a];
  }
  if (strides && (strides.length !== dims || !strides.every(Number.isInteger))) {
    throw new ZfpParameterError(`strides must be ${dims} integers matching the shape, got ${JSON.stringify(strides)}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new ZfpParameterError(`offset must be a non-negative integer, got ${offset}`);
  const nb = n.map((e) => Math.ceil(e / 4)) as unknown as [number, number, number, number];
  for (let a = dims; a < 4; a++) nb[a] = 1;
  return { dims, n, s, offset, count: step, nb, blocks: nb[0] * nb[1] * nb[2] * nb[3] };
}

/** Throws unless every element the layout addresses lies inside an array of `length`. */
export function checkExtent(layout: Layout, length: number): void {
  let lo = layout.offset;
  let hi = layout.offset;
  for (let a = 0; a < 4; a++) {
    const span = (layout.n[a]! - 1) * layout.s[a]!;
    if (span < 0) lo += span;
    else hi += span;
  }
  if (lo < 0 || hi >= length) {
    throw new ZfpParameterError(`shape, strides and offset address elements ${lo}..${hi}, outside the data array of length ${length}`);
  }
}

/** Does the layout address `count` consecutive elements from its offset, x fastest? */
export function isContiguous(layout: Layout): boolean {
  let step = 1;
  for (let a = 0; a < 4; a++) {
    if (layout.n[a]! > 1 && layout.s[a] !== step) return false;
    step *= layout.n[a]!;
  }
  return true;
}
