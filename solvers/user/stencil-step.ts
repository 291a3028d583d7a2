/**
 * A stencil compiled into one specialised loop: neighbour indices precomputed per tap, weights
 * inlined as literals. Taps with equal weights are summed first (adjacent pairs, then left to right)
 * and multiplied once, the order the built-in FTCS and Lax–Wendroff steps use, so a restated
 * built-in reproduces its doubles bit for bit.
 */
import type { Arithmetic } from '../../src/reference/arithmetic.ts';
import type { Boundary, FieldStep, Step } from '../problem.ts';

/** A problem file's boundaries: the built-ins' two, and a homogeneous Dirichlet boundary kept outside the field. */
export type StencilBoundary = Boundary | 'zero-outside';

export interface StencilLayout {
  readonly shape: readonly number[];
  readonly boundary: StencilBoundary;
  readonly offsets: readonly (readonly number[])[];
  readonly weights: readonly number[];
  /** Affine part b of F(u) = A·u + b, per point; null for a linear step. */
  readonly source: Float64Array | null;
  /** Dirichlet: the fixed values of the boundary points (interior entries unused). */
  readonly boundaryValues: Float64Array | null;
}

/** Taps grouped by weight, in the order of their first appearance. */
interface WeightGroup {
  readonly weight: number;
  readonly taps: readonly number[];
}

function groupTaps(weights: readonly number[]): WeightGroup[] {
  const groups: { weight: number; taps: number[] }[] = [];
  weights.forEach((weight, tap) => {
    const group = groups.find((g) => Object.is(g.weight, weight));
    if (group) group.taps.push(tap);
    else groups.push({ weight, taps: [tap] });
  });
  return groups;
}

/** The taps' values, adjacent pairs summed, then the partial sums left to right; no array per point. */
function pairwiseFold<T>(taps: readonly number[], tap: (t: number) => T, ar: Pick<Arithmetic<T>, 'add'>): T {
  let total = taps.length > 1 ? ar.add(tap(taps[0]!), tap(taps[1]!)) : tap(taps[0]!);
  for (let i = 2; i < taps.length; i += 2) total = ar.add(total, i + 1 < taps.length ? ar.add(tap(taps[i]!), tap(taps[i + 1]!)) : tap(taps[i]!));
  return total;
}

/** The points a step updates (all, or the Dirichlet interior) and, per tap, each point's neighbour (−1: past a zero-outside edge). */
function neighbourTable({ shape, boundary, offsets }: StencilLayout): { points: Int32Array; neighbours: Int32Array[] } {
  const size = shape.reduce((a, b) => a * b, 1);
  const strides = shape.map((_, axis) => shape.slice(0, axis).reduce((a, b) => a * b, 1));
  const points: number[] = [];
  const coordinate = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < size; i++) {
    for (let axis = 0, rest = i; axis < shape.length; axis++) {
      coordinate[axis] = rest % shape[axis]!;
      rest = Math.floor(rest / shape[axis]!);
    }
    if (boundary !== 'dirichlet' || coordinate.every((c, axis) => c > 0 && c < shape[axis]! - 1)) points.push(i);
  }
  const neighbours = offsets.map((offset) =>
    Int32Array.from(points, (i) => {
      let j = 0;
      for (let axis = 0, rest = i; axis < shape.length; axis++) {
        const n = shape[axis]!;
        const c = rest % n;
        rest = Math.floor(rest / n);
        const to = c + offset[axis]!;
        if (boundary === 'zero-outside' && (to < 0 || to >= n)) return -1;
        j += ((to % n) + n) % n * strides[axis]!;
      }
      return j;
    }),
  );
  return { points: Int32Array.from(points), neighbours };
}

/** The same arithmetic in any number type, term by term: the step's source and its reference twin. `weight(k)` is group k's. */
function stepTerms<T>(groups: readonly WeightGroup[], weight: (k: number) => T, tap: (t: number) => T, ar: Pick<Arithmetic<T>, 'add' | 'mul'>): T {
  let total = ar.mul(weight(0), pairwiseFold(groups[0]!.taps, tap, ar));
  for (let k = 1; k < groups.length; k++) total = ar.add(total, ar.mul(weight(k), pairwiseFold(groups[k]!.taps, tap, ar)));
  return total;
}

export interface CompiledStencil {
  readonly step: FieldStep;
  /** A: the step without its source, for power norms and linearity. */
  readonly linearPart: FieldStep;
  referenceStep<T>(arithmetic: Arithmetic<T>): Step<T>;
}

export function compileStencil(layout: StencilLayout): CompiledStencil {
  const { points, neighbours } = neighbourTable(layout);
  const groups = groupTaps(layout.weights);
  const isCentre = layout.offsets.map((o) => o.every((c) => c === 0));
  const literal = (k: number): string => `(${groups[k]!.weight.toString()})`;
  // Past a zero-outside edge a tap reads 0, as the built-in Jacobi adds it.
  const tapCode = (t: number): string => (isCentre[t] ? 'src[i]' : layout.boundary === 'zero-outside' ? `(n${t}[p] < 0 ? 0 : src[n${t}[p]])` : `src[n${t}[p]]`);
  const body = stepTerms<string>(groups, literal, tapCode, { add: (a, b) => `(${a} + ${b})`, mul: (a, b) => `${a} * ${b}` });
  const tables = neighbours.map((_, t) => `n${t}`);
  const make = (source: Float64Array | null, held: Float64Array | null): FieldStep => {
    const code = `return (src, dst) => { ${held ? 'dst.set(held);' : ''} for (let p = 0; p < points.length; p++) { const i = points[p]; dst[i] = ${body}${source ? ' + b[i]' : ''}; } };`;
    // One function per problem, specialised to its taps and weights: no per-point interpretation.
    const factory = new Function('points', 'held', 'b', ...tables, code) as (...args: unknown[]) => FieldStep;
    return factory(points, held, source, ...neighbours);
  };
  // The linear part holds the boundary at zero: the difference of two runs never moves there.
  const zeroBoundary = layout.boundaryValues ? new Float64Array(layout.boundaryValues.length) : null;

  const referenceStep = <T>(ar: Arithmetic<T>): Step<T> => {
    const source = layout.source ? Array.from(layout.source, (b) => ar.fromNumber(b)) : null;
    const held = layout.boundaryValues ? Array.from(layout.boundaryValues, (v) => ar.fromNumber(v)) : null;
    const weights = groups.map((g) => ar.fromNumber(g.weight));
    const weight = (k: number): T => weights[k]!;
    const zero = ar.fromNumber(0);
    return (src, dst) => {
      if (held) for (let i = 0; i < held.length; i++) dst.set(i, held[i]!);
      // One tap reader for the whole step, reading the point of the loop below; past a zero-outside edge it reads 0.
      let p = 0;
      let i = 0;
      const tap = (t: number): T => {
        if (isCentre[t]) return src.get(i);
        const j = neighbours[t]![p]!;
        return j < 0 ? zero : src.get(j);
      };
      for (; p < points.length; p++) {
        i = points[p]!;
        const sum = stepTerms(groups, weight, tap, ar);
        dst.set(i, source ? ar.add(sum, source[i]!) : sum);
      }
    };
  };
  return { step: make(layout.source, layout.boundaryValues), linearPart: make(null, zeroBoundary), referenceStep };
}
