/**
 * `zfpwb sz …`: the SZ-style codec behind options shaped like zfp's tool. Compressing needs the type
 * (-f/-d), the extents (-1/-2/-3) and a bound (-a absolute, -R value-range-relative); the stream is
 * self-describing, so decompressing needs only -z. Same stderr summary line as `zfpwb zfp`, same
 * exit status: 0 on success, 1 on any error.
 */
import { compress, decompress } from '../sz/codec.ts';
import { SzError, SzFormatError, SzParameterError } from '../sz/errors.ts';
import { MAX_VALUES } from '../sz/shape.ts';
import type { SzConfig, SzScalarType } from '../sz/types.ts';
import { formatG } from './format-c.ts';
import { errorStats, nodeIO, parseReal, readPath, runTool, toBytes, ToolArgs, ToolUsageError, writePath, type ToolIO } from './zfp-tool.ts';

export interface SzToolOptions {
  type?: SzScalarType;
  shape?: number[];
  config?: SzConfig;
  quiet: boolean;
  stats: boolean;
  inPath?: string;
  szPath?: string;
  outPath?: string;
}

const USAGE = [
  'usage: zfpwb sz [-q] [-s] [-i raw|-] [-z sz|-] [-o raw|-] [-f|-d] [-1 nx|-2 nx ny|-3 nx ny nz] [-a e|-R eps]',
  '  -i: raw little-endian input (compress)  -z: compressed output with -i, else compressed input',
  '  -o: decompressed output  -f: float32  -d: float64  -1/-2/-3: extents, fastest first',
  '  -a e: every value within e  -R eps: within eps*(max-min)  -s: ratio and error statistics  -q: quiet',
  '  The stream carries type, extents and bound: decompress with -z alone.',
  '  --help: this text. Exit status 0 on success, 1 on any error (as zfpwb zfp).',
].join('\n');

const WIDTH: Readonly<Record<SzScalarType, number>> = { float32: 4, float64: 8 };
const LABEL: Readonly<Record<SzScalarType, string>> = { float32: 'float', float64: 'double' };

export function parseSzArgs(argv: readonly string[]): SzToolOptions {
  const options: SzToolOptions = { quiet: false, stats: false };
  const args = new ToolArgs(argv);
  for (let option = args.option(); option !== undefined; option = args.option()) {
    switch (option) {
      case '-1':
      case '-2':
      case '-3': {
        options.shape = args.extents(option).map((text) => {
          if (!/^\d+$/.test(text) || Number(text) === 0) throw new ToolUsageError(`option ${option} expects positive integers, got "${text}"`);
          return Number(text);
        });
        break;
      }
      case '-a':
        options.config = { mode: 'abs', tolerance: parseReal(args.take(option, 'an absolute bound'), option) };
        break;
      case '-R':
        options.config = { mode: 'rel', ratio: parseReal(args.take(option, 'a relative bound'), option) };
        break;
      case '-d':
        options.type = 'float64';
        break;
      case '-f':
        options.type = 'float32';
        break;
      case '-i':
        options.inPath = args.take(option, 'a path');
        break;
      case '-o':
        options.outPath = args.take(option, 'a path');
        break;
      case '-z':
        options.szPath = args.take(option, 'a path');
        break;
      case '-q':
        options.quiet = true;
        break;
      case '-s':
        options.stats = true;
        break;
      default:
        throw new ToolUsageError(`unknown option "${option}"`);
    }
  }
  return options;
}

function validate(options: SzToolOptions): void {
  const { inPath, szPath, outPath } = options;
  if (inPath === undefined && szPath === undefined) throw new ToolUsageError('nothing to read: give -i <raw file> or -z <compressed file>');
  if (inPath !== undefined) {
    if (options.type === undefined) throw new ToolUsageError('compressing needs the scalar type (-f or -d)');
    if (options.shape === undefined) throw new ToolUsageError('compressing needs the array sizes (-1, -2 or -3)');
    if (options.config === undefined) throw new ToolUsageError('compressing needs an error bound (-a or -R)');
    if (szPath === '-' && outPath === '-') throw new ToolUsageError('-z - and -o - cannot both write to stdout');
  } else if (options.type !== undefined || options.shape !== undefined || options.config !== undefined) {
    throw new ToolUsageError('the stream gives the type, sizes and bound; do not pass them when decompressing');
  }
  if (options.stats && inPath === undefined) throw new ToolUsageError('-s compares against the raw input, so it needs -i');
}

function codecFailure(step: string, error: unknown): ToolUsageError {
  if (!(error instanceof SzError)) throw error;
  const cause = error instanceof SzParameterError ? 'invalid compression parameters' : error instanceof SzFormatError ? 'bad compressed stream' : 'unsupported data';
  return new ToolUsageError(`${step} failed (${cause}): ${error.message}`);
}

function execute(options: SzToolOptions, io: ToolIO): void {
  validate(options);
  const { inPath, szPath, outPath } = options;
  let input: Float32Array | Float64Array | undefined;
  let stream: Uint8Array;
  if (inPath !== undefined) {
    const type = options.type!;
    const shape = options.shape!;
    const count = shape.reduce((a, b) => a * b, 1);
    if (count > MAX_VALUES) throw new ToolUsageError(`compression failed (invalid compression parameters): more than ${MAX_VALUES} values`);
    const size = count * WIDTH[type];
    const raw = readPath(io, inPath, 'raw input', size);
    if (raw.length < size) throw new ToolUsageError(`raw input holds ${raw.length} bytes, but ${shape.join('x')} ${LABEL[type]} values need ${size}`);
    const buffer = new Uint8Array(raw.subarray(0, size)).buffer; // a copy: aligned, and not a pooled Buffer
    input = type === 'float32' ? new Float32Array(buffer) : new Float64Array(buffer);
    try {
      stream = compress({ type, shape, data: input }, options.config!);
    } catch (error) {
      throw codecFailure('compression', error);
    }
    if (szPath !== undefined) writePath(io, szPath, stream, 'compressed output');
  } else {
    // The stream's own checks bound decoding; the largest stream read is what MAX_VALUES float64 values could need.
    stream = readPath(io, szPath!, 'compressed input', 16 * MAX_VALUES);
  }
  let decoded;
  try {
    decoded = decompress(stream);
  } catch (error) {
    throw codecFailure('decompression', error);
  }
  if (outPath !== undefined) writePath(io, outPath, toBytes(decoded.data), 'decompressed output');
  if (!options.quiet) {
    const [nx = 1, ny = 1, nz = 1] = decoded.shape;
    const count = nx * ny * nz;
    const raw = count * WIDTH[decoded.type];
    let line = `type=${LABEL[decoded.type]} nx=${nx} ny=${ny} nz=${nz} bound=${formatG(decoded.header.bound, 6)}`;
    line += ` raw=${raw} sz=${stream.length} ratio=${formatG(raw / stream.length, 3)} rate=${formatG((8 * stream.length) / count, 4)}`;
    if (options.stats) line += errorStats(decoded.type, input!, decoded.data);
    io.writeStderr(`${line}\n`);
  }
}

/** Runs the tool on `argv` (the arguments after `sz`); returns the exit status. */
export function runSzTool(argv: readonly string[], io: ToolIO = nodeIO): number {
  return runTool('sz', USAGE, ['--help', '-h'], argv, io, () => execute(parseSzArgs(argv), io));
}
