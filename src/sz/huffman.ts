import { SzFormatError, SzParameterError } from './errors.ts';
import { KeptBuffer } from './kept-buffer.ts';

/** Longest code: keeps the canonical code in 32-bit arithmetic and decoding at most this many steps per symbol. */
export const MAX_CODE_LENGTH = 24;

/**
 * A canonical Huffman code as the stream stores it: the used symbols in ascending order and their
 * code lengths. Everything scales with the symbols used, not the alphabet, so small fields stay cheap.
 */
export interface HuffmanTable {
  readonly symbols: Uint16Array;
  readonly lengths: Uint8Array;
}

/**
 * Per-symbol counts and a bitmap of the symbols used, kept across calls and all zero between them (a
 * call clears what it set), so a table costs the sequence and the symbols used, not the alphabet.
 */
let symbolCounts = new Uint32Array(0);
let usedBits = new Int32Array(0);

/** Working arrays of the table's construction and of decoding, kept across calls (tables are small, calls many). */
const work = {
  weights: new KeptBuffer(),
  nodeWeights: new KeptBuffer(),
  parents: new KeptBuffer(),
  depths: new KeptBuffer(),
  order: new KeptBuffer(),
  spare: new KeptBuffer(),
  digitStarts: new KeptBuffer(),
  sorted: new KeptBuffer(),
  perLength: new KeptBuffer(),
  lengthStarts: new KeptBuffer(),
  firstCodes: new KeptBuffer(),
  shorter: new KeptBuffer(),
};

/** The Huffman code of a symbol sequence; rescales the counts until the longest code fits MAX_CODE_LENGTH. */
export function buildTable(sequence: Uint16Array, alphabet: number): HuffmanTable {
  if (symbolCounts.length < alphabet) {
    symbolCounts = new Uint32Array(alphabet);
    usedBits = new Int32Array(Math.ceil(alphabet / 32));
  }
  const counts = symbolCounts;
  let used = 0;
  try {
    for (let i = 0; i < sequence.length; i++) {
      const s = sequence[i]!;
      if (s >= alphabet) throw new SzParameterError(`symbol ${s} outside an alphabet of ${alphabet}`);
      if (counts[s]!++ === 0) {
        usedBits[s >>> 5]! |= 1 << (s & 31);
        used++;
      }
    }
  } catch (error) {
    for (const s of takeUsedSymbols(used, alphabet)) counts[s] = 0;
    throw error;
  }
  const symbols = takeUsedSymbols(used, alphabet);
  const weights = work.weights.uint32(used);
  for (let j = 0; j < used; j++) {
    weights[j] = counts[symbols[j]!]!;
    counts[symbols[j]!] = 0;
  }
  const lengths = new Uint8Array(used);
  if (used === 1) lengths[0] = 1;
  if (used <= 1) return { symbols, lengths };
  for (;;) {
    const depth = treeDepths(weights);
    let deepest = 0;
    for (let j = 0; j < used; j++) deepest = Math.max(deepest, depth[j]!);
    if (deepest <= MAX_CODE_LENGTH) {
      lengths.set(depth);
      return { symbols, lengths };
    }
    for (let j = 0; j < used; j++) weights[j] = Math.max(1, weights[j]! >>> 1);
  }
}

/** The `used` symbols marked in the bitmap, ascending; clears the bitmap. */
function takeUsedSymbols(used: number, alphabet: number): Uint16Array {
  const symbols = new Uint16Array(used);
  for (let word = 0, n = 0; n < used && word < Math.ceil(alphabet / 32); word++) {
    for (let bits = usedBits[word]!; bits !== 0; bits &= bits - 1) symbols[n++] = 32 * word + 31 - Math.clz32(bits & -bits);
    usedBits[word] = 0;
  }
  return symbols;
}

/**
 * Depth of each leaf in a Huffman tree over `weights`, merging the two lightest nodes first, ties to
 * the lower node id (leaves 0…k−1, then internal nodes in creation order). Merged weights never
 * decrease, so the internal nodes form a second sorted queue and the lightest node is the lighter
 * head of the two queues: one sort of the leaves, then linear work.
 */
function treeDepths(weights: Uint32Array): Int32Array {
  const leaves = weights.length;
  const nodes = 2 * leaves - 1;
  const leafOrder = leavesByWeight(weights);
  const weight = work.nodeWeights.float64(nodes + 1);
  weight.set(weights);
  weight.fill(0, leaves, nodes);
  weight[nodes] = Infinity; // behind the leaf queue: an exhausted leaf queue never wins
  const parent = work.parents.int32(nodes);
  let nextLeaf = 0;
  let nextInternal = leaves;
  for (let next = leaves; next < nodes; next++) {
    for (let pick = 0; pick < 2; pick++) {
      const leaf = nextLeaf < leaves ? leafOrder[nextLeaf]! : nodes;
      let node: number;
      if (nextInternal === next || weight[leaf]! <= weight[nextInternal]!) {
        node = leaf;
        nextLeaf++;
      } else node = nextInternal++;
      weight[next] += weight[node]!;
      parent[node] = next;
    }
  }
  const depth = work.depths.int32(nodes);
  depth[nodes - 1] = 0; // the root
  for (let node = nodes - 2; node >= 0; node--) depth[node] = depth[parent[node]!]! + 1;
  return depth.subarray(0, leaves);
}

