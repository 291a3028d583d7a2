import { SzFormatError, SzParameterError } from './errors.ts';
import { checkShape, extents3 } from './shape.ts';
import type { SzArray, SzField, SzScalarType, SzShape } from './types.ts';

/** Default quantization radius: codes 1 … 2·radius − 1 are bins, code 0 marks an exactly stored value. */
export const DEFAULT_RADIUS = 32768;
export const MAX_RADIUS = 32768;
export const UNPREDICTABLE = 0;

/** What prediction and quantization leave: one code per value and the values stored exactly. */
export interface Quantized {
  /** Bin index + radius for each value in storage order, UNPREDICTABLE where the value is stored exactly. */
  readonly codes: Uint16Array;
  /** The values with code UNPREDICTABLE, in order, in the field's scalar type. */
  readonly unpredictable: SzArray;
  /** What the decoder will reconstruct; predictions used these, never the originals. */
  readonly reconstructed: SzArray;
}

export function checkRadius(radius: number): void {
  if (!Number.isInteger(radius) || radius < 1 || radius > MAX_RADIUS) throw new SzParameterError(`quantization radius must be an integer in 1…${MAX_RADIUS}, got ${radius}`);
}

export function checkBound(bound: number): void {
  if (!(bound >= 0) || !Number.isFinite(bound)) throw new SzParameterError(`error bound must be finite and ≥ 0, got ${bound}`);
}

const arrayOf = (type: SzScalarType, length: number): SzArray => (type === 'float32' ? new Float32Array(length) : new Float64Array(length));

/**
 * Lorenzo prediction from already reconstructed neighbours (out-of-domain neighbours are 0): the
 * 3D formula, which reduces to the 2D and 1D ones when ny or nz is 1.
 */
function predict(d: SzArray, i: number, x: number, y: number, z: number, sy: number, sz: number): number {
  const hx = x > 0;
  const hy = y > 0;
  const hz = z > 0;
  let p = 0;
  if (hx) p += d[i - 1]!;
  if (hy) p += d[i - sy]!;
  if (hz) p += d[i - sz]!;
  if (hx && hy) p -= d[i - 1 - sy]!;
  if (hx && hz) p -= d[i - 1 - sz]!;
  if (hy && hz) p -= d[i - sy - sz]!;
  if (hx && hy && hz) p += d[i - 1 - sy - sz]!;
  return p;
}

/**
 * Stage 1 of compression: predict each value from its reconstructed neighbours and quantize the
 * residual into bins of width 2·bound. A value is binned only if its reconstruction, rounded to the
 * field's type, is finite and lies within `bound` of it (checked in the arithmetic the decoder
 * repeats); every other value is stored exactly, so |x̂ − x| ≤ bound holds for every value.
 */
export function quantize(field: SzField, bound: number, radius = DEFAULT_RADIUS): Quantized {
  const n = checkShape(field.shape);
  checkBound(bound);
  checkRadius(radius);
  if (field.data.length !== n) throw new SzParameterError(`shape [${field.shape.join(', ')}] holds ${n} values, data has ${field.data.length}`);
  const [nx, ny, nz] = extents3(field.shape);
  const sy = nx;
  const sz = nx * ny;
  const single = field.type === 'float32';
  const width = 2 * bound;
  const data = field.data;
  const codes = new Uint16Array(n);
  const reconstructed = arrayOf(field.type, n);
  const exact = arrayOf(field.type, n);
  let exactCount = 0;
  let i = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, i++) {
        const v = data[i]!;
        const p = predict(reconstructed, i, x, y, z, sy, sz);
        const q = width > 0 ? Math.round((v - p) / width) : v === p ? 0 : NaN;
        const r = single ? Math.fround(p + q * width) : p + q * width;
        if (Math.abs(q) < radius && Math.abs(r - v) <= bound) {
          codes[i] = q + radius;
          reconstructed[i] = r;
        } else {
          codes[i] = UNPREDICTABLE;
          reconstructed[i] = v;
          exact[exactCount++] = v;
        }
      }
    }
  }
  return { codes, unpredictable: exact.slice(0, exactCount), reconstructed };
}

/** The inverse of `quantize`: the same predictions on the same reconstructed neighbours. */
export function dequantize(type: SzScalarType, shape: SzShape, bound: number, radius: number, codes: Uint16Array, unpredictable: SzArray): SzArray {
  const n = checkShape(shape);
  checkBound(bound);
  checkRadius(radius);
  if (codes.length !== n) throw new SzFormatError(`${codes.length} codes for ${n} values`);
  const [nx, ny, nz] = extents3(shape);
  const sy = nx;
  const sz = nx * ny;
  const width = 2 * bound;
  const out = arrayOf(type, n); // a float32 field rounds as it is stored, as the encoder's reconstruction did
  let next = 0;
  let i = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, i++) {
        const code = codes[i]!;
        if (code === UNPREDICTABLE) {
          if (next >= unpredictable.length) throw new SzFormatError(`more unpredictable codes than the ${unpredictable.length} values stored`);
          out[i] = unpredictable[next++]!;
        } else {
          if (code >= 2 * radius) throw new SzFormatError(`code ${code} outside the ${2 * radius} bins`);
          out[i] = predict(out, i, x, y, z, sy, sz) + (code - radius) * width;
        }
      }
    }
  }
  if (next !== unpredictable.length) throw new SzFormatError(`${unpredictable.length} unpredictable values stored, ${next} used`);
  return out;
}
