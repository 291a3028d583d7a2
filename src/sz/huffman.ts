import { SzFormatError, SzParameterError } from './errors.ts';

/** Longest code: keeps decoding's per-length tables small and the canonical code in 32-bit arithmetic. */
export const MAX_CODE_LENGTH = 24;

/** A canonical Huffman code: the length of each used symbol's code (0 for unused symbols). */
export interface HuffmanTable {
  readonly lengths: Uint8Array;
}

/** Huffman code lengths for the given counts; rescales the counts until the longest code fits MAX_CODE_LENGTH. */
export function codeLengths(counts: Uint32Array): Uint8Array {
  const used: number[] = [];
  for (let s = 0; s < counts.length; s++) if (counts[s]! > 0) used.push(s);
  const lengths = new Uint8Array(counts.length);
  if (used.length === 0) return lengths;
  if (used.length === 1) {
    lengths[used[0]!] = 1;
    return lengths;
  }
  let weights = used.map((s) => counts[s]!);
  for (;;) {
    const depth = treeDepths(weights);
    if (depth.every((d) => d <= MAX_CODE_LENGTH)) {
      used.forEach((s, k) => (lengths[s] = depth[k]!));
      return lengths;
    }
    weights = weights.map((w) => Math.max(1, w >>> 1));
  }
}

/** Depth of each leaf in a Huffman tree over `weights` (a binary min-heap over node ids). */
function treeDepths(weights: readonly number[]): number[] {
  const leaves = weights.length;
  const weight = new Float64Array(2 * leaves - 1);
  const parent = new Int32Array(2 * leaves - 1);
  weight.set(weights);
  const heap: number[] = [];
  const less = (a: number, b: number): boolean => weight[a]! < weight[b]! || (weight[a] === weight[b] && a < b);
  const push = (node: number): void => {
    let k = heap.push(node) - 1;
    while (k > 0) {
      const up = (k - 1) >> 1;
      if (!less(heap[k]!, heap[up]!)) break;
      [heap[k], heap[up]] = [heap[up]!, heap[k]!];
      k = up;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let k = 0; ; ) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === k) break;
        [heap[k], heap[m]] = [heap[m]!, heap[k]!];
        k = m;
      }
    }
    return top;
  };
  for (let s = 0; s < leaves; s++) push(s);
  for (let next = leaves; heap.length > 1; next++) {
    const a = pop();
    const b = pop();
    weight[next] = weight[a]! + weight[b]!;
    parent[a] = next;
    parent[b] = next;
    push(next);
  }
  const root = 2 * leaves - 2;
  const depth = new Int32Array(2 * leaves - 1);
  for (let node = root - 1; node >= 0; node--) depth[node] = depth[parent[node]!]! + 1;
  return Array.from(depth.subarray(0, leaves));
}

/** Canonical codes from lengths: shorter codes first, ties by symbol (as DEFLATE assigns them). */
function canonicalCodes(lengths: Uint8Array): Uint32Array {
  const perLength = new Uint32Array(MAX_CODE_LENGTH + 1);
  for (const len of lengths) perLength[len]!++;
  perLength[0] = 0;
  const next = new Uint32Array(MAX_CODE_LENGTH + 2);
  for (let len = 1, code = 0; len <= MAX_CODE_LENGTH; len++) {
    code = (code + perLength[len - 1]!) << 1;
    next[len] = code;
  }
  const codes = new Uint32Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s]! > 0) codes[s] = next[lengths[s]!]!++;
  return codes;
}

/** Rejects lengths that are not a prefix code: over-full (Kraft sum > 1), too long, or empty. */
export function checkLengths(lengths: Uint8Array): void {
  let kraft = 0;
  let used = 0;
  for (const len of lengths) {
    if (len === 0) continue;
    if (len > MAX_CODE_LENGTH) throw new SzFormatError(`Huffman code length ${len} exceeds ${MAX_CODE_LENGTH}`);
    kraft += 2 ** -len;
    used++;
  }
  if (used === 0) throw new SzFormatError('Huffman table has no symbols');
  if (kraft > 1) throw new SzFormatError('Huffman code lengths are over-subscribed');
}

/** Stage 2 of compression: the symbols as MSB-first canonical Huffman codes. */
export function huffmanEncode(symbols: Uint16Array, lengths: Uint8Array): Uint8Array {
  const codes = canonicalCodes(lengths);
  let bits = 0;
  for (const s of symbols) {
    const len = lengths[s] ?? 0;
    if (len === 0) throw new SzParameterError(`symbol ${s} has no code`);
    bits += len;
  }
  const out = new Uint8Array(Math.ceil(bits / 8));
  let acc = 0; // pending bits, right-aligned; fewer than 8 between symbols
  let pending = 0;
  let pos = 0;
  for (const s of symbols) {
    const len = lengths[s]!;
    const code = codes[s]!;
    // Split long codes so `acc` never exceeds 31 bits.
    for (let left = len; left > 0; ) {
      const take = Math.min(left, 16);
      left -= take;
      acc = (acc << take) | ((code >>> left) & ((1 << take) - 1));
      pending += take;
      while (pending >= 8) {
        pending -= 8;
        out[pos++] = (acc >>> pending) & 0xff;
      }
      acc &= (1 << pending) - 1;
    }
  }
  if (pending > 0) out[pos] = (acc << (8 - pending)) & 0xff;
  return out;
}

/**
 * The inverse of `huffmanEncode` for `count` symbols. Canonical decoding one bit at a time: work is
 * at most MAX_CODE_LENGTH steps per symbol, and reading past `bytes` or an unassigned code is a format error.
 */
export function huffmanDecode(bytes: Uint8Array, lengths: Uint8Array, count: number): Uint16Array {
  checkLengths(lengths);
  const perLength = new Int32Array(MAX_CODE_LENGTH + 1);
  for (const len of lengths) if (len > 0) perLength[len]!++;
  const sorted = new Uint16Array(lengths.length);
  const offsets = new Int32Array(MAX_CODE_LENGTH + 2);
  for (let len = 1; len <= MAX_CODE_LENGTH; len++) offsets[len + 1] = offsets[len]! + perLength[len]!;
  const fill = offsets.slice();
  for (let s = 0; s < lengths.length; s++) if (lengths[s]! > 0) sorted[fill[lengths[s]!]!++] = s;
  const out = new Uint16Array(count);
  const totalBits = bytes.length * 8;
  let bit = 0;
  for (let k = 0; k < count; k++) {
    let code = 0; // canonical decoding: code − first code of this length indexes the symbols of that length
    let first = 0;
    let index = 0;
    for (let len = 1; ; len++) {
      if (len > MAX_CODE_LENGTH) throw new SzFormatError(`invalid Huffman code at bit ${bit}`);
      if (bit >= totalBits) throw new SzFormatError(`Huffman data ends after ${k} of ${count} symbols`);
      code |= (bytes[bit >>> 3]! >>> (7 - (bit & 7))) & 1;
      bit++;
      const n = perLength[len]!;
      if (code - first < n) {
        out[k] = sorted[index + code - first]!;
        break;
      }
      index += n;
      first = (first + n) << 1;
      code <<= 1;
    }
  }
  return out;
}
