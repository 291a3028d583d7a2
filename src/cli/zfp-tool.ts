/**
 * `zfpwb zfp …`: the semantics of zfp 1.0's command-line tool on top of our codec. Same options,
 * same i/o/z/s combinations, same files written and the same stderr summary line, so scripts
 * written for `zfp` work unchanged and the two tools can be compared byte for byte.
 */
import * as fs from 'node:fs';
import { MAX_STREAM_BITS } from '../zfp/bitstream.ts';
import { compress, decompress } from '../zfp/index.ts';
import { ZfpError, ZfpFormatError, ZfpParameterError } from '../zfp/errors.ts';
import { checkShape } from '../zfp/layout.ts';
import { traitsOf, ZFP_MAX_BITS } from '../zfp/traits.ts';
import type { Decompressed } from '../zfp/field-codec.ts';
import type { ScalarArray, ScalarType, ZfpConfig } from '../zfp/types.ts';
import { OutputPathError, writeFileAtomic } from './atomic-file.ts';
import { formatF, formatG } from './format-c.ts';

/** Where the tool reads and writes; "-" paths are mapped to stdin/stdout by the tool itself. */
export interface ToolIO {
  /** Read up to `maxBytes` (as zfp, the tool never reads more than it needs: `-i /dev/zero` ends). */
  readStdin(maxBytes: number): Uint8Array;
  writeStdout(bytes: Uint8Array): void;
  readFile(path: string, maxBytes: number): Uint8Array;
  writeFile(path: string, bytes: Uint8Array): void;
  writeStderr(text: string): void;
}

export const nodeIO: ToolIO = {
  readStdin: (maxBytes) => readAtMost(0, maxBytes),
  writeStdout: (bytes) => {
    for (let done = 0; done < bytes.length; ) done += writeSome(1, bytes.subarray(done));
  },
  readFile: (path, maxBytes) => {
    const fd = fs.openSync(path, 'r');
    try {
      return readAtMost(fd, maxBytes);
    } finally {
      fs.closeSync(fd);
    }
  },
  writeFile: writeFileAtomic,
  writeStderr: (text) => process.stderr.write(text),
};

