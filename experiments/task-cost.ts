/**
 * A rough relative cost of a sweep task, for the pool to start the longest first: the values a run
 * stores over its steps (a fixed-point problem counts its iteration cap), times what storing one
 * value costs in its representation, relative to ZFP. Only the order matters; the factors are
 * rounded from the full sweep's codec milliseconds per step.
 */
import { createProblem, isRegisteredProblem } from '../src/analysis/problem-setup.ts';
import { familyOf } from '../src/results/representation-spec.ts';
import type { ReferenceArithmeticName } from '../src/reference/choice.ts';
import { resolveReference } from '../src/reference/choice.ts';
import type { Task } from './sweep-task.ts';

/** An SZ-style store costs about three ZFP ones at the sweep's bounds (more at the tightest). */
const SZ_FACTOR = 3;

/** A reference step per value against a ZFP store and load: double-double is a few double steps, decimal.js hundreds. */
const REFERENCE_FACTOR: Readonly<Record<ReferenceArithmeticName, number>> = { 'double-double': 2, decimal: 25 };

export function taskCost(task: Task): number {
  // A user problem the task rebuilds on its worker has no size known here.
  if (task.userProblem && !isRegisteredProblem(task.problem)) return 0;
  const problem = createProblem(task.problem, task.params);
  const points = problem.shape.reduce((a, b) => a * b, 1);
  const values = points * problem.steps;
  if (task.type === 'reference') return values * REFERENCE_FACTOR[resolveReference(task.reference, points)];
  return familyOf(task.spec.mode) === 'sz' ? values * SZ_FACTOR : values;
}
