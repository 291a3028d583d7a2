/** What the page and the lab's worker say to each other: plain data, so it crosses postMessage. */
import type { ChooseMode, ChooseResult, FamilyChoice } from '../../../src/analysis/choose.ts';
import type { ValidateResults } from '../../../src/analysis/simulation-run.ts';
import type { ReferenceArithmeticName, ReferenceChoice } from '../../../src/reference/choice.ts';
import type { RepresentationSpec } from '../../../src/results/representation-spec.ts';
import type { Certify, RunRecord } from '../../../src/results/schema.ts';
import type { BuiltinProblemName, StateType } from '../../../solvers/problem.ts';

/** A built-in problem at its default size with the grid and step count on top, or a problem file's parsed JSON. */
export type ProblemSource =
  | { readonly kind: 'builtin'; readonly problem: BuiltinProblemName; readonly grid: number; readonly steps: number }
  | { readonly kind: 'file'; readonly document: unknown; readonly steps: number };

/** `zfpwb validate` for one or two settings of one problem, with an optional reference run. */
export interface LabRunRequest {
  readonly job: 'run';
  readonly source: ProblemSource;
  readonly specs: readonly RepresentationSpec[];
  readonly certify: Certify;
  /** `--type`: float32 keeps the state in a float32 ZFP array (ZFP modes only). */
  readonly stateType: StateType;
  /** 'none': no reference, so no round-off curve. */
  readonly reference: ReferenceChoice | 'none';
}

/** `zfpwb choose` for one problem. */
export interface LabChooseRequest {
  readonly job: 'choose';
  readonly source: ProblemSource;
  /** 'all': every mode of both families, and the cheaper family (`--mode all`). */
  readonly mode: ChooseMode | 'all';
  readonly epsilon: number;
  readonly certify: Certify;
  readonly stateType: StateType;
}

export type LabRequest = LabRunRequest | LabChooseRequest;

/** One step of an inline run as it is made. */
export interface InlineRow {
  readonly k: number;
  readonly zfpError: number;
  /** The theorem's bound at step k, as the record will hold it; null when it comes with the finished run (see `liveBound`) or there is none. */
  readonly bound: number | null;
  readonly numericalError: number;
  readonly ratio: number;
}

/** A 2D picture of the field at step k: the plane z = nz/2 of a 3D field, one row of a 1D field; x fastest. */
export interface FieldPicture {
  readonly k: number;
  readonly width: number;
  readonly height: number;
  /** u_k, the double run. */
  readonly solution: Float64Array;
  /** ũ_k, the inline run. */
  readonly inline: Float64Array;
}

/** Where a job is: a progress count of steps (runs) or trial runs (choose). */
export interface Progress {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

export type LabEvent =
  | { readonly type: 'progress'; readonly progress: Progress }
  /**
   * A batch of inline steps of setting `setting` (its index in the request's specs). `liveBound`:
   * the rows carry their bounds; false for a fixed-point run, whose bound model needs the iteration it stops at.
   */
  | { readonly type: 'inline-steps'; readonly setting: number; readonly rows: InlineRow[]; readonly liveBound: boolean; readonly field: FieldPicture; readonly progress: Progress }
  /** A batch of the reference run's round-off ‖u_k − u_ref,k‖∞. */
  | { readonly type: 'roundoff-steps'; readonly ks: number[]; readonly roundoff: number[]; readonly progress: Progress }
  /** A setting's finished run, measured against its theorem (bounds per step), with the worker's time for it. */
  | { readonly type: 'run-done'; readonly setting: number; readonly record: RunRecord; readonly elapsedMs: number }
  | { readonly type: 'reference-done'; readonly arithmetic: ReferenceArithmeticName; readonly elapsedMs: number }
  | { readonly type: 'results'; readonly results: ValidateResults }
  | { readonly type: 'chosen'; readonly result: ChooseResult; readonly elapsedMs: number }
  | { readonly type: 'families-chosen'; readonly choice: FamilyChoice; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly message: string };
