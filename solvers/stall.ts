/**
 * When an inline track of a fixed-point run has stalled: compression error has balanced the
 * contraction, and further iterations only repeat the track's floor (paper Figure 9b).
 */
import type { OperatorFacts } from './problem.ts';

/** A check passes when the best error has fallen below this fraction of the best at the previous check. */
const PROGRESS_FACTOR = 0.5;

/**
 * A stalled track stops once the plain run is within this fraction of the track's floor: from then on
 * ‖ũ_k − u_k‖ differs from ‖ũ_k − u*‖ by at most this much of it, so the steps left out would only
 * repeat the floor in every figure of the run.
 */
const PLAIN_MARGIN = 0.01;

/**
 * Iterations between two checks: those in which the uncompressed iteration gains a factor 10 at the
 * problem's contraction rate (Jacobi's spectral radius, or a Lipschitz constant L < 1 the problem
 * derives or states). null when the rate is unknown or only estimated: without a rate the run cannot
 * tell a slow track from a stalled one, so it never stops one.
 */
export function stallWindow(facts: OperatorFacts): number | null {
  const lipschitzKnown = facts.provenance?.lipschitz !== 'estimated';
  const rate = facts.jacobi?.spectralRadius ?? (lipschitzKnown && facts.lipschitz < 1 ? facts.lipschitz : null);
  if (rate === null || !(rate >= 0 && rate < 1)) return null;
  return Math.max(1, Math.ceil(Math.log(10) / -Math.log(rate)));
}

/**
 * Watches one track's errors against the fixed point, k = 0, 1, … in turn, beside the plain run's.
 * Every `window` iterations it compares the track's best error so far with its best at the previous
 * check: a track that has not even halved it while the uncompressed iteration gained a factor 10 has
 * reached its floor. It stops once the plain run has also come within PLAIN_MARGIN of that floor.
 */
export class StallWatch {
  private k = -1;
  private best = Infinity;
  private bestAtCheck = Infinity;
  private floored = false;

  constructor(readonly window: number) {}

  /** Takes the next iteration's errors of the track and of the plain run; true once the track can stop. */
  observe(error: number, plainError: number): boolean {
    this.k++;
    if (error < this.best) this.best = error;
    if (this.k === 0) this.bestAtCheck = this.best;
    else if (!this.floored && this.k % this.window === 0) {
      this.floored = !(this.best < PROGRESS_FACTOR * this.bestAtCheck);
      this.bestAtCheck = this.best;
    }
    return this.floored && plainError <= PLAIN_MARGIN * this.best;
  }
}
