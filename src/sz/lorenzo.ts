import { SzFormatError, SzParameterError } from './errors.ts';
import { checkShape, extents3 } from './shape.ts';
import { KeptBuffer } from './kept-buffer.ts';
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
  const n = checkQuantizeInput(field, bound, radius);
  const codes = new Uint16Array(n);
  const reconstructed = arrayOf(field.type, n);
  const exact = arrayOf(field.type, n);
  const exactCount = quantizeInto(field, bound, radius, codes, reconstructed, exact);
  return { codes, unpredictable: exact.slice(0, exactCount), reconstructed };
}

/** quantizeTransient's arrays, kept across calls (see KeptBuffer for the sizes kept). */
const kept = { codes: new KeptBuffer(), reconstructed: new KeptBuffer(), exact: new KeptBuffer() };

const keptArrayOf = (buffer: KeptBuffer, type: SzScalarType, length: number): SzArray => (type === 'float32' ? buffer.float32(length) : buffer.float64(length));

/**
 * `quantize` for a caller that encodes the result right away (the codec): the codes and the exactly
 * stored values are views of buffers the next call overwrites.
 */
export function quantizeTransient(field: SzField, bound: number, radius = DEFAULT_RADIUS): Omit<Quantized, 'reconstructed'> {
  const n = checkQuantizeInput(field, bound, radius);
  const codes = kept.codes.uint16(n);
  const exact = keptArrayOf(kept.exact, field.type, n);
  const exactCount = quantizeInto(field, bound, radius, codes, keptArrayOf(kept.reconstructed, field.type, n), exact);
  return { codes, unpredictable: exact.subarray(0, exactCount) };
}

function checkQuantizeInput(field: SzField, bound: number, radius: number): number {
  const n = checkShape(field.shape);
  checkBound(bound);
  checkRadius(radius);
  if (field.data.length !== n) throw new SzParameterError(`shape [${field.shape.join(', ')}] holds ${n} values, data has ${field.data.length}`);
  return n;
}

/**
 * Quantizes into `codes` and `reconstructed` (every entry written before it is read) and `exact`;
 * returns how many values went to `exact`. Each row's first value takes the general predictor; the
 * rest of the row the one its neighbours allow, summed in the order `predict` sums (the same bits).
 */
function quantizeInto(field: SzField, bound: number, radius: number, codes: Uint16Array, reconstructed: SzArray, exact: SzArray): number {
  const [nx, ny, nz] = extents3(field.shape);
  const sy = nx;
  const sz = nx * ny;
  const single = field.type === 'float32';
  const width = 2 * bound;
  // 0 (no shortcut) where 1/width overflows or width is 0.
  const reciprocal = width > 0 && Number.isFinite(1 / width) ? 1 / width : 0;
  const data = field.data;
  const d = reconstructed;
  let exactCount = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      let i = sz * z + sy * y;
      const end = i + nx;
      if (!binned(data[i]!, predict(d, i, 0, y, z, sy, sz), i, codes, d, width, reciprocal, bound, radius, single)) exact[exactCount++] = data[i]!;
      i++;
      if (z === 0 && y === 0) {
        for (; i < end; i++) if (!binned(data[i]!, 0 + d[i - 1]!, i, codes, d, width, reciprocal, bound, radius, single)) exact[exactCount++] = data[i]!;
      } else if (z === 0) {
        for (; i < end; i++) if (!binned(data[i]!, 0 + d[i - 1]! + d[i - sy]! - d[i - 1 - sy]!, i, codes, d, width, reciprocal, bound, radius, single)) exact[exactCount++] = data[i]!;
      } else if (y === 0) {
        for (; i < end; i++) if (!binned(data[i]!, 0 + d[i - 1]! + d[i - sz]! - d[i - 1 - sz]!, i, codes, d, width, reciprocal, bound, radius, single)) exact[exactCount++] = data[i]!;
      } else {
        for (; i < end; i++) {
          const p = 0 + d[i - 1]! + d[i - sy]! + d[i - sz]! - d[i - 1 - sy]! - d[i - 1 - sz]! - d[i - sy - sz]! + d[i - 1 - sy - sz]!;
          if (!binned(data[i]!, p, i, codes, d, width, reciprocal, bound, radius, single)) exact[exactCount++] = data[i]!;
        }
      }
    }
  }
  return exactCount;
}

