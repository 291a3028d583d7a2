import type { BlockPosition } from './gather.ts';
import { highToDouble, wordsToDouble } from './negabinary.ts';

/*
 * The decoder's last stages for a full 2D float64 block whose inverse runs in doubles (see
 * lift-double.ts): coefficients out of sequency order and negabinary, zfp's inverse lifting
 * along y then x, and the scaled values into the field. Fused for the 16-value block, whose
 * stages are otherwise mostly loop overhead and stores reloaded by the next stage: the columns
 * are lifted as they are read from the coefficient words, and each row is lifted as it goes to
 * the field.
 */

const INT64_LIMIT = 2 ** 63;

/** Column lifts' results, row by row. */
const lifted = new Float64Array(16);

/**
 * Invert the block's coefficients (uhi, ulo) through `iperm` into `field` at the full block
 * position `at`, times `scale`; `highOnly` when every low word is zero. False if a value
 * reaches 2^63, where C would have wrapped around: the caller then redoes the block in integers
 * (the coefficient words are left as they were). Only for blocks where wrap-around inside the
 * passes is impossible (wrapImpossible).
 */
export function invOrderXform2dToField(uhi: Int32Array, ulo: Int32Array, highOnly: boolean, iperm: Uint8Array, scale: number, field: Float64Array, at: BlockPosition): boolean {
  // Columns (along y) from the coefficient words into `lifted`, each lift as zfp's inverse lift in doubles (see lift-double.ts).
  for (let p = 0; p < 4; p++) {
    const i = iperm[p]!, j = iperm[p + 4]!, k = iperm[p + 8]!, l = iperm[p + 12]!;
    let x: number, y: number, z: number, w: number;
    if (highOnly) {
      x = highToDouble(uhi[i]!); y = highToDouble(uhi[j]!); z = highToDouble(uhi[k]!); w = highToDouble(uhi[l]!);
    } else {
      x = wordsToDouble(uhi[i]!, ulo[i]!); y = wordsToDouble(uhi[j]!, ulo[j]!); z = wordsToDouble(uhi[k]!, ulo[k]!); w = wordsToDouble(uhi[l]!, ulo[l]!);
    }
    y += w * 0.5; w -= y * 0.5;
    y += w; w = 2 * w - y;
    z += x; x = 2 * x - z;
    y += z; z = 2 * z - y;
    w += x; x = 2 * x - w;
    lifted[p] = x; lifted[p + 4] = y; lifted[p + 8] = z; lifted[p + 12] = w;
  }
  // Rows (along x) from `lifted`, scaled into the field.
  const { base, rows, sx } = at;
  let m = 0;
  for (let r = 0; r < 4; r++) {
    const q = 4 * r;
    let x = lifted[q]!, y = lifted[q + 1]!, z = lifted[q + 2]!, w = lifted[q + 3]!;
    y += w * 0.5; w -= y * 0.5;
    y += w; w = 2 * w - y;
    z += x; x = 2 * x - z;
    y += z; z = 2 * z - y;
    w += x; x = 2 * x - w;
    m = Math.max(m, Math.abs(x), Math.abs(y), Math.abs(z), Math.abs(w));
    const f = base + rows[r]!;
    field[f] = x * scale;
    field[f + sx] = y * scale;
    field[f + 2 * sx] = z * scale;
    field[f + 3 * sx] = w * scale;
  }
  return m < INT64_LIMIT;
}
