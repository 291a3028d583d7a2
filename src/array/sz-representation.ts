import { compress, decompress, resolveBound } from '../sz/index.ts';
import type { SzConfig } from '../sz/types.ts';
import type { Shape } from '../zfp/types.ts';
import { RepresentationShapeError } from './errors.ts';
import type { Representation, RepresentationKind, StoreStats } from './representation.ts';

const shortNumber = (x: number): string => {
  const plain = String(x);
  const exponential = x.toExponential().replace('e+', 'e');
  return exponential.length < plain.length ? exponential : plain;
};

/** The name results use: sz-abs-1e-6 (every value within 1e-6), sz-rel-1e-3 (within 1e-3 of the value range). */
export function szName(config: SzConfig): string {
  return config.mode === 'abs' ? `sz-abs-${shortNumber(config.tolerance)}` : `sz-rel-${shortNumber(config.ratio)}`;
}

const NAME = /^sz-(abs|rel)-([0-9.]+(?:e[-+]?[0-9]+)?)$/;

/** The configuration an szName() spells, or null if `name` is not one. */
export function szConfigNamed(name: string): SzConfig | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const value = Number(match[2]);
  return match[1] === 'abs' ? { mode: 'abs', tolerance: value } : { mode: 'rel', ratio: value };
}

/** A float64 field held as one SZ-style stream, recompressed whole at every store. */
class SzRepresentation implements Representation {
  readonly name: string;
  readonly shape: Shape;
  private readonly length: number;
  private stream: Uint8Array | null = null;

  constructor(
    private readonly config: SzConfig,
    shape: Shape,
  ) {
    if (shape.length < 1 || shape.length > 3) throw new RepresentationShapeError(`the SZ-style codec stores 1 to 3 dimensions, got shape [${shape.join(', ')}]`);
    this.name = szName(config);
    this.shape = [...shape];
    this.length = shape.reduce((a, b) => a * b, 1);
  }

  store(values: Float64Array): StoreStats {
    this.checkLength(values.length, 'values');
    this.stream = compress({ type: 'float64', shape: this.shape, data: values }, this.config);
    return { bytes: this.stream.length, ratio: (8 * this.length) / this.stream.length, minPlanes: null, maxPlanes: null };
  }

  load(out: Float64Array): void {
    this.checkLength(out.length, 'an output of');
    if (this.stream === null) out.fill(0);
    else decompress(this.stream, { into: out });
  }

  bitsPerValue(): number {
    return this.stream === null ? 0 : (8 * this.stream.length) / this.length;
  }

  private checkLength(length: number, what: string): void {
    if (length !== this.length) throw new RepresentationShapeError(`${this.name} representation of shape [${this.shape.join(', ')}] holds ${this.length} values, got ${what} ${length}`);
  }
}

/** The SZ-style codec with one error bound as a representation; the bound is checked here, before any run. */
export function szKind(config: SzConfig): RepresentationKind {
  resolveBound(config, new Float64Array(0));
  return { name: szName(config), create: (shape) => new SzRepresentation(config, shape) };
}
