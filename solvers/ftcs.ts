import type { Arithmetic, Field } from '../src/reference/arithmetic.ts';
import { neighbours } from './grid.ts';
import type { Boundary, FieldStep, Stencil, Step } from './problem.ts';

/**
 * FTCS for u_t = αΔu on an n^d grid (d = 2 or 3): u' = c0·u + r·Σ(neighbours), c0 = 1 − 2d·r.
 * Values past a Dirichlet boundary are zero.
 */
export interface Ftcs {
  readonly step: FieldStep;
  referenceStep<T>(arithmetic: Arithmetic<T>): Step<T>;
  readonly stencil: Stencil;
}

export function ftcs(n: number, dims: 2 | 3, r: number, boundary: Boundary): Ftcs {
  const { prev, next } = neighbours(n, boundary);
  const nz = dims === 3 ? n : 1;
  const sy = n;
  const sz = n * n;

  const c0 = 1 - 2 * dims * r;
  const step: FieldStep = (src, dst) => {
    for (let z = 0; z < nz; z++) {
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n; x++) {
          const row = y * sy + z * sz;
          const col = x + z * sz;
          const xm = prev[x]!, xp = next[x]!, ym = prev[y]!, yp = next[y]!;
          let sum = (xm < 0 ? 0 : src[row + xm]!) + (xp < 0 ? 0 : src[row + xp]!);
          sum += (ym < 0 ? 0 : src[col + ym * sy]!) + (yp < 0 ? 0 : src[col + yp * sy]!);
          if (dims === 3) {
            const pillar = x + y * sy;
            const zm = prev[z]!, zp = next[z]!;
            sum += (zm < 0 ? 0 : src[pillar + zm * sz]!) + (zp < 0 ? 0 : src[pillar + zp * sz]!);
          }
          const i = row + x;
          dst[i] = c0 * src[i]! + r * sum;
        }
      }
    }
  };

  const referenceStep = <T>(ar: Arithmetic<T>): Step<T> => {
    const rT = ar.fromNumber(r);
    const c0T = ar.sub(ar.fromNumber(1), ar.mul(ar.fromNumber(2 * dims), rT));
    const zero = ar.fromNumber(0);
    // Hoisted, not created per point: a closure a point would cost the double-double reference more than its arithmetic.
    const at = (u: Field<T>, i: number, stride: number, base: number): T => (i < 0 ? zero : u.get(base + i * stride));
    return (src, dst) => {
      for (let z = 0; z < nz; z++) {
        for (let y = 0; y < n; y++) {
          for (let x = 0; x < n; x++) {
            // The neighbours summed in the double step's order.
            const row = y * sy + z * sz;
            const col = x + z * sz;
            let sum = ar.add(at(src, prev[x]!, 1, row), at(src, next[x]!, 1, row));
            sum = ar.add(sum, ar.add(at(src, prev[y]!, sy, col), at(src, next[y]!, sy, col)));
            if (dims === 3) {
              const pillar = x + y * sy;
              sum = ar.add(sum, ar.add(at(src, prev[z]!, sz, pillar), at(src, next[z]!, sz, pillar)));
            }
            const i = row + x;
            dst.set(i, ar.add(ar.mul(c0T, src.get(i)), ar.mul(rT, sum)));
          }
        }
      }
    };
  };

  const offsets: number[][] = [new Array<number>(dims).fill(0)];
  for (let axis = 0; axis < dims; axis++) {
    for (const o of [-1, 1]) offsets.push(Array.from({ length: dims }, (_, a) => (a === axis ? o : 0)));
  }
  const stencil: Stencil = { offsets, weights: [c0, ...new Array<number>(2 * dims).fill(r)] };

  return { step, referenceStep, stencil };
}
