/**
 * Stability of a user problem's linear part, checked before any run: a periodic stencil whose
 * symbol exceeds 1 somewhere has powers ‖Aⁿ‖∞ that grow without bound, so no horizon-free
 * theorem applies and a long run only measures the blow-up.
 */
import type { Problem } from '../../solvers/problem.ts';
import { periodicKreissBound } from '../../theorems/index.ts';

/** Throws TheoremHypothesisError (naming the symbol's excess over 1) for an unstable periodic stencil. */
export function refuseUnstable(problem: Problem): void {
  const { stencil } = problem.facts;
  if (stencil) periodicKreissBound(stencil, problem.shape);
}
