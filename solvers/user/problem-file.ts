/**
 * A problem file (JSON) as a Problem: checked against its JSON Schema, expressions compiled once by
 * mathjs, the stencil compiled into one loop, and the operator facts read off the weights.
 * ajv and mathjs load only here, when a file is read, so the codec and the CLI start without them.
 */
import type { EvalFunction, MathNode } from 'mathjs';
import { maxDistance, maxNorm } from '../grid.ts';
import type { Problem, ProblemName } from '../problem.ts';
import { readNpy, readRaw, type RawType } from './npy.ts';
import { ProblemFileError } from './problem-file-error.ts';
import { problemFileSchema } from './problem-file-schema.ts';
import { compileStencil, type StencilBoundary } from './stencil-step.ts';

export { ProblemFileError };

type Expression = number | string;

/** Initial data from a file: `.npy`, or raw little-endian values of `type`. */
export interface InitialFile {
  readonly file: string;
  readonly type?: RawType;
}

/** The fields of a problem file, as the schema admits them. */
export interface ProblemFile {
  readonly name: string;
  readonly shape: readonly number[];
  readonly domain?: readonly (readonly [number, number])[];
  readonly boundary: StencilBoundary;
  readonly boundaryValue?: Expression;
  readonly parameters?: Readonly<Record<string, number>>;
  readonly stencil: { readonly offsets: readonly (readonly number[])[]; readonly weights: readonly Expression[] };
  readonly source?: Expression | null;
  readonly initial: Expression | InitialFile;
  readonly exact?: Expression | null;
  readonly dt?: number;
  readonly kind: 'time-stepping' | 'fixed-point';
  readonly steps: number;
  readonly tolerance?: number;
}

export interface ProblemFileOptions {
  /** Parameter overrides (`--set r=0.25`); each must name a parameter of the file. */
  readonly set?: Readonly<Record<string, number>>;
  /** Reads a data file the problem names (`initial: {file}`), relative to the problem file; absent: files refused. */
  readonly readFile?: (path: string) => Uint8Array;
  /** Initial data from this file instead of the problem's `initial` (`--initial FILE`). */
  readonly initialFile?: InitialFile;
  /** Registered name of the problem in results (default `user:<name>`). */
  readonly problemName?: ProblemName;
}

/** The discrete fixed point of a fixed-point file without `exact`: iterated in double until the update stalls. */
const FIXED_POINT_UPDATE = 1e-15;

async function checkSchema(document: unknown): Promise<ProblemFile> {
  const { Ajv } = await import('ajv');
  const check = new Ajv({ allErrors: false, strict: true }).compile(problemFileSchema);
  if (check(document)) return document as unknown as ProblemFile;
  const error = check.errors![0]!;
  const where = error.instancePath === '' ? 'the file' : error.instancePath.slice(1).replaceAll('/', '.');
  const detail = error.keyword === 'additionalProperties' ? `unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"` : error.message;
  throw new ProblemFileError(`${where}: ${detail}`);
}

type Compiled = (scope: Record<string, number>) => number;

/** Compiles `expression` (field `field`) once, refusing names outside `names` with the field and the name. */
async function compileExpression(field: string, expression: Expression, names: ReadonlySet<string>, hint = ''): Promise<Compiled> {
  if (typeof expression === 'number') return () => expression;
  const math = await import('mathjs');
  let node: MathNode;
  try {
    node = math.parse(expression);
  } catch (error) {
    throw new ProblemFileError(`${field}: cannot parse "${expression}": ${(error as Error).message}`);
  }
  const symbols = node.filter((n, path, parent) => n.type === 'SymbolNode' && !(parent?.type === 'FunctionNode' && path === 'fn'));
  for (const symbol of symbols) {
    const name = (symbol as unknown as { name: string }).name;
    const constant = typeof (math as unknown as Record<string, unknown>)[name] === 'number';
    if (!names.has(name) && !constant) throw new ProblemFileError(`${field}: unknown name "${name}" in "${expression}" (known: ${[...names].join(', ')})${hint}`);
  }
  const code: EvalFunction = node.compile();
  return (scope) => {
    const value: unknown = code.evaluate({ ...scope });
    if (typeof value !== 'number') throw new ProblemFileError(`${field}: "${expression}" gives ${String(value)}, not a real number`);
    return value;
  };
}

/**
 * Grid coordinates per axis: periodic x_i = a + i(b − a)/n, Dirichlet x_i = a + i(b − a)/(n − 1),
 * zero-outside x_i = a + (i + 1)(b − a)/(n + 1) (the interior of a Dirichlet grid whose edge is not stored).
 */
