import type { Shape } from '../zfp/types.ts';
import { forEachInBlockOrder } from './block-order.ts';
import { ArrayIndexError, RepresentationShapeError } from './errors.ts';
import type { ZfpArray } from './zfp-array.ts';

/** Integers 0 ≤ x < n; (x >>> 0) === x fails for undefined, NaN, fractions and negatives. */
const inRange = (x: number | undefined, n: number): boolean => (x! >>> 0) === x && x < n;

/**
 * A box inside a ZfpArray, as zfp's views are: coordinates relative to its origin, bounds checked
 * against its shape, reads and writes through the array's own cache and checks (no copy).
 */
export class ZfpArrayView {
  readonly origin: readonly number[];
  readonly shape: Shape;
  private readonly dims: number;
  private readonly oi: number;
  private readonly oj: number;
  private readonly ok: number;
  private readonly ol: number;
  private readonly ni: number;
  private readonly nj: number;
  private readonly nk: number;
  private readonly nl: number;

  constructor(
    readonly array: ZfpArray,
    origin: readonly number[],
    shape: Shape,
  ) {
    const dims = array.dims;
    const box = `a view from [${Array.from(origin ?? []).join(', ')}] of shape [${Array.from(shape ?? []).join(', ')}]`;
    if (origin?.length !== dims || shape?.length !== dims) throw new RepresentationShapeError(`${box}: an array of shape [${array.shape.join(', ')}] takes ${dims} coordinates for each`);
    for (let a = 0; a < dims; a++) {
      const o = origin[a]!, n = shape[a]!;
      if (!(Number.isInteger(o) && Number.isInteger(n) && o >= 0 && n >= 1 && o + n <= array.shape[a]!)) {
        throw new RepresentationShapeError(`${box} does not lie inside the array of shape [${array.shape.join(', ')}]`);
      }
    }
    this.dims = dims;
    this.origin = [...origin];
    this.shape = [...shape];
    [this.oi = 0, this.oj = 0, this.ok = 0, this.ol = 0] = origin;
    [this.ni = 1, this.nj = 1, this.nk = 1, this.nl = 1] = shape;
  }

  /** The element at (i, j, k, l) of the view, as many coordinates as the array has axes. */
  get(i: number, j?: number, k?: number, l?: number): number {
    this.check(arguments.length, i, j, k, l);
    return this.at(i, j, k, l);
  }

  /** The element at view coordinates already checked (those past dims ignored). */
  private at(i: number, j?: number, k?: number, l?: number): number {
    switch (this.dims) {
      case 1: return this.array.get(i + this.oi);
      case 2: return this.array.get(i + this.oi, j! + this.oj);
      case 3: return this.array.get(i + this.oi, j! + this.oj, k! + this.ok);
      default: return this.array.get(i + this.oi, j! + this.oj, k! + this.ok, l! + this.ol);
    }
  }

  /** Set the element at (i, j, k, l) of the view, the value last; the array's checks apply. */
  set(i: number, value: number): void;
  set(i: number, j: number, value: number): void;
  set(i: number, j: number, k: number, value: number): void;
  set(i: number, j: number, k: number, l: number, value: number): void;
  set(i: number, j: number, k?: number, l?: number, m?: number): void {
    this.check(arguments.length - 1, i, j, k, l);
    switch (this.dims) {
      case 1: return this.array.set(i + this.oi, j);
      case 2: return this.array.set(i + this.oi, j + this.oj, k!);
      case 3: return this.array.set(i + this.oi, j + this.oj, k! + this.ok, l!);
      default: return this.array.set(i + this.oi, j + this.oj, k! + this.ok, l! + this.ol, m!);
    }
  }

  /** Call `visit` with every element of the view and its view coordinates, block by block in zfp's order. */
  forEach(visit: (value: number, i: number, j: number, k: number, l: number) => void): void {
    const { oi, oj, ok, ol } = this;
    const lo = [oi, oj, ok, ol];
    const hi = [oi + this.ni, oj + this.nj, ok + this.nk, ol + this.nl];
    forEachInBlockOrder(lo, hi, (i, j, k, l) => visit(this.at(i - oi, j - oj, k - ok, l - ol), i - oi, j - oj, k - ok, l - ol));
  }

  private check(count: number, i: number, j: number | undefined, k: number | undefined, l: number | undefined): void {
    const dims = this.dims;
    const ok = count === dims && inRange(i, this.ni) && (dims < 2 || inRange(j, this.nj)) && (dims < 3 || inRange(k, this.nk)) && (dims < 4 || inRange(l, this.nl));
    if (!ok) throw new ArrayIndexError([i, j, k, l].slice(0, count) as number[], this.shape);
  }
}
