/** The representation a results spec names: a ZFP configuration, an SZ-style bound or an IEEE rounding, ready to store a field. */
import { szKind, zfpKind } from '../array/index.ts';
import { bfloat16Kind, float16Kind, float32Kind } from '../array/ieee.ts';
import type { RepresentationKind } from '../array/representation.ts';
import { ZfpParameterError } from '../zfp/index.ts';
import type { ZfpConfig } from '../zfp/types.ts';
import type { StateType } from '../../solvers/problem.ts';
import type { IeeeFormat, RepresentationSpec } from '../results/representation-spec.ts';

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
    case 'sz-abs':
    case 'sz-rel':
      return null;
  }
}

const IEEE_KINDS: Record<IeeeFormat, RepresentationKind> = { float32: float32Kind, bfloat16: bfloat16Kind, float16: float16Kind };

/** The representation a state of `type` is kept in; a float32 state only in a float32 ZFP array. */
export function kindOf(spec: RepresentationSpec, type: StateType = 'float64'): RepresentationKind {
  const config = zfpConfigOf(spec);
  if (type === 'float32') {
    if (!config) throw new ZfpParameterError(`a float32 state is kept in a float32 ZFP array (precision, rate, accuracy or reversible), not ${spec.mode}`);
    return zfpKind(config, type);
  }
  if (spec.mode === 'sz-abs') return szKind({ mode: 'abs', tolerance: spec.tolerance });
  if (spec.mode === 'sz-rel') return szKind({ mode: 'rel', ratio: spec.ratio });
  return config ? zfpKind(config) : IEEE_KINDS[(spec as { format: IeeeFormat }).format];
}