/** Leaf ids by (weight, id): a stable radix sort on the weights, a byte a pass, only as many passes as the largest weight needs. */
function leavesByWeight(weights: Uint32Array): Int32Array {
  const leaves = weights.length;
  let order = work.order.int32(leaves);
  let spare = work.spare.int32(leaves);
  let largest = 0;
  for (let j = 0; j < leaves; j++) {
    order[j] = j;
    largest = Math.max(largest, weights[j]!);
  }
  const start = work.digitStarts.int32(257);
  for (let shift = 0; shift < 32 && largest >>> shift !== 0; shift += 8) {
    start.fill(0);
    for (let j = 0; j < leaves; j++) start[((weights[order[j]!]! >>> shift) & 255) + 1]!++;
    for (let d = 1; d <= 256; d++) start[d]! += start[d - 1]!;
    for (let j = 0; j < leaves; j++) spare[start[(weights[order[j]!]! >>> shift) & 255]!++] = order[j]!;
    [order, spare] = [spare, order];
  }
  return order;
}

/**
 * Rejects a table that is not a prefix code over `alphabet`: symbols not strictly ascending or out
 * of range, lengths 0 or above MAX_CODE_LENGTH, an over-full Kraft sum, or no symbol at all.
 */
export function checkTable(table: HuffmanTable, alphabet: number): void {
  const { symbols, lengths } = table;
  if (symbols.length === 0 || symbols.length !== lengths.length) throw new SzFormatError('Huffman table has no symbols');
  let kraft = 0;
  for (let j = 0; j < symbols.length; j++) {
    if (symbols[j]! >= alphabet) throw new SzFormatError(`Huffman symbol ${symbols[j]} outside an alphabet of ${alphabet}`);
    if (j > 0 && symbols[j]! <= symbols[j - 1]!) throw new SzFormatError('Huffman symbols are not strictly ascending');
    const len = lengths[j]!;
    if (len < 1 || len > MAX_CODE_LENGTH) throw new SzFormatError(`Huffman code length ${len} outside 1…${MAX_CODE_LENGTH}`);
    kraft += 1 << (MAX_CODE_LENGTH - len); // in units of 2^−MAX_CODE_LENGTH: exact integers
  }
  if (kraft > 1 << MAX_CODE_LENGTH) throw new SzFormatError('Huffman code lengths are over-subscribed');
}

/** Symbols of the table in canonical order (shorter codes first, ties by symbol, as DEFLATE assigns them). */
function canonicalOrder(table: HuffmanTable): { sorted: Uint16Array; perLength: Int32Array } {
  const perLength = work.perLength.int32(MAX_CODE_LENGTH + 1).fill(0);
  for (const len of table.lengths) perLength[len]!++;
  const start = work.lengthStarts.int32(MAX_CODE_LENGTH + 2);
  start[1] = 0;
  for (let len = 1; len <= MAX_CODE_LENGTH; len++) start[len + 1] = start[len]! + perLength[len]!;
  const sorted = work.sorted.uint16(table.symbols.length);
  for (let j = 0; j < table.symbols.length; j++) sorted[start[table.lengths[j]!]!++] = table.symbols[j]!;
  return { sorted, perLength };
}

/**
 * Code and length of each symbol for the encoder, kept across calls: a call sets the entries of its
 * table's symbols and clears the lengths again, so setup costs the table, not the alphabet.
 */
let codeOf = new Uint32Array(0);
let lengthOf = new Uint8Array(0);

/** Stage 2 of compression: the symbols as MSB-first canonical Huffman codes (with `kept`, a view of that buffer). */
export function huffmanEncode(sequence: Uint16Array, table: HuffmanTable, alphabet: number, kept?: KeptBuffer): Uint8Array {
  const { sorted, perLength } = canonicalOrder(table);
  if (lengthOf.length < alphabet) {
    codeOf = new Uint32Array(alphabet);
    lengthOf = new Uint8Array(alphabet);
  }
  try {
    for (let len = 1, code = 0, j = 0; len <= MAX_CODE_LENGTH; len++, code <<= 1) {
      for (let c = 0; c < perLength[len]!; c++, j++, code++) {
        const symbol = sorted[j]!;
        if (symbol >= alphabet) continue; // outside the alphabet: never gets a code
        codeOf[symbol] = code & ((1 << len) - 1);
        lengthOf[symbol] = len;
      }
    }
    return writeCodes(sequence, alphabet, kept);
  } finally {
    for (const symbol of sorted) if (symbol < lengthOf.length) lengthOf[symbol] = 0;
  }
}

