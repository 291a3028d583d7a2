/** Checks parsed JSON against the results schema (schema.ts), naming the first field that is missing or wrong. */
import { isExperimentName, type ExperimentResult } from './schema.ts';

/** A results file that does not follow the schema; the message names the field, e.g. runs[0].summary.boundHeld. */
export class ResultsSchemaError extends Error {
  override name = 'ResultsSchemaError';
}

/** Throws ResultsSchemaError unless `value` at `path` is acceptable. */
type Check = (value: unknown, path: string) => void;

function fail(path: string, value: unknown, expected: string): never {
  const where = path || 'the results';
  if (value === undefined) throw new ResultsSchemaError(`${where} is missing (expected ${expected})`);
  throw new ResultsSchemaError(`${where} is ${JSON.stringify(value)?.slice(0, 40)}, expected ${expected}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text: Check = (v, path) => typeof v === 'string' || fail(path, v, 'a string');
const number: Check = (v, path) => typeof v === 'number' || fail(path, v, 'a number');
const nullable = (check: Check): Check => (v, path) => v === null || check(v, path);
const optional = (check: Check): Check => (v, path) => v === undefined || check(v, path);
const boolean: Check = (v, path) => typeof v === 'boolean' || fail(path, v, 'true or false');
const oneOf = (...values: readonly string[]): Check => (v, path) => values.includes(v as string) || fail(path, v, values.map((x) => `'${x}'`).join(', '));
const anyObject: Check = (v, path) => isObject(v) || fail(path, v, 'an object');
const list = (check: Check): Check => (v, path) => {
  if (!Array.isArray(v)) fail(path, v, 'an array');
  v.forEach((item, i) => check(item, `${path}[${i}]`));
};
const record = (fields: Readonly<Record<string, Check>>): Check => (v, path) => {
  if (!isObject(v)) fail(path, v, 'an object');
  for (const [key, check] of Object.entries(fields)) check(v[key], path ? `${path}.${key}` : key);
};

const step = record({
  k: number,
  zfpError: number,
  bound: nullable(number),
  dataBound: nullable(number),
  anyBound: nullable(number),
  localError: number,
  solutionNorm: number,
  // null: a user problem without an exact solution (NaN in the run).
  numericalError: nullable(number),
  roundoffError: nullable(number),
  ratio: number,
  minPlanes: nullable(number),
  maxPlanes: nullable(number),
  stateNorm: number,
  boundConstantC: optional(number),
  boundLipschitz: optional(number),
  fixedPointError: optional(number),
  fixedPointBound: optional(number),
});

const summary = record({
  theorem: nullable(text),
  normHandling: nullable(text),
  boundHeld: boolean,
  certify: (v, path) => v === 'data' || v === 'any' || fail(path, v, "'data' or 'any'"),
  maxDataBound: nullable(number),
  maxAnyBound: nullable(number),
  firstViolation: nullable(number),
  zfpExceedsNumericalAt: nullable(number),
  zfpErrorReachesSolutionAt: nullable(number),
  maxZfpError: number,
  maxBound: nullable(number),
  finalNumericalError: nullable(number),
  finalRatio: number,
  minRatio: number,
  meanBitsPerValue: number,
  codecMsPerStep: optional(number),
  stalledAt: optional(number),
  betaMin: (v, path) => {
    record({ kind: oneOf('feasible', 'infeasible', 'largest-e', 'not-applicable'), epsilon: nullable(number), lemma: text })(v, path);
    if ((v as { kind: string }).kind === 'largest-e') number((v as { tolerance: unknown }).tolerance, `${path}.tolerance`);
  },
});

const run = record({
  config: record({ representation: record({ mode: text }), label: text, problem: text, type: optional((v, path) => v === 'float64' || v === 'float32' || fail(path, v, "'float64' or 'float32'")) }),
  steps: list(step),
  summary,
  extraIterations: optional(list(record({ epsilon: number, kDouble: nullable(number), kCompressed: nullable(number), mActual: nullable(number), mPred: nullable(number) }))),
});

const family = oneOf('zfp', 'sz');
const pickFields = { label: text, mode: text, maxError: number, maxBound: nullable(number), bitsPerValue: number, ratio: number, codecMsPerStep: nullable(number) };
const pick = nullable(record(pickFields));
const budgetPick = record({ ...pickFields, errorAtBudget: number });
const comparison = record({
  problem: text,
  matchedStorage: list(record({ bitsPerValue: number, zfp: budgetPick, sz: budgetPick, winner: nullable(family) })),
  matchedError: list(record({ epsilon: number, zfp: pick, sz: pick, winner: nullable(family) })),
});

const result = record({
  experiment: (v, path) => (typeof v === 'string' && (isExperimentName(v) || v === 'custom')) || fail(path, v, "an experiment's name"),
  title: text,
  description: text,
  params: anyObject,
  runs: list(run),
  contours: optional(list(record({ lemma: text, xLabel: text, x: list(number), y: list(number), z: list(list(number)) }))),
  comparison: optional(list(comparison)),
  elapsedMs: number,
});

/** The parsed JSON as results, or ResultsSchemaError naming the first field that does not fit. */
export function checkResults(value: unknown): ExperimentResult {
  result(value, '');
  return value as ExperimentResult;
}
