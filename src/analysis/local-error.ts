/**
 * The single-use constant each stored step contributes to a bound: ‖Q(x̃_j) − x̃_j‖∞ ≤ K_j·‖x̃_j‖∞
 * (docs/theory.md §1), for every ZFP mode.
 */
import { absoluteBoundK, accuracyMinExp, kAccuracy, kBeta, kRate, planesKept, rangeRelativeK } from '../../theorems/index.ts';
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
function accuracyK(tolerance: number, d: number, norm: number): number {
  if (norm === 0) return 0;
  let worst = 0;
  // Down to the first exponent that keeps no plane (K = 1 there), which comes first when τ exceeds ‖x‖.
  for (let e = frexpExponent(norm); ; e--) {
    worst = Math.max(worst, kAccuracy(e, tolerance, d, 'float64') * Math.min(2 ** e, norm));
    if (planesKept(e, accuracyMinExp(tolerance), d) === 0) return worst / norm;
  }
}

/**
 * K_j for one stored step: fixed precision uses β, fixed rate the fewest complete planes any block
 * kept, fixed accuracy the per-block plane count; lossless storage has K = 0; SZ-style storage the K
 * whose K·‖x‖ covers its absolute bound (§10). Null for IEEE rounding.
 */
export function stepK(spec: RepresentationSpec, d: number, minPlanes: number | null, norm: number): number | null {
  switch (spec.mode) {
    case 'precision':
      return kBeta(spec.precision, d, 'float64');
    case 'rate':
      // No block with an exponent: every block was zero and stored exactly.
      return minPlanes === null ? 0 : kRate(minPlanes, d, 'float64');
    case 'accuracy':
      return accuracyK(spec.tolerance, d, norm);
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