function axes(file: ProblemFile): Float64Array[] {
  const domain = file.domain ?? file.shape.map(() => [0, 1] as const);
  const [intervals, first] = { periodic: [0, 0], dirichlet: [-1, 0], 'zero-outside': [1, 1] }[file.boundary];
  return file.shape.map((n, axis) => {
    const [a, b] = domain[axis]!;
    if (!(b > a)) throw new ProblemFileError(`domain.${axis}: needs a < b, got [${a}, ${b}]`);
    const h = (b - a) / (n + intervals);
    return Float64Array.from({ length: n }, (_, i) => a + (i + first) * h);
  });
}

const AXIS_NAMES = ['x', 'y', 'z'] as const;

/** Evaluates `f` at every grid point into `out` (fastest axis first), `extra` added to the scope. */
function sample(f: Compiled, grid: readonly Float64Array[], base: Record<string, number>, out: Float64Array): void {
  const scope: Record<string, number> = { ...base };
  const [nx, ny = 1, nz = 1] = grid.map((g) => g.length);
  for (let k = 0, i = 0; k < nz; k++) {
    if (grid[2]) scope['z'] = grid[2][k]!;
    for (let j = 0; j < ny; j++) {
      if (grid[1]) scope['y'] = grid[1][j]!;
      for (let x = 0; x < nx; x++, i++) {
        scope['x'] = grid[0]![x]!;
        out[i] = f(scope);
      }
    }
  }
}

function checkStructure(file: ProblemFile): void {
  const dims = file.shape.length;
  if (file.domain && file.domain.length !== dims) throw new ProblemFileError(`domain: ${file.domain.length} intervals for a ${dims}-dimensional shape`);
  const { offsets, weights } = file.stencil;
  if (offsets.length !== weights.length) throw new ProblemFileError(`stencil: ${offsets.length} offsets but ${weights.length} weights; each offset needs its weight`);
  offsets.forEach((offset, tap) => {
    if (offset.length !== dims) throw new ProblemFileError(`stencil.offsets.${tap}: [${offset.join(', ')}] has ${offset.length} components, the shape ${dims}`);
    offset.forEach((o, axis) => {
      if (Math.abs(o) >= file.shape[axis]!) throw new ProblemFileError(`stencil.offsets.${tap}: reaches ${o} points along axis ${axis}, beyond its ${file.shape[axis]} points`);
      // Dirichlet boundary points are one layer thick: a wider stencil would read past them.
      if (file.boundary === 'dirichlet' && Math.abs(o) > 1) throw new ProblemFileError(`stencil.offsets.${tap}: a Dirichlet stencil reaches at most one point per axis, got ${o}`);
    });
  });
  if (file.boundaryValue !== undefined && file.boundary !== 'dirichlet') throw new ProblemFileError(`boundaryValue: only a "dirichlet" boundary holds values (this one is "${file.boundary}")`);
  if (file.kind === 'fixed-point' && file.tolerance === undefined) throw new ProblemFileError('tolerance: required for kind "fixed-point" (the run stops once the double run is this close to the fixed point)');
}

function parametersWith(file: ProblemFile, set: Readonly<Record<string, number>>): Record<string, number> {
  const parameters = { ...file.parameters };
  for (const [key, value] of Object.entries(set)) {
    if (!Object.hasOwn(parameters, key)) throw new ProblemFileError(`--set ${key}: the file has no parameter "${key}" (parameters: ${Object.keys(parameters).join(', ') || 'none'})`);
    parameters[key] = value;
  }
  for (const key of Object.keys(parameters)) {
    if ((AXIS_NAMES as readonly string[]).includes(key) || key === 't') throw new ProblemFileError(`parameters.${key}: "${key}" is a coordinate name, not a parameter`);
  }
  return parameters;
}