/** The sequence's codes from `codeOf`/`lengthOf`, packed MSB first; a symbol without a code is refused before writing. */
function writeCodes(sequence: Uint16Array, alphabet: number, kept: KeptBuffer | undefined): Uint8Array {
  let bits = 0;
  for (let i = 0; i < sequence.length; i++) {
    const s = sequence[i]!;
    const len = s < alphabet ? lengthOf[s]! : 0;
    if (len === 0) throw new SzParameterError(`symbol ${s} has no code`);
    bits += len;
  }
  const bytes = Math.ceil(bits / 8);
  // Two spare bytes take the writes past the last whole byte (below).
  const out = kept ? kept.bytes(bytes + 2) : new Uint8Array(bytes + 2);
  // Fewer than 8 bits wait in `acc` between symbols and a code has at most 24, so it never passes 31 bits.
  let acc = 0;
  let pending = 0;
  let pos = 0;
  for (let i = 0; i < sequence.length; i++) {
    const s = sequence[i]!;
    const len = lengthOf[s]!;
    acc = (acc << len) | codeOf[s]!;
    pending += len;
    // Up to three bytes are whole now; all three are written without a branch on how many. A byte
    // that is not whole yet gets a wrong value here and its right one later, as its last bits come
    // (or as the final partial byte), since `pos` only passes the whole ones.
    out[pos] = acc >>> (pending - 8);
    out[pos + 1] = acc >>> (pending - 16);
    out[pos + 2] = acc >>> (pending - 24);
    pos += pending >>> 3;
    pending &= 7;
    acc &= (1 << pending) - 1;
  }
  if (pending > 0) out[pos] = acc << (8 - pending);
  return out.subarray(0, bytes);
}

/** Codes up to this many bits decode with one table look-up; longer ones continue bit by bit. */
const LOOKUP_BITS = 12;

/** Decoder look-up, kept across calls: entry symbol·32 + length for each LOOKUP_BITS-bit prefix, 0 where no code ends. */
const lookup = new Int32Array(1 << LOOKUP_BITS);

/**
 * The inverse of `huffmanEncode` for `count` symbols (with `kept`, into a view of that buffer).
 * Canonical decoding: a look-up on the next bits finds short codes; otherwise decoding goes on one
 * bit at a time, at most MAX_CODE_LENGTH steps per symbol. Running past `bytes` or into an
 * unassigned code is a format error.
 */
export function huffmanDecode(bytes: Uint8Array, table: HuffmanTable, alphabet: number, count: number, kept?: KeptBuffer): Uint16Array {
  checkTable(table, alphabet);
  const { sorted, perLength } = canonicalOrder(table);
  // first[len]: the first code of that length; before[len]: how many symbols have shorter codes.
  const first = work.firstCodes.int32(MAX_CODE_LENGTH + 2).fill(0);
  const before = work.shorter.int32(MAX_CODE_LENGTH + 2).fill(0);
  let longest = 0;
  for (let len = 1; len <= MAX_CODE_LENGTH; len++) {
    first[len + 1] = (first[len]! + perLength[len]!) << 1;
    before[len + 1] = before[len]! + perLength[len]!;
    if (perLength[len]! > 0) longest = len;
  }
  const peekBits = Math.min(longest, LOOKUP_BITS);
  const entries = 1 << peekBits;
  lookup.fill(0, 0, entries);
  for (let len = 1; len <= peekBits; len++) {
    const span = 1 << (peekBits - len);
    for (let c = 0; c < perLength[len]!; c++) {
      const entry = (sorted[before[len]! + c]! << 5) | len;
      for (let at = (first[len]! + c) * span, end = at + span; at < end; at++) lookup[at] = entry;
    }
  }
  const out = kept ? kept.uint16(count) : new Uint16Array(count);
  const totalBits = bytes.length * 8;
  // The look-up reads three whole bytes; the last two bytes decode bit by bit.
  const lookupEnd = bytes.length - 2;
  let bit = 0;
  for (let k = 0; k < count; k++) {
    let len = 1;
    let code = 0; // code − first[len] indexes the symbols of this length
    const at = bit >>> 3;
    if (at < lookupEnd) {
      const window = (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!;
      const prefix = (window >>> (24 - peekBits - (bit & 7))) & (entries - 1);
      const entry = lookup[prefix]!;
      if (entry !== 0) {
        out[k] = entry >>> 5;
        bit += entry & 31;
        continue;
      }
      len = peekBits + 1;
      code = prefix << 1;
      bit += peekBits;
    }
    for (; ; len++) {
      if (len > MAX_CODE_LENGTH) throw new SzFormatError(`invalid Huffman code at bit ${bit}`);
      if (bit >= totalBits) throw new SzFormatError(`Huffman data ends after ${k} of ${count} symbols`);
      code |= (bytes[bit >>> 3]! >>> (7 - (bit & 7))) & 1;
      bit++;
      const n = perLength[len]!;
      if (code - first[len]! < n) {
        out[k] = sorted[before[len]! + code - first[len]!]!;
        break;
      }
      code <<= 1;
    }
  }
  return out;
}
