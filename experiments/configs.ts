/** The configurations an experiment sweeps: what each stores, how it is named, and the default sweeps. */
import { zfpKind } from '../src/array/index.ts';
import { bfloat16Kind, float16Kind, float32Kind } from '../src/array/ieee.ts';
import type { RepresentationKind } from '../src/array/representation.ts';
import type { ZfpConfig } from '../src/zfp/types.ts';

export type IeeeFormat = 'float32' | 'bfloat16' | 'float16';

/** A serialisable description of one inline representation (it crosses worker boundaries and lands in JSON). */
export type RepresentationSpec =
  | { readonly mode: 'precision'; readonly precision: number }
  | { readonly mode: 'rate'; readonly rate: number }
  | { readonly mode: 'accuracy'; readonly tolerance: number }
  | { readonly mode: 'reversible' }
  | { readonly mode: 'ieee'; readonly format: IeeeFormat };

export type SpecMode = RepresentationSpec['mode'];

/** Which configurations a sweep runs. */
export interface Sweep {
  readonly precisions: readonly number[];
  readonly rates: readonly number[];
  readonly tolerances: readonly number[];
}

/** docs/experiments.md: β 12…56, rates 8…32, tolerances 1e-4…1e-12. */
export const DEFAULT_SWEEP: Sweep = {
  precisions: [12, 16, 20, 24, 28, 32, 40, 48, 56],
  rates: [8, 12, 16, 24, 32],
  tolerances: [1e-4, 1e-6, 1e-8, 1e-10, 1e-12],
};

/** Enough of each mode to draw every curve family, small enough for tests. */
export const QUICK_SWEEP: Sweep = { precisions: [16, 32, 48], rates: [12, 24], tolerances: [1e-5, 1e-10] };

export function sweepSpecs(sweep: Sweep): RepresentationSpec[] {
  return [
    ...sweep.precisions.map((precision) => ({ mode: 'precision', precision }) as const),
    ...sweep.rates.map((rate) => ({ mode: 'rate', rate }) as const),
    ...sweep.tolerances.map((tolerance) => ({ mode: 'accuracy', tolerance }) as const),
  ];
}

export function zfpConfigOf(spec: RepresentationSpec): ZfpConfig | null {
  switch (spec.mode) {
    case 'precision':
      return { mode: 'precision', precision: spec.precision };
    case 'rate':
      return { mode: 'rate', rate: spec.rate };
    case 'accuracy':
      return { mode: 'accuracy', tolerance: spec.tolerance };
    case 'reversible':
      return { mode: 'reversible' };
    case 'ieee':
      return null;
  }
}

const IEEE_KINDS: Record<IeeeFormat, RepresentationKind> = { float32: float32Kind, bfloat16: bfloat16Kind, float16: float16Kind };

export function kindOf(spec: RepresentationSpec): RepresentationKind {
  const config = zfpConfigOf(spec);
  return config ? zfpKind(config) : IEEE_KINDS[(spec as { format: IeeeFormat }).format];
}

/** Short legend text: "β = 24", "rate 16", "τ = 1e-6", "float32". */
export function specLabel(spec: RepresentationSpec): string {
  switch (spec.mode) {
    case 'precision':
      return `β = ${spec.precision}`;
    case 'rate':
      return `rate ${spec.rate}`;
    case 'accuracy':
      return `τ = ${spec.tolerance.toExponential(0)}`;
    case 'reversible':
      return 'zfp reversible';
    case 'ieee':
      return spec.format;
  }
}

export const MODE_TITLES: Record<SpecMode, string> = {
  precision: 'fixed precision',
  rate: 'fixed rate',
  accuracy: 'fixed accuracy',
  reversible: 'zfp reversible',
  ieee: 'IEEE rounding',
};
