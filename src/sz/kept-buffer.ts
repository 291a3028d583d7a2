/** Requests up to 8 MiB (a million float64 values) are served from the kept buffer. */
export const KEPT_BYTES = 1 << 23;

/**
 * A buffer a codec stage keeps across calls, so a field compressed or decompressed every step (an
 * inline track) allocates nothing there: typed arrays of this size live outside the heap, and each
 * fresh one costs a zeroed allocation and garbage-collector work. What `take` returns holds until
 * the same buffer's next `take`; its contents are undefined, so every entry is written before it is read.
 */
export class KeptBuffer {
  private buffer = new ArrayBuffer(0);

  /** `keptBytes`: requests above it get a buffer of their own (one huge field must not pin its size for the thread's life). */
  constructor(private readonly keptBytes: number = KEPT_BYTES) {}

  bytes(length: number): Uint8Array {
    return new Uint8Array(this.take(length), 0, length);
  }

  uint16(length: number): Uint16Array {
    return new Uint16Array(this.take(2 * length), 0, length);
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.take(4 * length), 0, length);
  }

  uint32(length: number): Uint32Array {
    return new Uint32Array(this.take(4 * length), 0, length);
  }

  float32(length: number): Float32Array {
    return new Float32Array(this.take(4 * length), 0, length);
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.take(8 * length), 0, length);
  }

  private take(bytes: number): ArrayBuffer {
    if (bytes > this.keptBytes) return new ArrayBuffer(bytes);
    if (this.buffer.byteLength < bytes) this.buffer = new ArrayBuffer(bytes);
    return this.buffer;
  }
}
