/** The search every "β_min" result shares: the smallest β whose predicted error meets a target. */
import { finiteNonnegative } from './checks.ts';
import { kBeta, maxBeta, type ScalarKind } from './kbeta.ts';

export type BetaChoice =
  | { readonly kind: 'feasible'; readonly beta: number; readonly K: number; readonly predicted: number }
  /** No β up to full precision meets ε: `beta` gives the smallest error reachable, `predicted`. */
  | { readonly kind: 'infeasible'; readonly beta: number; readonly K: number; readonly predicted: number };

export interface BetaQuery {
  readonly epsilon: number;
  readonly d: number;
  readonly type: ScalarKind;
  /** The theorem's error for a given K_β; nondecreasing in K. */
  readonly predict: (K: number) => number;
}

/**
 * Scans β = 1..full precision: K_β is not monotone at the few smallest β (the range cap) nor at
 * full precision (conversion round-off), so a bisection could skip the answer.
 */
export function chooseBeta({ epsilon, d, type, predict }: BetaQuery): BetaChoice {
  finiteNonnegative('epsilon', epsilon);
  let best: BetaChoice | null = null;
  for (let beta = 1; beta <= maxBeta(type); beta++) {
    const K = kBeta(beta, d, type);
    const predicted = predict(K);
    if (predicted <= epsilon) return { kind: 'feasible', beta, K, predicted };
    if (!best || predicted < best.predicted) best = { kind: 'infeasible', beta, K, predicted };
  }
  return best!;
}
