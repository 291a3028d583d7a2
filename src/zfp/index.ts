export * from './errors.ts';
export type * from './types.ts';
export { compress, decompress, NO_EXPONENT } from './field-codec.ts';
export type { BlockStatsTable, Compressed, CompressOptions, DecodeSpec, Decompressed } from './field-codec.ts';
export { resolveParams, maximumSize, modeOf, configOf, blockPrecision } from './params.ts';
export { readHeader, writeHeader } from './header.ts';
export { BitReader, BitWriter } from './bitstream.ts';
export { BlockCodec } from './fast/block-codec.ts';
export { traitsOf, blockSize } from './traits.ts';
