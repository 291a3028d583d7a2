/** Values of one block: the array's scalar type, 4^d per block. */
export type BlockValues = Float64Array | Float32Array;

/** Moves blocks between the cache and compressed storage. */
export interface BlockTransfer {
  /** Decode `block` into values[base … base + 4^d). */
  decode(block: number, values: BlockValues, base: number): void;
  /** Encode values[base … base + 4^d) as `block`. */
  encode(block: number, values: BlockValues, base: number): void;
}

const EMPTY = -1;

/**
 * Write-back cache of decompressed blocks, fully associative with least-recently-used eviction.
 * A miss writes the evicted block back only if it was modified, then decodes the requested one.
 * (A direct-mapped cache, as zfp's, aliases blocks a power-of-two apart — the neighbours of a
 * stencil in y and z — into one line; a block → line table costs 4 bytes per block instead.)
 */
export class BlockCache {
  readonly values: BlockValues;
  /** Line holding each block, or EMPTY. */
  private readonly lineOf: Int32Array;
  /** Block held by each line, or EMPTY. */
  private readonly blockOf: Int32Array;
  private readonly dirty: Uint8Array;
  /** Recency list over lines: head is the most recent, tail the next to evict. */
  private readonly newer: Int32Array;
  private readonly older: Int32Array;
  private head = 0;
  private tail: number;

  constructor(
    readonly lines: number,
    blockCount: number,
    private readonly blockSize: number,
    values: BlockValues,
    private readonly transfer: BlockTransfer,
  ) {
    this.values = values;
    this.lineOf = new Int32Array(blockCount).fill(EMPTY);
    this.blockOf = new Int32Array(lines).fill(EMPTY);
    this.dirty = new Uint8Array(lines);
    this.newer = new Int32Array(lines).map((_, l) => l - 1);
    this.older = new Int32Array(lines).map((_, l) => (l + 1 < lines ? l + 1 : EMPTY));
    this.tail = lines - 1;
  }

  /** Line holding the block (its values from line · blockSize on), fetched on a miss. */
  read(block: number): number {
    return this.lineFor(block);
  }

  /** Mark a line's block modified: it is written back when evicted or flushed. */
  markModified(line: number): void {
    this.dirty[line] = 1;
  }

  /** Write every modified block back; the blocks stay cached. */
  flush(): void {
    for (let line = 0; line < this.lines; line++) this.clean(line);
  }

  /** Write `block` back if it is cached and modified. */
  flushBlock(block: number): void {
    const line = this.lineOf[block]!;
    if (line !== EMPTY) this.clean(line);
  }

  /** Forget every block without writing back: all of them are about to be replaced. */
  invalidate(): void {
    for (let line = 0; line < this.lines; line++) {
      const block = this.blockOf[line]!;
      if (block !== EMPTY) this.lineOf[block] = EMPTY;
      this.blockOf[line] = EMPTY;
      this.dirty[line] = 0;
    }
  }

  private lineFor(block: number): number {
    let line = this.lineOf[block]!;
    if (line === EMPTY) line = this.load(block);
    if (line !== this.head) this.makeNewest(line);
    return line;
  }

  /** Evict the least recently used line and decode `block` into it. */
  private load(block: number): number {
    const line = this.tail;
    const evicted = this.blockOf[line]!;
    if (evicted !== EMPTY) {
      this.clean(line);
      this.lineOf[evicted] = EMPTY;
    }
    this.transfer.decode(block, this.values, line * this.blockSize);
    this.blockOf[line] = block;
    this.lineOf[block] = line;
    return line;
  }

  private makeNewest(line: number): void {
    const newer = this.newer[line]!, older = this.older[line]!;
    this.older[newer] = older;
    if (older === EMPTY) this.tail = newer;
    else this.newer[older] = newer;
    this.newer[line] = EMPTY;
    this.older[line] = this.head;
    this.newer[this.head] = line;
    this.head = line;
  }

  private clean(line: number): void {
    if (!this.dirty[line]) return;
    this.transfer.encode(this.blockOf[line]!, this.values, line * this.blockSize);
    this.dirty[line] = 0;
  }
}
