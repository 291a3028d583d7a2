import { UnknownRepresentationError } from './errors.ts';
import { ieeeKinds } from './ieee.ts';
import type { RepresentationKind } from './representation.ts';
import { zfpKind } from './zfp-representation.ts';
import { zfpConfigNamed } from './zfp-name.ts';
import { szConfigNamed, szKind } from './sz-representation.ts';

/**
 * The representation kind a results name stands for: float64, float32, bfloat16, float16, or a
 * zfp configuration (zfp-rate-16, zfp-precision-24, zfp-accuracy-1e-6, zfp-reversible, …), an
 * SZ-style bound (sz-abs-1e-6, sz-rel-1e-3), so a
 * sweep over representations and bit budgets is one loop over names.
 */
export function kindNamed(name: string): RepresentationKind {
  const ieee = ieeeKinds.find((k) => k.name === name);
  if (ieee) return ieee;
  const config = zfpConfigNamed(name);
  if (config) return zfpKind(config);
  const sz = szConfigNamed(name);
  if (sz) return szKind(sz);
  throw new UnknownRepresentationError(name);
}
