/**
 * The interop matrix: every scalar type × every compression mode (with edge parameters) × every
 * dimensionality, on shapes that are mostly not multiples of 4, rotating field kinds and the
 * header flag so each combination is met without a full cross product; plus a sweep of every
 * field kind per type.
 */
import type { ScalarType, ZfpConfig } from '../../src/zfp/types.ts';
import { kindsFor, type FieldKind } from './fields.ts';

/** A mode as zfp's tool is told it, and the codec config the tool turns it into. */
export interface ModeSpec {
  readonly label: string;
  readonly args: readonly string[];
  readonly config: ZfpConfig;
}

export interface InteropCase {
  readonly id: number;
  readonly name: string;
  readonly type: ScalarType;
  readonly shape: readonly number[];
  readonly kind: FieldKind;
  readonly mode: ModeSpec;
  readonly header: boolean;
}

export const TYPES: readonly ScalarType[] = ['float32', 'float64', 'int32', 'int64'];

const SHAPES: readonly (readonly (readonly number[])[])[] = [
  [[1], [3], [5], [17], [64], [103]],
  [[1, 1], [3, 5], [5, 17], [17, 3], [13, 13], [8, 7]],
  [[1, 1, 1], [3, 5, 7], [5, 9, 3], [17, 6, 5], [4, 4, 9]],
  [[1, 1, 1, 1], [3, 5, 2, 3], [5, 3, 6, 2], [2, 2, 2, 9], [4, 5, 4, 3]],
];

const rate = (r: number): ModeSpec => ({ label: `-r ${r}`, args: ['-r', String(r)], config: { mode: 'rate', rate: r, align: false } });
const precision = (p: number): ModeSpec => ({ label: `-p ${p}`, args: ['-p', String(p)], config: { mode: 'precision', precision: p } });
const accuracy = (t: number): ModeSpec => ({ label: `-a ${t}`, args: ['-a', String(t)], config: { mode: 'accuracy', tolerance: t } });
const reversible: ModeSpec = { label: '-R', args: ['-R'], config: { mode: 'reversible' } };

/** `-c` as typed on zfp's command line; 0 for maxbits/maxprec means "unlimited"/"full". */
function expert(type: ScalarType, minbits: number, maxbits: number, maxprec: number, minexp: number): ModeSpec {
  const width = type === 'int32' || type === 'float32' ? 32 : 64;
  return {
    label: `-c ${minbits} ${maxbits} ${maxprec} ${minexp}`,
    args: ['-c', String(minbits), String(maxbits), String(maxprec), String(minexp)],
    config: { mode: 'expert', minbits, maxbits: maxbits || 16658, maxprec: maxprec || width, minexp },
  };
}

export function modesFor(type: ScalarType): ModeSpec[] {
  const width = type === 'int32' || type === 'float32' ? 32 : 64;
  const isFloat = type === 'float32' || type === 'float64';
  const tiny = type === 'float32' ? 1e-40 : 1e-300;
  const huge = type === 'float32' ? 1e30 : 1e300;
  return [
    rate(0.5), rate(1), rate(2.5), rate(8), rate(13.75), rate(width / 2), rate(width), rate(64),
    precision(0), precision(1), precision(12), precision(width - 1), precision(width), precision(100),
    ...(isFloat ? [accuracy(tiny), accuracy(1e-6), accuracy(0.5), accuracy(huge)] : [accuracy(1), accuracy(1e6)]),
    accuracy(0),
    reversible,
    expert(type, 0, 0, 0, -1074),
    expert(type, 64, 64, 0, -1074),
    expert(type, 100, 400, 20, -30),
    expert(type, 300, 300, 16, -1074),
    expert(type, 8, 1000, 0, -20),
    expert(type, 1, 16658, width, isFloat ? -1074 : 0),
  ];
}

export function buildCases(): InteropCase[] {
  const cases: InteropCase[] = [];
  const add = (type: ScalarType, shape: readonly number[], kind: FieldKind, mode: ModeSpec, header: boolean): void => {
    const id = cases.length;
    const name = `#${id} ${type} ${shape.join('x')} ${kind} ${mode.label}${header ? ' -h' : ''}`;
    cases.push({ id, name, type, shape, kind, mode, header });
  };
  TYPES.forEach((type, t) => {
    modesFor(type).forEach((mode, m) => {
      const kinds = kindsFor(type, mode.config.mode === 'reversible');
      SHAPES.forEach((shapes, d) => {
        add(type, shapes[(m + t) % shapes.length]!, kinds[(m + 3 * d + t) % kinds.length]!, mode, (m + d + t) % 2 === 0);
      });
    });
    for (const mode of [reversible, precision(16), rate(12)]) {
      kindsFor(type, mode === reversible).forEach((kind, k) => add(type, SHAPES[2]![3]!, kind, mode, k % 2 === 1));
    }
  });
  return cases;
}
