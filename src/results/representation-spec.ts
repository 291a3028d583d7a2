/** How a run stored its state, as the results name it: a serialisable spec, its legend label, each mode's title. */

export type IeeeFormat = 'float32' | 'bfloat16' | 'float16';

/** A serialisable description of one inline representation (it crosses worker boundaries and lands in JSON). */
export type RepresentationSpec =
  | { readonly mode: 'precision'; readonly precision: number }
  | { readonly mode: 'rate'; readonly rate: number }
  | { readonly mode: 'accuracy'; readonly tolerance: number }
  | { readonly mode: 'reversible' }
  | { readonly mode: 'ieee'; readonly format: IeeeFormat }
  /** The SZ-style codec: every value within `tolerance` (abs), or within `ratio`·(max − min) of the stored field (rel). */
  | { readonly mode: 'sz-abs'; readonly tolerance: number }
  | { readonly mode: 'sz-rel'; readonly ratio: number };

export type SpecMode = RepresentationSpec['mode'];

/** The lossy ZFP modes, each tuned by one parameter (β, bits per value, tolerance). */
export type ZfpMode = Extract<SpecMode, 'precision' | 'rate' | 'accuracy'>;

/** The SZ-style modes, each tuned by one bound. */
export type SzMode = Extract<SpecMode, 'sz-abs' | 'sz-rel'>;

/** The two families of lossy inline storage the comparison weighs: ZFP's transform codec and SZ-style prediction. */
export type Family = 'zfp' | 'sz';

export const FAMILY_TITLES: Record<Family, string> = { zfp: 'ZFP', sz: 'SZ-style' };

/** A lossy mode's family; null for lossless storage and IEEE rounding, which neither family's comparison counts. */
export function familyOf(mode: SpecMode): Family | null {
  if (mode === 'precision' || mode === 'rate' || mode === 'accuracy') return 'zfp';
  if (mode === 'sz-abs' || mode === 'sz-rel') return 'sz';
  return null;
}

/** 1e-5, 2.98e-8: three significant digits at most, always with an exponent, as bounds are read. */
const shortExponent = (x: number): string => Number(x.toPrecision(3)).toExponential();

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
    case 'sz-abs':
      return `SZ e = ${shortExponent(spec.tolerance)}`;
    case 'sz-rel':
      return `SZ ε = ${shortExponent(spec.ratio)}·range`;
  }
}

export const MODE_TITLES: Record<SpecMode, string> = {
  precision: 'fixed precision',
  rate: 'fixed rate',
  accuracy: 'fixed accuracy',
  reversible: 'zfp reversible',
  ieee: 'IEEE rounding',
  'sz-abs': 'SZ-style absolute bound',
  'sz-rel': 'SZ-style range-relative bound',
};
