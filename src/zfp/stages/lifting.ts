/**
 * zfp's decorrelating transform, stage 2: a lifting scheme applied to every
 * 4-value line of the block, along x, then y, z and w. Integer arithmetic
 * wraps modulo 2^width exactly as the C code on int32/int64 does, and >> is an
 * arithmetic shift (floor division by 2), which makes the lossy transform's
 * inverse exact only up to the bits those shifts drop.
 */
import { ZfpParameterError } from '../errors.ts';

/** Width of the block integers: 64 for float64/int64, 32 for float32/int32. */
export type IntWidth = 32 | 64;

/** Transforms one 4-value line in place: values at offset, offset + stride, offset + 2·stride, offset + 3·stride. */
export type LineLift = (v: BigInt64Array, offset: number, stride: number, width?: IntWidth) => void;

function readLine(v: BigInt64Array, offset: number, stride: number): [bigint, bigint, bigint, bigint] {
  return [v[offset]!, v[offset + stride]!, v[offset + 2 * stride]!, v[offset + 3 * stride]!];
}

function writeLine(v: BigInt64Array, offset: number, stride: number, line: readonly bigint[]): void {
  for (let i = 0; i < 4; i++) v[offset + i * stride] = line[i]!;
}

/**
 * Forward lift: a non-orthogonal transform close to a discrete cosine
 * transform, computed with adds and halvings only. Afterwards x holds the
 * line's mean and y, z, w the higher-order (oscillating) components.
 */
export const forwardLift: LineLift = (v, offset, stride, width = 64) => {
  const wrap = (a: bigint) => BigInt.asIntN(width, a);
  let [x, y, z, w] = readLine(v, offset, stride);
  x = wrap(x + w); x >>= 1n; w = wrap(w - x);
  z = wrap(z + y); z >>= 1n; y = wrap(y - z);
  x = wrap(x + z); x >>= 1n; z = wrap(z - x);
  w = wrap(w + y); w >>= 1n; y = wrap(y - w);
  w = wrap(w + (y >> 1n)); y = wrap(y - (w >> 1n));
  writeLine(v, offset, stride, [x, y, z, w]);
};

/** Inverse lift: undoes forwardLift step by step in reverse order, doubling where the forward lift halved. */
export const inverseLift: LineLift = (v, offset, stride, width = 64) => {
  const wrap = (a: bigint) => BigInt.asIntN(width, a);
  let [x, y, z, w] = readLine(v, offset, stride);
  y = wrap(y + (w >> 1n)); w = wrap(w - (y >> 1n));
  y = wrap(y + w); w = wrap(w << 1n); w = wrap(w - y);
  z = wrap(z + x); x = wrap(x << 1n); x = wrap(x - z);
  y = wrap(y + z); z = wrap(z << 1n); z = wrap(z - y);
  w = wrap(w + x); x = wrap(x << 1n); x = wrap(x - w);
  writeLine(v, offset, stride, [x, y, z, w]);
};

/**
 * Reversible forward lift (lossless mode): finite differences of increasing
 * order, x, Δx, Δ²x, Δ³x. No halving, so it is exactly invertible, at the price
 * of weaker decorrelation.
 */
export const forwardReversibleLift: LineLift = (v, offset, stride, width = 64) => {
  const wrap = (a: bigint) => BigInt.asIntN(width, a);
  let [x, y, z, w] = readLine(v, offset, stride);
  w = wrap(w - z); z = wrap(z - y); y = wrap(y - x);
  w = wrap(w - z); z = wrap(z - y);
  w = wrap(w - z);
  writeLine(v, offset, stride, [x, y, z, w]);
};

/** Exact inverse of forwardReversibleLift: running sums of the differences. */
export const inverseReversibleLift: LineLift = (v, offset, stride, width = 64) => {
  const wrap = (a: bigint) => BigInt.asIntN(width, a);
  let [x, y, z, w] = readLine(v, offset, stride);
  w = wrap(w + z);
  z = wrap(z + y); w = wrap(w + z);
  y = wrap(y + x); z = wrap(z + y); w = wrap(w + z);
  writeLine(v, offset, stride, [x, y, z, w]);
};

/** Apply `lift` to every line of a 4^dims block along one axis (0 = x, fastest varying). */
function liftAxis(lift: LineLift, block: BigInt64Array, dims: number, axis: number, width: IntWidth): void {
  const stride = 4 ** axis;
  for (let i = 0; i < 4 ** dims; i++) {
    // A line starts where the coordinate along this axis is 0.
    if (Math.floor(i / stride) % 4 === 0) lift(block, i, stride, width);
  }
}

function checkBlock(block: BigInt64Array, dims: number): void {
  if (!Number.isInteger(dims) || dims < 1 || dims > 4 || block.length !== 4 ** dims) {
    throw new ZfpParameterError(`a ${dims}D block has ${4 ** dims} values, got ${block.length}`);
  }
}

/** Forward transform of a block in place, axes in zfp's order: x, y, z, w. */
function forwardAlongAxes(lift: LineLift, block: BigInt64Array, dims: number, width: IntWidth): BigInt64Array {
  checkBlock(block, dims);
  for (let axis = 0; axis < dims; axis++) liftAxis(lift, block, dims, axis, width);
  return block;
}

/** Inverse transform of a block in place, axes reversed: w, z, y, x. */
function inverseAlongAxes(lift: LineLift, block: BigInt64Array, dims: number, width: IntWidth): BigInt64Array {
  checkBlock(block, dims);
  for (let axis = dims - 1; axis >= 0; axis--) liftAxis(lift, block, dims, axis, width);
  return block;
}

/** The transforms below work on a copy and return it, so every stage's input stays available for inspection. */
export function forwardTransform(block: BigInt64Array, dims: number, width: IntWidth = 64): BigInt64Array {
  return forwardAlongAxes(forwardLift, block.slice(), dims, width);
}

export function inverseTransform(block: BigInt64Array, dims: number, width: IntWidth = 64): BigInt64Array {
  return inverseAlongAxes(inverseLift, block.slice(), dims, width);
}

export function forwardReversibleTransform(block: BigInt64Array, dims: number, width: IntWidth = 64): BigInt64Array {
  return forwardAlongAxes(forwardReversibleLift, block.slice(), dims, width);
}

export function inverseReversibleTransform(block: BigInt64Array, dims: number, width: IntWidth = 64): BigInt64Array {
  return inverseAlongAxes(inverseReversibleLift, block.slice(), dims, width);
}