/** The first `maxBytes` of a file or stream, or all of it if shorter; grows the buffer only as data arrives. */
function readAtMost(fd: number, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < maxBytes) {
    const chunk = new Uint8Array(Math.min(maxBytes - total, 1 << 20));
    const n = readSome(fd, chunk);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** fs.readSync on a non-blocking pipe can report EAGAIN; wait for data (0 bytes read means the end). */
function readSome(fd: number, into: Uint8Array): number {
  for (;;) {
    try {
      return fs.readSync(fd, into, 0, into.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EOF') return 0;
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** fs.writeSync on a non-blocking pipe can report EAGAIN; retry until the reader catches up. */
function writeSome(fd: number, bytes: Uint8Array): number {
  for (;;) {
    try {
      return fs.writeSync(fd, bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** A command line the tool cannot run; reported as one line with exit status 1. */
export class ToolUsageError extends Error {
  override name = 'ToolUsageError';
}

const TYPE_BY_NAME: Readonly<Record<string, ScalarType>> = { i32: 'int32', i64: 'int64', f32: 'float32', f64: 'float64' };
const TYPE_LABEL: Readonly<Record<ScalarType, string>> = { int32: 'int32', int64: 'int64', float32: 'float', float64: 'double' };

export type ToolMode =
  | { kind: 'R' }
  | { kind: 'r'; rate: number }
  | { kind: 'p'; precision: number }
  | { kind: 'a'; tolerance: number }
  | { kind: 'c'; minbits: number; maxbits: number; maxprec: number; minexp: number };

export interface ToolOptions {
  type?: ScalarType;
  shape?: number[];
  mode?: ToolMode;
  header: boolean;
  quiet: boolean;
  stats: boolean;
  inPath?: string;
  zfpPath?: string;
  outPath?: string;
}

const USAGE = [
  'usage: zfpwb zfp [-h] [-q] [-s] [-i raw|-] [-z zfp|-] [-o raw|-]',
  '                 [-f|-d|-t i32|i64|f32|f64] [-1 nx|-2 nx ny|-3 nx ny nz|-4 nx ny nz nw]',
  '                 [-R|-r rate|-p precision|-a tolerance|-c minbits maxbits maxprec minexp]',
  '  -i: raw input (compress)  -z: compressed output with -i, else compressed input',
  '  -o: decompressed output  -h: zfp header in the stream  -s: error statistics  -q: quiet',
  '  --help: this text. Exit status 0 on success, 1 on any error (as zfp).',
].join('\n');

function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new ToolUsageError(`option ${option} expects non-negative integers, got "${text}"`);
  return Number(text);
}

function parseInteger(text: string, option: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new ToolUsageError(`option ${option} expects an integer, got "${text}"`);
  return Number(text);
}

export function parseReal(text: string, option: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new ToolUsageError(`option ${option} expects a number, got "${text}"`);
  return value;
}

/** zfp-style arguments read left to right: each option, then the values it takes. */
export class ToolArgs {
  private readonly argv: readonly string[];
  private next = 0;

  constructor(argv: readonly string[]) {
    this.argv = argv;
  }

  /** The next option, or undefined after the last. */
  option(): string | undefined {
    return this.argv[this.next++];
  }

  /** The value `option` takes, described as `what` when it is missing. */
  take(option: string, what: string): string {
    const value = this.argv[this.next++];
    if (value === undefined) throw new ToolUsageError(`option ${option} needs ${what}`);
    return value;
  }

  /** The d extents `-d` takes (d = 1…4), fastest first, as given. */
  extents(option: string): string[] {
    const dims = Number(option[1]);
    const names = ['nx', 'ny', 'nz', 'nw'].slice(0, dims);
    return names.map(() => this.take(option, `${dims} sizes (${names.join(' ')})`));
  }
}

/** Parses zfp's options; later options override earlier ones, as in zfp. */
export function parseToolArgs(argv: readonly string[]): ToolOptions {
  const options: ToolOptions = { header: false, quiet: false, stats: false };
  const args = new ToolArgs(argv);
  for (let option = args.option(); option !== undefined; option = args.option()) {
    switch (option) {
      case '-1':
      case '-2':
      case '-3':
      case '-4': {
        options.shape = args.extents(option).map((text) => parseCount(text, option));
        break;
      }
      case '-a':
        options.mode = { kind: 'a', tolerance: parseReal(args.take(option, 'a tolerance'), option) };
        break;
      case '-c': {
        const what = '4 values: minbits maxbits maxprec minexp';
        const [minbits, maxbits, maxprec] = [0, 1, 2].map(() => parseCount(args.take(option, what), option)) as [number, number, number];
        options.mode = { kind: 'c', minbits, maxbits, maxprec, minexp: parseInteger(args.take(option, what), option) };
        break;
      }
      case '-d':
        options.type = 'float64';
        break;
      case '-f':
        options.type = 'float32';
        break;
      case '-h':
        options.header = true;
        break;
      case '-i':
        options.inPath = args.take(option, 'a path');
        break;
      case '-o':
        options.outPath = args.take(option, 'a path');
        break;
      case '-p':
        options.mode = { kind: 'p', precision: parseCount(args.take(option, 'a precision'), option) };
        break;
      case '-q':
        options.quiet = true;
        break;
      case '-r':
        options.mode = { kind: 'r', rate: parseReal(args.take(option, 'a rate'), option) };
        break;
      case '-R':
        options.mode = { kind: 'R' };
        break;
      case '-s':
        options.stats = true;
        break;
      case '-t': {
        const name = args.take(option, 'a type (i32, i64, f32 or f64)');
        const type = TYPE_BY_NAME[name];
        if (type === undefined) throw new ToolUsageError(`option -t expects i32, i64, f32 or f64, got "${name}"`);
        options.type = type;
        break;
      }
      case '-z':
        options.zfpPath = args.take(option, 'a path');
        break;
      default:
        throw new ToolUsageError(`unknown option "${option}"`);
    }
  }
  return options;
}

/** Type, sizes and mode of the raw values, as the command line gives them. */
interface RawFormat {
  readonly type: ScalarType;
  readonly shape: readonly number[];
  readonly mode: ToolMode;
}

/** A command line validate() accepted: what the tool reads, and where the raw format comes from. */
type ToolJob =
  | {
      readonly action: 'compress';
      readonly inPath: string;
      readonly format: RawFormat;
      readonly zfpPath?: string;
      readonly outPath?: string;
      readonly header: boolean;
      readonly quiet: boolean;
      readonly stats: boolean;
    }
  | {
      readonly action: 'decompress';
      readonly zfpPath: string;
      /** null: the stream's header gives it (-h). */
      readonly format: RawFormat | null;
      readonly outPath?: string;
      readonly quiet: boolean;
    };

/** The raw format from the command line; `needed` words the error for a missing part. */
function rawFormat(options: ToolOptions, needed: (what: string, flags: string) => string): RawFormat {
  const { type, shape, mode } = options;
  if (type === undefined) throw new ToolUsageError(needed('scalar type', '-f, -d or -t'));
  if (shape === undefined) throw new ToolUsageError(needed('array sizes', '-1, -2, -3 or -4'));
  if (mode === undefined) throw new ToolUsageError(needed('compression mode', '-R, -r, -p, -a or -c'));
  return { type, shape, mode };
}

/** Checks the option combinations in the order zfp checks them; returns the job they describe. */
function validate(options: ToolOptions): ToolJob {
  const { inPath, zfpPath, outPath, header, quiet, stats } = options;
  if (options.shape !== undefined && options.shape.some((n) => n === 0)) throw new ToolUsageError('array sizes must all be positive');
  if (inPath === undefined) {
    if (zfpPath === undefined) throw new ToolUsageError('nothing to read: give -i <raw file> or -z <compressed file>');
    const format = header ? null : rawFormat(options, (what, flags) => `decompressing needs the ${what} (${flags}) or a header (-h)`);
    if (stats) throw new ToolUsageError('-s compares against the raw input, so it needs -i');
    if (header && (options.type !== undefined || options.shape !== undefined)) {
      throw new ToolUsageError('with -h the header gives the type and sizes; do not also pass them');
    }
    return { action: 'decompress', zfpPath, format, outPath, quiet };
  }
  const format = rawFormat(options, (what, flags) => `compressing needs the ${what} (${flags})`);
  // zfp closes stdout after the compressed stream and then fails on the raw one; refuse up front.
  if (zfpPath === '-' && outPath === '-') throw new ToolUsageError('-z - and -o - cannot both write to stdout');
  return { action: 'compress', inPath, format, zfpPath, outPath, header, quiet, stats };
}

/** The codec configuration zfp's tool would set up for `mode` (including its -c substitutions). */
export function configFor(mode: ToolMode, type: ScalarType): ZfpConfig {
  switch (mode.kind) {
    case 'R':
      return { mode: 'reversible' };
    case 'r':
      return { mode: 'rate', rate: mode.rate, align: false };
    case 'p':
      return { mode: 'precision', precision: mode.precision };
    case 'a':
      return { mode: 'accuracy', tolerance: mode.tolerance };
    case 'c':
      // As zfp's tool: maxbits 0 means no limit, maxprec 0 the type's full precision.
      return {
        mode: 'expert',
        minbits: mode.minbits,
        maxbits: mode.maxbits === 0 ? ZFP_MAX_BITS : mode.maxbits,
        maxprec: mode.maxprec === 0 ? 8 * traitsOf(type).size : mode.maxprec,
        minexp: mode.minexp,
      };
  }
}

/** Values of `type` held in little-endian `bytes`, copied into a buffer of their own (aligned). */
function toScalars(type: ScalarType, bytes: Uint8Array): ScalarArray {
  // Not bytes.slice(): on a Node Buffer that shares the (pooled) memory instead of copying.
  return new (traitsOf(type).array)(new Uint8Array(bytes).buffer);
}

export function toBytes(data: ScalarArray): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Reconstruction error figures exactly as zfp's tool computes them (C arithmetic per type). */
export function errorStats(type: ScalarType, input: ScalarArray, output: ScalarArray): string {
  let fmin = Number.MAX_VALUE;
  let fmax = -Number.MAX_VALUE;
  let sum = 0;
  let emax = 0;
  for (let i = 0; i < input.length; i++) {
    let d: number;
    let value: number;
    if (type === 'int64') {
      const a = input[i] as bigint;
      d = Math.abs(Number(BigInt.asIntN(64, a - (output[i] as bigint))));
      value = Number(a);
    } else {
      const a = input[i] as number;
      const b = output[i] as number;
      // zfp subtracts in the element type: int32 wraps, float rounds to single precision.
      d = Math.abs(type === 'int32' ? (a - b) | 0 : type === 'float32' ? Math.fround(a - b) : a - b);
      value = a;
    }
    // C's MAX/MIN macros: a NaN on the right-hand side wins.
    emax = emax > d ? emax : d;
    sum += d * d;
    fmin = fmin < value ? fmin : value;
    fmax = fmax > value ? fmax : value;
  }
  const rmse = Math.sqrt(sum / input.length);
  const range = fmax - fmin;
  // 0/0 on x86 yields the default NaN, whose sign bit is set: glibc prints it as "-nan".
  const undefinedRatio = rmse === 0 && range === 0;
  const nrmse = undefinedRatio ? '-nan' : formatG(rmse / range, 4);
  const psnr = undefinedRatio ? '-nan' : formatF(20 * Math.log10(range / (2 * rmse)), 2);
  return ` rmse=${formatG(rmse, 4)} nrmse=${nrmse} maxe=${formatG(emax, 4)} psnr=${psnr}`;
}

export function readPath(io: ToolIO, path: string, what: string, maxBytes: number): Uint8Array {
  try {
    return path === '-' ? io.readStdin(maxBytes) : io.readFile(path, maxBytes);
  } catch (error) {
    throw new ToolUsageError(`cannot read ${what} ${path === '-' ? 'from stdin' : `"${path}"`}: ${(error as Error).message}`);
  }
}

export function writePath(io: ToolIO, path: string, bytes: Uint8Array, what: string): void {
  try {
    if (path === '-') io.writeStdout(bytes);
    else io.writeFile(path, bytes);
  } catch (error) {
    if (error instanceof OutputPathError) throw new ToolUsageError(`${what}: ${error.message}`);
    throw new ToolUsageError(`cannot write ${what} ${path === '-' ? 'to stdout' : `"${path}"`}: ${(error as Error).message}`);
  }
}

/** Explains a codec error in terms of the step that failed. */
function codecFailure(step: string, error: unknown): ToolUsageError {
  if (!(error instanceof ZfpError)) throw error;
  const cause = error instanceof ZfpParameterError ? 'invalid compression parameters' : error instanceof ZfpFormatError ? 'bad compressed stream' : 'unsupported data';
  return new ToolUsageError(`${step} failed (${cause}): ${error.message}`);
}

/** What the summary line reports about a run. */
interface ToolRun {
  readonly type: ScalarType;
  readonly shape: readonly number[];
  readonly compressedBytes: number;
  /** The raw input and its reconstruction, when -s asks to compare them. */
  readonly compared: { readonly input: ScalarArray; readonly output: ScalarArray } | null;
}

/** Decompress `compressed` as `format` says (null: by its header), writing the values to outPath if given. */
function decodeStream(io: ToolIO, compressed: Uint8Array, format: RawFormat | null, outPath: string | undefined): Decompressed {
  const spec = format === null ? ({ header: true } as const) : { type: format.type, shape: format.shape, config: configFor(format.mode, format.type) };
  let result: Decompressed;
  try {
    result = decompress(compressed, spec);
  } catch (error) {
    throw codecFailure('decompression', error);
  }
  if (outPath !== undefined) writePath(io, outPath, toBytes(result.data), 'decompressed output');
  return result;
}

function runCompress(job: Extract<ToolJob, { action: 'compress' }>, io: ToolIO): ToolRun {
  const { format, header, outPath } = job;
  const count = format.shape.reduce((a, b) => a * b, 1);
  try {
    checkShape(format.shape);
  } catch (error) {
    throw codecFailure('compression', error);
  }
  const rawSize = count * traitsOf(format.type).size;
  // As zfp: read the declared field's bytes; more input is ignored, less is an error.
  const raw = readPath(io, job.inPath, 'raw input', rawSize);
  if (raw.length < rawSize) throw new ToolUsageError(`raw input holds ${raw.length} bytes, but ${format.shape.join('x')} ${TYPE_LABEL[format.type]} values need ${rawSize}`);
  const input = toScalars(format.type, raw.subarray(0, rawSize));
  let compressed: Uint8Array;
  try {
    compressed = compress({ type: format.type, shape: format.shape, data: input }, configFor(format.mode, format.type), { header }).bytes;
  } catch (error) {
    throw codecFailure('compression', error);
  }
  if (job.zfpPath !== undefined) writePath(io, job.zfpPath, compressed, 'compressed output');
  let compared: ToolRun['compared'] = null;
  if (outPath !== undefined || job.stats) {
    const { data } = decodeStream(io, compressed, header ? null : format, outPath);
    if (job.stats) compared = { input, output: data };
  }
  return { type: format.type, shape: format.shape, compressedBytes: compressed.length, compared };
}

function runDecompress(job: Extract<ToolJob, { action: 'decompress' }>, io: ToolIO): ToolRun {
  // One byte beyond the longest stream lets the codec report an over-long input rather than read without end.
  const compressed = readPath(io, job.zfpPath, 'compressed input', MAX_STREAM_BITS / 8 + 1);
  const { type, shape } = decodeStream(io, compressed, job.format, job.outPath);
  return { type, shape, compressedBytes: compressed.length, compared: null };
}

function execute(options: ToolOptions, io: ToolIO): void {
  const job = validate(options);
  const run = job.action === 'compress' ? runCompress(job, io) : runDecompress(job, io);
  if (!job.quiet) {
    const [nx = 1, ny = 1, nz = 1, nw = 1] = run.shape;
    const count = nx * ny * nz * nw;
    const raw = count * traitsOf(run.type).size;
    const zfp = run.compressedBytes;
    let line = `type=${TYPE_LABEL[run.type]} nx=${nx} ny=${ny} nz=${nz} nw=${nw}`;
    line += ` raw=${raw} zfp=${zfp} ratio=${formatG(raw / zfp, 3)} rate=${formatG((8 * zfp) / count, 4)}`;
    if (run.compared !== null) line += errorStats(run.type, run.compared.input, run.compared.output);
    io.writeStderr(`${line}\n`);
  }
}

/**
 * A tool's command line around `run`: usage on the help flags (0) or on no arguments (1), and a
 * usage error as one `zfpwb NAME:` line with status 1, as zfp's own tool reports them.
 */
export function runTool(name: string, usage: string, helpFlags: readonly string[], argv: readonly string[], io: ToolIO, run: () => void): number {
  if (argv.some((a) => helpFlags.includes(a))) {
    io.writeStdout(new TextEncoder().encode(`${usage}\n`));
    return 0;
  }
  if (argv.length === 0) {
    io.writeStderr(`${usage}\n`);
    return 1;
  }
  try {
    run();
    return 0;
  } catch (error) {
    if (!(error instanceof ToolUsageError)) throw error;
    io.writeStderr(`zfpwb ${name}: ${error.message}\n`);
    return 1;
  }
}

/** Runs the tool on `argv` (the arguments after `zfp`); returns the exit status. */
export function runZfpTool(argv: readonly string[], io: ToolIO = nodeIO): number {
  // zfp's -h is its header flag, so only the long form asks for the usage.
  return runTool('zfp', USAGE, ['--help'], argv, io, () => execute(parseToolArgs(argv), io));
}
