/**
 * ZFP against the SZ-style codec on one problem, from a sweep's own runs: at matched storage (each
 * family's Pareto front of error against bits per value, read at the same budget) and at matched
 * error targets (each family's cheapest run whose bound stays ≤ ε at every step). The sweep is
 * coarse, so these are the sweep's answers; `zfpwb choose --mode all` bisects each mode instead.
 */
import { familyOf, type Family } from '../src/results/representation-spec.ts';
import type { BudgetPick, FamilyComparison, FamilyPick, MatchedErrorRow, MatchedStorageRow, RunRecord } from '../src/results/schema.ts';
import { certifies } from '../src/results/summary.ts';

/** Budgets in bits per value; fixed-rate ZFP runs sit exactly on the sweep's rates among them. */
export const STORAGE_BUDGETS: readonly number[] = [4, 6, 8, 12, 16, 20, 24, 32, 40, 48];

/** Error targets ε, two decades apart over the range the sweeps span. */
export const ERROR_TARGETS: readonly number[] = [1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12];

const bits = (run: RunRecord) => run.summary.meanBitsPerValue;
const error = (run: RunRecord) => run.summary.maxZfpError;

function pickOf(run: RunRecord): FamilyPick {
  const s = run.summary;
  return {
    label: run.config.label,
    mode: run.config.representation.mode,
    maxError: s.maxZfpError,
    maxBound: s.maxBound,
    bitsPerValue: s.meanBitsPerValue,
    ratio: 64 / s.meanBitsPerValue,
    codecMsPerStep: s.codecMsPerStep ?? null,
  };
}

/** Runs no cheaper run beats, from cheapest to dearest, each more accurate than the one before (errors > 0, for the log scale). */
export function paretoFront(runs: readonly RunRecord[]): RunRecord[] {
  const front: RunRecord[] = [];
  for (const run of [...runs].filter((r) => error(r) > 0).sort((a, b) => bits(a) - bits(b) || error(a) - error(b))) {
    if (front.length === 0 || error(run) < error(front[front.length - 1]!)) front.push(run);
  }
  return front;
}

/** The front at a budget inside its span: its most accurate run within the budget, and the log-linear error between its neighbours. */
function atBudget(front: readonly RunRecord[], budget: number): BudgetPick | null {
  if (front.length === 0 || budget < bits(front[0]!) || budget > bits(front[front.length - 1]!)) return null;
  let i = 0;
  while (i + 1 < front.length && bits(front[i + 1]!) <= budget) i++;
  const within = front[i]!;
  const next = front[i + 1];
  if (!next) return { ...pickOf(within), errorAtBudget: error(within) };
  const t = (budget - bits(within)) / (bits(next) - bits(within));
  const logLinear = Math.exp((1 - t) * Math.log(error(within)) + t * Math.log(error(next)));
  // exp∘log may round past either end: the reading lies between its two runs.
  const errorAtBudget = Math.min(error(within), Math.max(error(next), logLinear));
  return { ...pickOf(within), errorAtBudget };
}

/** The family whose pick is smaller by `measure`, or the only one with a pick (as choose --mode all answers); null for a tie. */
function winner<P>(zfp: P | null, sz: P | null, measure: (p: P) => number): Family | null {
  if (!zfp || !sz) return zfp ? 'zfp' : sz ? 'sz' : null;
  if (measure(zfp) === measure(sz)) return null;
  return measure(zfp) < measure(sz) ? 'zfp' : 'sz';
}

function cheapestCertified(runs: readonly RunRecord[], epsilon: number): FamilyPick | null {
  const certified = runs.filter((r) => certifies(r.summary, epsilon));
  return certified.length === 0 ? null : pickOf(certified.reduce((a, b) => (bits(b) < bits(a) ? b : a)));
}

/** The comparison of one problem's runs; runs of other representations (lossless, IEEE) are left out. */
export function compareFamilies(problem: string, runs: readonly RunRecord[]): FamilyComparison {
  const members = (family: Family) => runs.filter((r) => familyOf(r.config.representation.mode) === family);
  const zfpRuns = members('zfp');
  const szRuns = members('sz');
  const zfpFront = paretoFront(zfpRuns);
  const szFront = paretoFront(szRuns);

  const matchedStorage = STORAGE_BUDGETS.flatMap((bitsPerValue): MatchedStorageRow[] => {
    const zfp = atBudget(zfpFront, bitsPerValue);
    const sz = atBudget(szFront, bitsPerValue);
    return zfp && sz ? [{ bitsPerValue, zfp, sz, winner: winner(zfp, sz, (p) => p.errorAtBudget) }] : [];
  });

  const matchedError = ERROR_TARGETS.map((epsilon): MatchedErrorRow => {
    const zfp = cheapestCertified(zfpRuns, epsilon);
    const sz = cheapestCertified(szRuns, epsilon);
    return { epsilon, zfp, sz, winner: winner(zfp, sz, (p) => p.bitsPerValue) };
  }).filter((row) => row.zfp || row.sz);

  return { problem, matchedStorage, matchedError };
}

/** Whether runs hold both families, so that a comparison says something. */
export function hasBothFamilies(runs: readonly RunRecord[]): boolean {
  const families = new Set(runs.map((r) => familyOf(r.config.representation.mode)));
  return families.has('zfp') && families.has('sz');
}
