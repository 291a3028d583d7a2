export { DEFAULT_RADIUS, dequantize, quantize, UNPREDICTABLE, type Quantized } from './lorenzo.ts';
export { codeLengths, huffmanDecode, huffmanEncode, MAX_CODE_LENGTH } from './huffman.ts';
export { losslessCompress, losslessDecompress } from './lossless.ts';
