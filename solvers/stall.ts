/**
 * When an inline track of a fixed-point run has stalled: compression error has balanced the
 * contraction, and further iterations only repeat the track's floor (paper Figure 9b).
 */
import type { OperatorFacts } from './problem.ts';

/** A check passes when the best error has fallen below this fraction of the best at the previous check. */
const PROGRESS_FACTOR = 0.5;

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
 * Watches one track's errors against the fixed point, k = 0, 1, … in turn. Every `window`
 * iterations it compares the best error so far with the best at the previous check: a track that
 * has not even halved it while the uncompressed iteration gained a factor 10 has stalled.
 */
export class StallWatch {
  private k = -1;
  private best = Infinity;
  private bestAtCheck = Infinity;

  constructor(readonly window: number) {}

  /** Takes the error of the next iteration; true once the track has stalled. */
  observe(error: number): boolean {
    this.k++;
    if (error < this.best) this.best = error;
    if (this.k === 0) this.bestAtCheck = this.best;
    if (this.k === 0 || this.k % this.window !== 0) return false;
    const stalled = !(this.best < PROGRESS_FACTOR * this.bestAtCheck);
    this.bestAtCheck = this.best;
    return stalled;
  }
}
