/** The family comparison of a results object as tables: one at matched storage, one at matched error targets, per problem. */
import { FAMILY_TITLES } from './representation-spec.ts';
import type { ExperimentResult, FamilyComparison, FamilyPick, MatchedErrorRow, MatchedStorageRow } from './schema.ts';
import { formatTable } from './summary.ts';

export interface Table {
  readonly title: string;
  /** What the table answers, in a sentence. */
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** What to say instead of an empty table. */
  readonly empty: string;
}

const e = (x: number | null): string => (x === null ? '—' : x === 0 ? '0' : x.toExponential(2));
const ms = (x: number | null): string => (x === null ? '—' : x.toPrecision(2));

/** Each family's columns: its run, error, bound, bits/value, ratio, codec ms per step. */
const FAMILY_COLUMNS = ['setting', 'max error', 'max bound', 'bits/value', 'ratio', 'ms/step'] as const;

function pickCells(pick: FamilyPick | null): string[] {
  if (!pick) return ['none', '—', '—', '—', '—', '—'];
  return [pick.label, e(pick.maxError), e(pick.maxBound), pick.bitsPerValue.toFixed(2), pick.ratio.toFixed(2), ms(pick.codecMsPerStep)];
}

const familyHeader = (family: string, columns: readonly string[]) => columns.map((c) => `${family} ${c}`);

/** "ZFP, 3.1× smaller error": the winner at the budget and by how much. */
function storageVerdict(row: MatchedStorageRow): string {
  if (!row.winner) return 'tie';
  const [won, lost] = row.winner === 'zfp' ? [row.zfp, row.sz] : [row.sz, row.zfp];
  return `${FAMILY_TITLES[row.winner]}, ${(lost.errorAtBudget / won.errorAtBudget).toPrecision(3)}× smaller error`;
}

/** "SZ-style, 4.20 fewer bits/value (1.3× the ratio)", or why there is no winner. */
function errorVerdict({ winner, zfp, sz }: MatchedErrorRow): string {
  if (!winner) return 'tie';
  if (!zfp || !sz) return `${FAMILY_TITLES[winner]}, the only family with a certified run`;
  const [won, lost] = winner === 'zfp' ? [zfp, sz] : [sz, zfp];
  return `${FAMILY_TITLES[winner]}, ${(lost.bitsPerValue - won.bitsPerValue).toFixed(2)} fewer bits/value (${(won.ratio / lost.ratio).toPrecision(3)}× the ratio)`;
}

export function comparisonTables(comparison: FamilyComparison): Table[] {
  const storageColumns = ['error at budget', ...FAMILY_COLUMNS];
  return [
    {
      title: `${comparison.problem}: ZFP against SZ-style at matched storage`,
      caption:
        "Per budget inside both families' ranges: each family's Pareto front (largest error against mean bits per value) read at the budget, log-linear between its two nearest runs, and the most accurate run within the budget with its own figures; the winner has the smaller error at the budget.",
      header: ['budget bits/value', 'winner', ...familyHeader('ZFP', storageColumns), ...familyHeader('SZ', storageColumns)],
      rows: comparison.matchedStorage.map((r) => [String(r.bitsPerValue), storageVerdict(r), e(r.zfp.errorAtBudget), ...pickCells(r.zfp), e(r.sz.errorAtBudget), ...pickCells(r.sz)]),
      empty: "No budget lies inside both families' ranges of bits per value in this sweep: see the Pareto figure.",
    },
    {
      title: `${comparison.problem}: ZFP against SZ-style at matched error targets`,
      caption: "Per target ε, each family's cheapest run of the sweep whose bound stayed ≤ ε at every step; the winner stores fewer bits per value. zfpwb choose --mode all bisects each mode for its exact cheapest setting.",
      header: ['target ε', 'winner', ...familyHeader('ZFP', FAMILY_COLUMNS), ...familyHeader('SZ', FAMILY_COLUMNS)],
      rows: comparison.matchedError.map((r) => [e(r.epsilon), errorVerdict(r), ...pickCells(r.zfp), ...pickCells(r.sz)]),
      empty: 'No run of either family keeps its bound under any of the targets.',
    },
  ];
}

/** Every comparison table of a result as plain text, or '' without a comparison. */
export function comparisonText(result: ExperimentResult): string {
  return (result.comparison ?? [])
    .flatMap(comparisonTables)
    .map((t) => `${t.title}\n${t.rows.length > 0 ? formatTable(t.header, t.rows) : t.empty}`)
    .join('\n\n');
}