/**
 * Bins v against its prediction p, writing code and reconstruction at i; false when v must be stored
 * exactly (code UNPREDICTABLE). A residual that `reciprocal` (1/width, or 0) puts at least radius + 1
 * bins out is stored exactly without the division: the product is within a few ulps of the quotient,
 * so the quotient rounds to a bin index of magnitude ≥ radius too, and the outcome is the same.
 */
function binned(v: number, p: number, i: number, codes: Uint16Array, reconstructed: SzArray, width: number, reciprocal: number, bound: number, radius: number, single: boolean): boolean {
  if (Math.abs((v - p) * reciprocal) >= radius + 1) {
    codes[i] = UNPREDICTABLE;
    reconstructed[i] = v;
    return false;
  }
  const q = width > 0 ? Math.round((v - p) / width) : v === p ? 0 : NaN;
  const r = single ? Math.fround(p + q * width) : p + q * width;
  if (Math.abs(q) < radius && Math.abs(r - v) <= bound) {
    codes[i] = q + radius;
    reconstructed[i] = r;
    return true;
  }
  codes[i] = UNPREDICTABLE;
  reconstructed[i] = v;
  return false;
}

/**
 * The inverse of `quantize`: the same predictions on the same reconstructed neighbours, into `out`
 * when given (it must be the type's array: a float32 field rounds as it is stored, as the encoder's
 * reconstruction did).
 */
export function dequantize(type: SzScalarType, shape: SzShape, bound: number, radius: number, codes: Uint16Array, unpredictable: SzArray, out?: SzArray): SzArray {
  const n = checkShape(shape);
  checkBound(bound);
  checkRadius(radius);
  if (codes.length !== n) throw new SzFormatError(`${codes.length} codes for ${n} values`);
  const d = out ?? arrayOf(type, n);
  if (d.length !== n || (type === 'float32') !== (d instanceof Float32Array)) throw new SzParameterError(`output for ${n} ${type} values is a ${d.constructor.name} of ${d.length}`);
  const [nx, ny, nz] = extents3(shape);
  const sy = nx;
  const sz = nx * ny;
  const width = 2 * bound;
  let next = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      let i = sz * z + sy * y;
      const end = i + nx;
      next = restore(predict(d, i, 0, y, z, sy, sz), i, codes, d, unpredictable, next, radius, width);
      i++;
      if (z === 0 && y === 0) {
        for (; i < end; i++) next = restore(0 + d[i - 1]!, i, codes, d, unpredictable, next, radius, width);
      } else if (z === 0) {
        for (; i < end; i++) next = restore(0 + d[i - 1]! + d[i - sy]! - d[i - 1 - sy]!, i, codes, d, unpredictable, next, radius, width);
      } else if (y === 0) {
        for (; i < end; i++) next = restore(0 + d[i - 1]! + d[i - sz]! - d[i - 1 - sz]!, i, codes, d, unpredictable, next, radius, width);
      } else {
        for (; i < end; i++) {
          const p = 0 + d[i - 1]! + d[i - sy]! + d[i - sz]! - d[i - 1 - sy]! - d[i - 1 - sz]! - d[i - sy - sz]! + d[i - 1 - sy - sz]!;
          next = restore(p, i, codes, d, unpredictable, next, radius, width);
        }
      }
    }
  }
  if (next !== unpredictable.length) throw new SzFormatError(`${unpredictable.length} unpredictable values stored, ${next} used`);
  return d;
}

/** Value i from its code and prediction p, or the next exactly stored value; returns the index of the one after. */
function restore(p: number, i: number, codes: Uint16Array, out: SzArray, unpredictable: SzArray, next: number, radius: number, width: number): number {
  const code = codes[i]!;
  if (code === UNPREDICTABLE) {
    if (next >= unpredictable.length) throw new SzFormatError(`more unpredictable codes than the ${unpredictable.length} values stored`);
    out[i] = unpredictable[next]!;
    return next + 1;
  }
  if (code >= 2 * radius) throw new SzFormatError(`code ${code} outside the ${2 * radius} bins`);
  out[i] = p + (code - radius) * width;
  return next;
}