/** Reads a parsed problem file (JSON) into a Problem whose facts come from its stencil. */
export async function problemFromFile(document: unknown, options: ProblemFileOptions = {}): Promise<Problem> {
  const file = await checkSchema(document);
  checkStructure(file);
  const parameters = parametersWith(file, options.set ?? {});
  const parameterNames = new Set(Object.keys(parameters));
  const dims = file.shape.length;
  const pointNames = new Set([...parameterNames, ...AXIS_NAMES.slice(0, dims)]);
  const weights = await Promise.all(file.stencil.weights.map(async (w, tap) => (await compileExpression(`stencil.weights.${tap}`, w, parameterNames, ' (weights are constants: parameters only)'))(parameters)));
  weights.forEach((w, tap) => {
    if (!Number.isFinite(w)) throw new ProblemFileError(`stencil.weights.${tap}: evaluates to ${w}`);
  });
  const grid = axes(file);
  const size = file.shape.reduce((a, b) => a * b, 1);
  const field = async (name: string, expression: Expression): Promise<Float64Array> => {
    const out = new Float64Array(size);
    sample(await compileExpression(name, expression, pointNames), grid, parameters, out);
    return out;
  };
  const initialSource = options.initialFile ?? file.initial;
  const initial = typeof initialSource === 'object' ? initialFromFile(initialSource, file.shape, options.readFile) : await field('initial', initialSource);
  const source = file.source === undefined || file.source === null ? null : await field('source', file.source);
  let boundaryValues: Float64Array | null = null;
  if (file.boundary === 'dirichlet') {
    boundaryValues = await field('boundaryValue', file.boundaryValue ?? 0);
    holdBoundary(file.shape, boundaryValues, initial);
  }
  const compiled = compileStencil({ shape: file.shape, boundary: file.boundary, offsets: file.stencil.offsets, weights, source, boundaryValues });
  const exact = await exactSolution(file, parameters, pointNames, grid, compiled.step, initial);
  const stencilNorm = weights.reduce((s, w) => s + Math.abs(w), 0);
  return {
    name: options.problemName ?? `user:${file.name}`,
    shape: [...file.shape],
    steps: file.steps,
    tolerance: file.kind === 'fixed-point' ? file.tolerance! : null,
    facts: {
      // ‖A‖∞ = Σ|w|: every periodic row (and each Dirichlet interior row away from the corners) carries all taps.
      lipschitz: stencilNorm,
      linear: true,
      nonnegative: weights.every((w) => w >= 0),
      stencil: file.boundary === 'periodic' ? { offsets: file.stencil.offsets, weights } : null,
      applyLinearPart: compiled.linearPart,
    },
    initial: (out) => out.set(initial),
    exact,
    step: compiled.step,
    referenceStep: compiled.referenceStep,
  };
}

function initialFromFile(source: InitialFile, shape: readonly number[], readFile: ProblemFileOptions['readFile']): Float64Array {
  if (!readFile) throw new ProblemFileError(`initial: a data file (${source.file}) needs a file reader here`);
  const name = `initial.file ${source.file}`;
  const bytes = readFile(source.file);
  if (/\.npy$/i.test(source.file)) return readNpy(name, bytes, shape);
  if (!source.type) throw new ProblemFileError(`${name}: a raw file needs "type": "float64" or "float32"`);
  return readRaw(name, bytes, source.type, shape);
}

/** Overwrites the boundary points of `field` with those of `values`. */
function holdBoundary(shape: readonly number[], values: Float64Array, field: Float64Array): void {
  for (let i = 0; i < field.length; i++) {
    let onBoundary = false;
    for (let axis = 0, rest = i; axis < shape.length; axis++) {
      const c = rest % shape[axis]!;
      rest = Math.floor(rest / shape[axis]!);
      if (c === 0 || c === shape[axis]! - 1) onBoundary = true;
    }
    if (onBoundary) field[i] = values[i]!;
  }
}

/**
 * `exact` for the error curves: the file's expression (t = k·dt), or for a fixed-point file without
 * one the discrete fixed point, iterated in double from the initial state until an update moves it
 * by at most 1e-15·max(1, ‖u‖∞). Without either, the numerical error is unknown (NaN, null in JSON).
 */
async function exactSolution(
  file: ProblemFile,
  parameters: Record<string, number>,
  pointNames: ReadonlySet<string>,
  grid: readonly Float64Array[],
  step: (src: Float64Array, dst: Float64Array) => void,
  initial: Float64Array,
): Promise<Problem['exact']> {
  const size = initial.length;
  if (file.exact !== undefined && file.exact !== null) {
    const usesTime = typeof file.exact === 'string' && file.kind === 'time-stepping';
    const names = new Set([...pointNames, ...(usesTime ? ['t'] : [])]);
    const hint = file.kind === 'fixed-point' ? ' (a fixed point does not depend on t)' : '';
    const f = await compileExpression('exact', file.exact, names, hint);
    if (usesTime && file.dt === undefined && /\bt\b/.test(file.exact as string)) throw new ProblemFileError('exact: uses t, so the file needs dt (t = k·dt)');
    if (file.kind === 'fixed-point') {
      const fixed = new Float64Array(size);
      sample(f, grid, parameters, fixed);
      return (_k, out) => out.set(fixed);
    }
    return (k, out) => sample(f, grid, { ...parameters, t: k * (file.dt ?? 0) }, out);
  }
  if (file.kind === 'time-stepping') return (_k, out) => out.fill(Number.NaN);
  let u = initial.slice();
  let next = new Float64Array(size);
  const limit = 100 * file.steps;
  for (let k = 0; ; k++) {
    if (k === limit) throw new ProblemFileError(`exact: the fixed point was not reached in ${limit} double iterations (100 × steps); give it as "exact"`);
    step(u, next);
    const moved = maxDistance(u, next);
    [u, next] = [next, u];
    if (moved <= FIXED_POINT_UPDATE * Math.max(1, maxNorm(u))) break;
  }
  const fixed = u;
  return (_k, out) => out.set(fixed);
}
