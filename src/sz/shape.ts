import { SzParameterError } from './errors.ts';
import type { SzShape } from './types.ts';

/** Most values one stream holds: typed-array lengths stay safe and allocations stay bounded. */
export const MAX_VALUES = 2 ** 30;

/** Checks 1–3 positive integer extents and returns the value count. */
export function checkShape(shape: SzShape): number {
  if (shape.length < 1 || shape.length > 3) throw new SzParameterError(`shape must have 1 to 3 extents, got ${shape.length}`);
  let count = 1;
  for (const n of shape) {
    if (!Number.isSafeInteger(n) || n < 1) throw new SzParameterError(`extent ${n} is not a positive integer`);
    count *= n;
    if (count > MAX_VALUES) throw new SzParameterError(`shape [${shape.join(', ')}] holds more than ${MAX_VALUES} values`);
  }
  return count;
}

/** (nx, ny, nz) with missing extents 1, so one 3D predictor serves 1D and 2D fields. */
export function extents3(shape: SzShape): readonly [number, number, number] {
  return [shape[0] ?? 1, shape[1] ?? 1, shape[2] ?? 1];
}
