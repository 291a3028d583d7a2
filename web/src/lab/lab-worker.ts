/**
 * The lab's worker: runs `zfpwb validate` (one or two settings, then the reference) or `zfpwb choose`
 * with the package's own analysis, and posts what it makes in batches so the page stays responsive.
 * A job is cancelled by terminating the worker; each worker runs one job.
 */
import { chooseAcrossFamilies, chooseSetting } from '../../../src/analysis/choose.ts';
import { refuseUnstable } from '../../../src/analysis/operator-check.ts';
import { createProblem, registerProblem, type SolverParams } from '../../../src/analysis/problem-setup.ts';
import { runReference, runSimulation, validateResults, VALIDATE_RECORDED, withRoundoff } from '../../../src/analysis/simulation-run.ts';
import type { ReferenceArithmeticName } from '../../../src/reference/choice.ts';
import { specLabel } from '../../../src/results/representation-spec.ts';
import type { RunRecord } from '../../../src/results/schema.ts';
import type { ProblemName, UserProblemName } from '../../../solvers/problem.ts';
import type { RunStep } from '../../../solvers/runner.ts';
import { problemFromFile } from '../../../solvers/user/problem-file.ts';
import { sizedParams } from './problem-options.ts';
import type { FieldPicture, InlineRow, LabChooseRequest, LabEvent, LabRequest, LabRunRequest, ProblemSource } from './protocol.ts';

/** Batches go out at most this often: the page redraws per batch, not per step. */
const BATCH_MS = 50;

const scope = self as unknown as { postMessage(event: LabEvent, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<LabRequest>) => void) | null };

const post = (event: LabEvent, transfer: Transferable[] = []): void => scope.postMessage(event, transfer);

interface Resolved {
  readonly problem: ProblemName;
  readonly params: SolverParams;
  readonly shape: readonly number[];
  readonly steps: number;
}

/** The problem by the name runs carry, checked for stability before any step (as the CLI does). */
async function resolve(source: ProblemSource): Promise<Resolved> {
  let problem: ProblemName;
  let params: SolverParams;
  if (source.kind === 'builtin') {
    problem = source.problem;
    params = sizedParams(source.problem, source);
  } else {
    const document = typeof source.document === 'object' && source.document !== null ? { ...source.document, steps: source.steps } : source.document;
    const user = await problemFromFile(document);
    refuseUnstable(user);
    problem = registerProblem(user as typeof user & { name: UserProblemName });
    params = {};
  }
  const created = createProblem(problem, params);
  return { problem, params, shape: created.shape, steps: created.steps };
}

/** The middle plane of a 3D field, the field itself in 2D, a single row in 1D. */
function picture(shape: readonly number[], k: number, solution: Float64Array, inline: Float64Array): FieldPicture {
  const width = shape[0]!;
  const height = shape.length > 1 ? shape[1]! : 1;
  const offset = shape.length > 2 ? Math.floor(shape[2]! / 2) * width * height : 0;
  const plane = (field: Float64Array): Float64Array => field.slice(offset, offset + width * height);
  return { k, width, height, solution: plane(solution), inline: plane(inline) };
}

/** Collects steps and hands them on once BATCH_MS has passed since the last hand-over (and at the end). */
function batcher<T>(flush: (items: T[], last: boolean) => void): { add(item: T): void; end(): void } {
  let items: T[] = [];
  let since = performance.now();
  const send = (last: boolean): void => {
    flush(items, last);
    items = [];
    since = performance.now();
  };
  return {
    add(item) {
      items.push(item);
      if (performance.now() - since >= BATCH_MS) send(false);
    },
    end: () => send(true),
  };
}

function runOne(request: LabRunRequest, resolved: Resolved, setting: number): RunRecord {
  const spec = request.specs[setting]!;
  const label = `${specLabel(spec)}: steps`;
  let latest: RunStep | null = null;
  let liveBound = false;
  const batch = batcher<InlineRow>((rows, last) => {
    if (!latest || (rows.length === 0 && !last)) return;
    const k = latest.records[0]!.k;
    const field = picture(resolved.shape, k, latest.solution, latest.states[0]!);
    post({ type: 'inline-steps', setting, rows, liveBound, field, progress: { label, done: k, total: resolved.steps } }, [field.solution.buffer, field.inline.buffer]);
  });
  const started = performance.now();
  const record = runSimulation({ problem: resolved.problem, params: resolved.params, spec, certify: request.certify, stateType: request.stateType, maxRecorded: VALIDATE_RECORDED }, undefined, (step, bounds) => {
    latest = step;
    liveBound = bounds !== null;
    const r = step.records[0]!;
    batch.add({ k: r.k, zfpError: r.zfpError, bound: bounds?.bound ?? null, numericalError: r.numericalError, ratio: r.ratio });
  });
  batch.end();
  post({ type: 'run-done', setting, record, elapsedMs: performance.now() - started });
  return record;
}

async function run(request: LabRunRequest): Promise<void> {
  const resolved = await resolve(request.source);
  let records = request.specs.map((_, setting) => runOne(request, resolved, setting));
  let arithmetic: ReferenceArithmeticName | null = null;
  if (request.reference !== 'none') {
    const batch = batcher<{ k: number; roundoff: number }>((rows) => {
      if (rows.length === 0) return;
      post({ type: 'roundoff-steps', ks: rows.map((r) => r.k), roundoff: rows.map((r) => r.roundoff), progress: { label: 'reference: steps', done: rows[rows.length - 1]!.k, total: resolved.steps } });
    });
    const started = performance.now();
    const curve = runReference({ problem: resolved.problem, params: resolved.params, reference: request.reference, stateType: request.stateType }, undefined, ({ records: [r] }) => batch.add({ k: r!.k, roundoff: r!.roundoffError! }));
    batch.end();
    post({ type: 'reference-done', arithmetic: curve.arithmetic, elapsedMs: performance.now() - started });
    records = records.map((record) => withRoundoff(record, curve.roundoff));
    arithmetic = curve.arithmetic;
  }
  post({ type: 'results', results: validateResults(records, arithmetic) });
}

async function choose(request: LabChooseRequest): Promise<void> {
  const resolved = await resolve(request.source);
  const label = 'trial runs';
  post({ type: 'progress', progress: { label: 'the uncompressed run for the lemma', done: 0, total: 1 } });
  const started = performance.now();
  const onTrial = (done: number, total: number): void => post({ type: 'progress', progress: { label, done, total } });
  const { epsilon, certify, stateType } = request;
  const target = { problem: resolved.problem, params: resolved.params, epsilon, certify, stateType };
  // Each call's result is made before elapsedMs is read.
  if (request.mode === 'all') post({ type: 'families-chosen', choice: chooseAcrossFamilies(target, onTrial), elapsedMs: performance.now() - started });
  else post({ type: 'chosen', result: chooseSetting({ ...target, mode: request.mode }, onTrial), elapsedMs: performance.now() - started });
}

scope.onmessage = (e) => {
  const request = e.data;
  // A typed error (ZfpParameterError, …) says its name: the page shows which check refused the request.
  (request.job === 'run' ? run(request) : choose(request)).catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? (error.name === 'Error' ? error.message : `${error.name}: ${error.message}`) : String(error) }),
  );
};
