import { ZfpParameterError } from '../errors.ts';
import { EightWordCoder, EIGHT_WORD_SIZE } from './eight-word-coder.ts';
import { ONE_WORD_SIZES, OneWordCoder } from './one-word-coder.ts';
import type { PlaneCoder } from './plane-coding.ts';
import { TwoWordCoder, TWO_WORD_SIZE } from './two-word-coder.ts';

export type { PlaneCoder, PlaneCount } from './plane-coding.ts';

/**
 * The plane coder for blocks of `size` coefficients (4^d). zfp itself splits this work by block
 * size; here the split follows how many 32-bit words one bit plane takes: one (1D, 2D), two
 * (3D) or eight (4D), as each keeps its planes differently.
 */
export function planeCoderFor(size: number): PlaneCoder {
  if ((ONE_WORD_SIZES as readonly number[]).includes(size)) return new OneWordCoder(size);
  if (size === TWO_WORD_SIZE) return new TwoWordCoder();
  if (size === EIGHT_WORD_SIZE) return new EightWordCoder();
  throw new ZfpParameterError(`no block of ${size} coefficients: zfp blocks hold 4, 16, 64 or 256`);
}
