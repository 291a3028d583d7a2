export { DEFAULT_RADIUS, dequantize, quantize, UNPREDICTABLE, type Quantized } from './lorenzo.ts';
export { buildTable, checkTable, huffmanDecode, huffmanEncode, MAX_CODE_LENGTH, type HuffmanTable } from './huffman.ts';
export { losslessCompress, losslessDecompress } from './lossless.ts';
