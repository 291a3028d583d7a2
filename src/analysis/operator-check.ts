/**
 * Operator facts checked before any run. A periodic stencil whose symbol exceeds 1 somewhere has
 * powers ‖Aⁿ‖∞ that grow without bound, so no horizon-free theorem applies and a long run only
 * measures the blow-up. Facts a module states are used as given, but each is probed first: a probe
 * can disprove a stated fact (one counterexample suffices), never prove it — hence "assumed".
 */
import { maxNorm } from '../../solvers/grid.ts';
import type { Problem } from '../../solvers/problem.ts';
import { estimateLinearity, estimateLipschitz, probe } from '../../solvers/user/define-problem.ts';
import { periodicKreissBound, TheoremHypothesisError } from '../../theorems/index.ts';

/** Throws TheoremHypothesisError (naming the symbol's excess over 1) for an unstable periodic stencil. */
export function refuseUnstable(problem: Problem): void {
  const { stencil } = problem.facts;
  if (stencil) periodicKreissBound(stencil, problem.shape);
}

/** Rounding slack of the probes: differences of doubles, relative to the quantities compared. */
const PROBE_SLACK = 1e-9;
const PROBES = 3;

/** Throws TheoremHypothesisError naming the first stated fact a probe of the step contradicts. */
export function checkStatedFacts(problem: Problem): void {
  const { facts } = problem;
  const stated = facts.provenance;
  if (!stated) return;
  const size = problem.shape.reduce((a, b) => a * b, 1);
  const initial = new Float64Array(size);
  problem.initial(initial);
  const scale = Math.max(maxNorm(initial), 1);
  if (stated.linear === 'assumed' && facts.linear && !estimateLinearity(problem.step, size, scale)) {
    throw new TheoremHypothesisError('F affine (facts.linear)', NaN, 'F(αx + (1−α)y) = αF(x) + (1−α)F(y)', 'a random pair of states breaks it: the step is not linear');
  }
  if (stated.lipschitz === 'assumed') {
    const seen = estimateLipschitz(problem.step, initial);
    if (seen > facts.lipschitz * (1 + PROBE_SLACK)) throw new TheoremHypothesisError('‖F(x) − F(y)‖∞ ≤ L‖x − y‖∞ (facts.lipschitz)', seen, `≤ ${facts.lipschitz}`, 'a pair of nearby states moves apart faster than the stated L');
  }
  const out = new Float64Array(size);
  if (stated.nonnegative === 'assumed' && facts.nonnegative) {
    for (let p = 0; p < PROBES; p++) {
      const x = probe(size, 7 + p, 1).map(Math.abs);
      facts.applyLinearPart(x, out);
      const low = Math.min(...out);
      if (low < -PROBE_SLACK * maxNorm(out)) throw new TheoremHypothesisError('A ≥ 0 entrywise (facts.nonnegative)', low, '≥ 0', 'A maps a nonnegative state to one with a negative entry');
    }
  }
  if (stated.powerNorms === 'assumed' && facts.powerNorms) {
    const norms = facts.powerNorms;
    for (let p = 0; p < PROBES; p++) {
      let x: Float64Array = probe(size, 17 + p, 1);
      const start = maxNorm(x);
      let next: Float64Array = new Float64Array(size);
      for (let n = 1; n < norms.length; n++) {
        facts.applyLinearPart(x, next);
        [x, next] = [next, x];
        const gain = maxNorm(x) / start;
        if (gain > norms[n]! * (1 + PROBE_SLACK)) throw new TheoremHypothesisError(`‖A^${n}‖∞ ≤ facts.powerNorms[${n}]`, gain, `≤ ${norms[n]}`, `a state grows by ${gain.toPrecision(6)} in ${n} steps`);
      }
    }
  }
}

/** Every check a user problem gets before it is registered for runs. */
export function checkOperatorFacts(problem: Problem): void {
  refuseUnstable(problem);
  checkStatedFacts(problem);
}
