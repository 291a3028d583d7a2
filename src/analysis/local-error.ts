/**
 * What each stored step contributes to a bound, δ_j ≥ ‖Q(x̃_j) − x̃_j‖∞ (docs/theory.md §1): the
 * K_j·‖x̃_j‖∞ form that holds for any data with the same norms, block by block, for every ZFP mode.
 */
import { NO_EXPONENT } from '../zfp/index.ts';
import { absoluteBoundK, accuracyMinExp, blockErrorBound, droppedBlockBound, kAccuracy, kBeta, kRate, planesKept, rangeRelativeK } from '../../theorems/index.ts';
import type { StateType } from '../../solvers/problem.ts';
import type { RepresentationSpec } from '../results/representation-spec.ts';

/** The frexp exponent e of x > 0: 2^(e−1) ≤ x < 2^e. */
function frexpExponent(x: number): number {
  let e = Math.floor(Math.log2(x)) + 1;
  if (2 ** (e - 1) > x) e -= 1;
  if (2 ** e <= x) e += 1;
  return e;
}

/**
 * Fixed accuracy keeps per block p(emax) planes, fewer for small blocks. A block with exponent e
 * has ‖x_B‖ < 2^e, so its error is below K(p(e))·min(2^e, ‖x‖); the worst e gives a bound that
 * needs only ‖x‖ (the block-by-block minimum plane count would charge the big blocks for the
 * planes tiny blocks dropped).
 */
function accuracyK(tolerance: number, d: number, norm: number, type: StateType): number {
  if (norm === 0) return 0;
  let worst = 0;
  // Down to the first exponent that keeps no plane (K = 1 there), which comes first when τ exceeds ‖x‖.
  for (let e = frexpExponent(norm); ; e--) {
    worst = Math.max(worst, kAccuracy(e, tolerance, d, type) * Math.min(2 ** e, norm));
    if (planesKept(e, accuracyMinExp(tolerance), d) === 0) return worst / norm;
  }
}

/** What one stored step's statistics say about its blocks. */
export interface StoredStep {
  readonly minPlanes: number | null;
  /** Per plane count the largest block exponent (NO_EXPONENT: no block kept that many), or null. */
  readonly exponentsByPlanes: Int16Array | null;
}

/**
 * max over blocks B of the bound of a block with its own planes p_B and its own common exponent e_B
 * (2^(e_B−1) ≤ ‖x_B‖∞ < 2^e_B): K(p_B)·2^(e_B−1) where the model applies, K·min(2^e_B, ‖x̃‖) under
 * the range cap (blockErrorBound, docs/theory.md §1). Fixed precision keeps K_β·‖x̃‖, which the
 * adversarial search holds sharp; null for IEEE rounding. `type` is the state's, which the runs
 * hold already rounded to it: K of that type applies to x̃ as it is.
 */
export function localErrorBound(spec: RepresentationSpec, d: number, stored: StoredStep, norm: number, type: StateType = 'float64'): number | null {
  const table = stored.exponentsByPlanes;
  if (!table || (spec.mode !== 'rate' && spec.mode !== 'accuracy')) {
    const K = stepK(spec, d, stored.minPlanes, norm, type);
    return K === null ? null : K * norm;
  }
  // Fixed accuracy may have dropped blocks, which the codec reports with no exponent, as it does all-zero ones.
  let worst = spec.mode === 'accuracy' ? Math.min(droppedBlockBound(spec.tolerance, d), norm) : 0;
  for (let p = 0; p < table.length; p++) {
    const e = table[p]!;
    if (e === NO_EXPONENT) continue;
    // Fixed accuracy: the table's p is the plane count the block's exponent gave it (planesKept).
    worst = Math.max(worst, blockErrorBound(p, e, d, type, norm));
  }
  return worst;
}

/**
 * K_j for one stored step: fixed precision uses β, fixed rate the fewest complete planes any block
 * kept, fixed accuracy the per-block plane count; lossless storage has K = 0; SZ-style storage the K
 * whose K·‖x‖ covers its absolute bound (§10). Null for IEEE rounding.
 */
export function stepK(spec: RepresentationSpec, d: number, minPlanes: number | null, norm: number, type: StateType = 'float64'): number | null {
  switch (spec.mode) {
    case 'precision':
      return kBeta(spec.precision, d, type);
    case 'rate':
      // No block with an exponent: every block was zero and stored exactly.
      return minPlanes === null ? 0 : kRate(minPlanes, d, type);
    case 'accuracy':
      return accuracyK(spec.tolerance, d, norm, type);
    case 'reversible':
      return 0;
    case 'ieee':
      return null;
    case 'sz-abs':
      return absoluteBoundK(spec.tolerance, norm);
    case 'sz-rel':
      return rangeRelativeK(spec.ratio);
  }
}
