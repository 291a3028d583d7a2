/**
 * The teaching API: zfp's stages one block at a time, on BigInt for clarity.
 * The bulk codec (src/zfp/fast) computes the same bits with 32-bit arithmetic.
 */
export { blockExponent, fractionBits, fromBlockFloat, toBlockFloat, type FloatType } from './block-float.ts';
export {
  forwardLift,
  forwardReversibleLift,
  forwardReversibleTransform,
  forwardTransform,
  inverseLift,
  inverseReversibleLift,
  inverseReversibleTransform,
  inverseTransform,
  type IntWidth,
  type LineLift,
} from './lifting.ts';
export { reorder, unorder } from './reorder.ts';
export { fromNegabinary, fromNegabinaryBlock, toNegabinary, toNegabinaryBlock } from './negabinary.ts';
export { bitPlanes, fromBitPlanes, planeBit } from './bit-planes.ts';
export { decodeInts, encodeInts, type CoderResult, type DecodedInts } from './embedded-coder.ts';
export { ieeeBitsToInts, intsToIeeeBits } from './reinterpret.ts';
export { blockFloatIsExact, decodeBlockStaged, encodeBlockStaged, reversiblePrecision, type BlockForm, type BlockTrace, type DecodedBlock, type StageValues } from './block.ts';
