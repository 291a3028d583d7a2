import type { ZfpConfig } from '../zfp/types.ts';

/** The shorter spelling of a number: 1e-6 rather than 0.000001, 0.5 rather than 5e-1. */
function shortNumber(x: number): string {
  const plain = String(x);
  const exponential = x.toExponential().replace('e+', 'e');
  return exponential.length < plain.length ? exponential : plain;
}

/** The name results use for a configuration: zfp-rate-16, zfp-precision-24, zfp-accuracy-1e-6, zfp-reversible, … */
export function zfpName(config: ZfpConfig): string {
  switch (config.mode) {
    case 'rate':
      return `zfp-rate-${shortNumber(config.rate)}${config.align ? '-aligned' : ''}`;
    case 'precision':
      return `zfp-precision-${config.precision}`;
    case 'accuracy':
      return `zfp-accuracy-${shortNumber(config.tolerance)}`;
    case 'reversible':
      return 'zfp-reversible';
    case 'expert':
      return `zfp-expert-${config.minbits}-${config.maxbits}-${config.maxprec}-${config.minexp}`;
  }
}

const NUMBER = '(-?[0-9.]+(?:e[-+]?[0-9]+)?)';
const PATTERNS: readonly [RegExp, (n: number[]) => ZfpConfig][] = [
  [new RegExp(`^zfp-rate-${NUMBER}$`), ([rate]) => ({ mode: 'rate', rate: rate! })],
  [new RegExp(`^zfp-rate-${NUMBER}-aligned$`), ([rate]) => ({ mode: 'rate', rate: rate!, align: true })],
  [new RegExp(`^zfp-precision-${NUMBER}$`), ([precision]) => ({ mode: 'precision', precision: precision! })],
  [new RegExp(`^zfp-accuracy-${NUMBER}$`), ([tolerance]) => ({ mode: 'accuracy', tolerance: tolerance! })],
  [/^zfp-reversible$/, () => ({ mode: 'reversible' })],
  [
    new RegExp(`^zfp-expert-${NUMBER}-${NUMBER}-${NUMBER}-${NUMBER}$`),
    ([minbits, maxbits, maxprec, minexp]) => ({ mode: 'expert', minbits: minbits!, maxbits: maxbits!, maxprec: maxprec!, minexp: minexp! }),
  ],
];

/** The configuration a zfpName() spells, or null if `name` is not one (parameters are checked later, by the codec). */
export function zfpConfigNamed(name: string): ZfpConfig | null {
  for (const [pattern, config] of PATTERNS) {
    const match = pattern.exec(name);
    if (match) return config(match.slice(1).map(Number));
  }
  return null;
}
