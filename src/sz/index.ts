export * from './errors.ts';
export type * from './types.ts';
export { compress, decompress, resolveBound } from './codec.ts';
export type { SzCompressOptions, SzDecompressed, SzDecompressOptions } from './codec.ts';
export { readHeader, writeHeader } from './header.ts';
export type { SzHeader } from './header.ts';
export { MAX_VALUES } from './shape.ts';
/** The stages one at a time, for notebooks and the web view. */
export * as stages from './stages.ts';
