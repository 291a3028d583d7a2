/**
 * `zfpwb zfp` against LLNL zfp's tool: for the same command line both must write the same files,
 * the same stdout and the same stderr summary line (stats included), and exit alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZfpTool, type ToolIO } from '../../src/cli/zfp-tool.ts';
import type { ScalarType } from '../../src/zfp/types.ts';
import { makeField, rawBytes, type FieldKind } from '../interop/fields.ts';
import { requireZfpTool, ZFP_BIN } from '../interop/zfp-tool.ts';
import { zfpwb } from './zfpwb.ts';

interface Result {
  readonly status: number;
  readonly stdout: Uint8Array;
  readonly stderr: string;
}

/** Raw inputs shared by both tools; `{name}` in an argument stands for its path. */
const INPUTS: Record<string, { type: ScalarType; shape: number[]; kind: FieldKind }> = {
  d2: { type: 'float64', shape: [37, 21], kind: 'smooth' },
  f3: { type: 'float32', shape: [9, 7, 5], kind: 'random' },
  i1: { type: 'int32', shape: [100], kind: 'smooth' },
  l4: { type: 'int64', shape: [3, 5, 2, 3], kind: 'wide' },
  c1: { type: 'float64', shape: [10], kind: 'constant' },
};

let root = '';

/** Runs one tool in its own output directory; `{out}/x` names a file that tool writes. */
function runTool(tool: 'zfp' | 'ours', args: readonly string[], stdin: Uint8Array = new Uint8Array()): Result {
  const out = join(root, tool);
  const resolved = args.map((a) => a.replace('{out}', out).replace(/^\{(\w+)\}$/, (_, name: string) => join(root, `${name}.raw`)));
  if (tool === 'zfp') {
    const run = spawnSync(ZFP_BIN, resolved, { input: stdin });
    return { status: run.status ?? -1, stdout: new Uint8Array(run.stdout), stderr: run.stderr.toString() };
  }
  const chunks: Uint8Array[] = [];
  let stderr = '';
  const io: ToolIO = {
    readStdin: () => stdin,
    writeStdout: (bytes) => void chunks.push(bytes.slice()),
    readFile: (path) => readFileSync(path),
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    writeStderr: (text) => void (stderr += text),
  };
  const status = runZfpTool(resolved, io);
  return { status, stdout: Buffer.concat(chunks), stderr };
}

function fileOf(tool: 'zfp' | 'ours', name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(root, tool, name)));
}

beforeAll(() => {
  requireZfpTool();
  root = mkdtempSync(join(tmpdir(), 'zfpwb-cli-'));
  mkdirSync(join(root, 'zfp'));
  mkdirSync(join(root, 'ours'));
  Object.entries(INPUTS).forEach(([name, { type, shape, kind }], i) => {
    writeFileSync(join(root, `${name}.raw`), rawBytes(makeField(type, shape, kind, 77 + i)));
  });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Same exit status, stdout, stderr, and the same bytes in every file listed in `files`. */
function expectSameBehaviour(args: readonly string[], files: readonly string[] = [], stdin?: Uint8Array): Result {
  const zfp = runTool('zfp', args, stdin);
  const ours = runTool('ours', args, stdin);
  expect(ours.stderr, 'stderr').toBe(zfp.stderr);
  expect(ours.status, 'exit status').toBe(zfp.status);
  expect(Buffer.from(ours.stdout).equals(zfp.stdout), 'stdout bytes').toBe(true);
  for (const file of files) expect(Buffer.from(fileOf('ours', file)).equals(fileOf('zfp', file)), `file ${file}`).toBe(true);
  return ours;
}

describe('zfpwb zfp matches zfp', () => {
  const invocations: [string, string[], string[]][] = [
    ['compress 2D doubles, fixed precision', ['-d', '-2', '37', '21', '-p', '16', '-i', '{d2}', '-z', '{out}/a.zfp'], ['a.zfp']],
    ['round trip with stats, fixed rate', ['-d', '-2', '37', '21', '-r', '8', '-i', '{d2}', '-o', '{out}/b.raw', '-s'], ['b.raw']],
    ['floats with header, accuracy, all outputs', ['-h', '-f', '-3', '9', '7', '5', '-a', '1e-3', '-i', '{f3}', '-z', '{out}/c.zfp', '-o', '{out}/c.raw', '-s'], ['c.zfp', 'c.raw']],
    ['int32 reversible stats (infinite psnr)', ['-t', 'i32', '-1', '100', '-R', '-i', '{i1}', '-s'], []],
    ['constant field stats (0/0 figures)', ['-d', '-1', '10', '-R', '-i', '{c1}', '-s'], []],
    ['int64 4D fixed precision', ['-t', 'i64', '-4', '3', '5', '2', '3', '-p', '40', '-i', '{l4}', '-o', '{out}/d.raw', '-s'], ['d.raw']],
    ['expert mode with substitutions', ['-d', '-2', '37', '21', '-c', '64', '64', '0', '-1074', '-i', '{d2}', '-z', '{out}/e.zfp', '-s'], ['e.zfp']],
    ['expert mode, minbits > 0', ['-f', '-3', '9', '7', '5', '-c', '200', '900', '18', '-20', '-i', '{f3}', '-z', '{out}/f.zfp'], ['f.zfp']],
    ['quiet mode', ['-q', '-d', '-2', '37', '21', '-p', '20', '-i', '{d2}', '-z', '{out}/g.zfp'], ['g.zfp']],
    ['compress only to memory', ['-t', 'f64', '-2', '37', '21', '-r', '3.5', '-i', '{d2}'], []],
    ['later options override earlier ones', ['-f', '-d', '-1', '5', '-2', '37', '21', '-r', '4', '-p', '12', '-i', '{d2}', '-s'], []],
    ['compressed stream to stdout', ['-d', '-2', '37', '21', '-p', '16', '-i', '{d2}', '-z', '-'], []],
    ['raw bytes to stdout', ['-f', '-3', '9', '7', '5', '-r', '12', '-i', '{f3}', '-o', '-'], []],
  ];
  it.each(invocations)('%s', (_name, args, files) => {
    expectSameBehaviour(args, files);
  });

  it('reads raw input from stdin and writes the round trip to stdout', () => {
    const raw = readFileSync(join(root, 'd2.raw'));
    expectSameBehaviour(['-d', '-2', '37', '21', '-p', '24', '-i', '-', '-z', '{out}/s.zfp', '-o', '-', '-s'], ['s.zfp'], raw);
  });

  it('decompresses a stream from stdin', () => {
    runTool('zfp', ['-h', '-d', '-2', '37', '21', '-a', '1e-4', '-i', '{d2}', '-z', '{out}/h.zfp']);
    const stream = fileOf('zfp', 'h.zfp');
    expectSameBehaviour(['-h', '-z', '-', '-o', '-'], [], stream);
  });
});

describe('header round trips across the two tools', () => {
  const modes = [['-p', '20'], ['-r', '6'], ['-a', '1e-5'], ['-R'], ['-c', '50', '700', '30', '-40']];
  for (const producer of ['zfp', 'ours'] as const) {
    it.each(modes.map((m) => [m.join(' '), m] as const))(`stream written by ${producer} with -h %s decompresses alike in both`, (_label, mode) => {
      const compressed = runTool(producer, ['-h', '-f', '-3', '9', '7', '5', ...mode, '-i', '{f3}', '-z', '{out}/x.zfp']);
      expect(compressed.status, compressed.stderr).toBe(0);
      expectSameBehaviour(['-h', '-z', join(root, producer, 'x.zfp'), '-o', '{out}/x.raw'], ['x.raw']);
    });
  }
});

describe('bad usage', () => {
  const cases: [string, string[]][] = [
    ['no arguments', []],
    ['no input file', ['-d', '-2', '3', '3', '-p', '8']],
    ['no scalar type', ['-2', '37', '21', '-p', '8', '-i', '{d2}']],
    ['no sizes', ['-d', '-p', '8', '-i', '{d2}']],
    ['no mode', ['-d', '-2', '37', '21', '-i', '{d2}']],
    ['stats without raw input', ['-d', '-2', '37', '21', '-p', '8', '-z', '{d2}', '-s']],
    ['header and metadata when decompressing', ['-h', '-d', '-z', '{d2}']],
    ['zero size', ['-d', '-2', '0', '21', '-p', '8', '-i', '{d2}']],
    ['minbits above maxbits', ['-d', '-2', '37', '21', '-c', '10', '5', '0', '0', '-i', '{d2}']],
    ['unknown option', ['-d', '-2', '37', '21', '-p', '8', '-i', '{d2}', '-y']],
    ['missing option value', ['-d', '-2', '37']],
    ['non-numeric rate', ['-d', '-2', '37', '21', '-r', 'fast', '-i', '{d2}']],
    ['missing input file', ['-d', '-2', '37', '21', '-p', '8', '-i', '/nonexistent/in.raw']],
    ['compressed and raw output both to stdout', ['-d', '-2', '37', '21', '-p', '8', '-i', '{d2}', '-z', '-', '-o', '-']],
    ['input file too short', ['-d', '-2', '370', '21', '-p', '8', '-i', '{d2}']],
  ];
  it.each(cases)('%s', (_name, args) => {
    const zfp = runTool('zfp', args);
    const ours = runTool('ours', args);
    expect(zfp.status).toBe(1);
    expect(ours.status).toBe(1);
    if (args.length > 0) expect(ours.stderr).toMatch(/^zfpwb zfp: [^\n]+\n$/);
  });
});

describe('zfpwb zfp as a command', () => {
  it('passes zfp options through commander unchanged', () => {
    const args = ['-d', '-2', '37', '21', '-p', '16', '-i', join(root, 'd2.raw'), '-z', join(root, 'ours', 'bin.zfp')];
    const ours = zfpwb(['zfp', ...args]);
    const zfp = spawnSync(ZFP_BIN, [...args.slice(0, -1), join(root, 'zfp', 'bin.zfp')], { encoding: 'utf8' });
    expect(ours.err).toBe(zfp.stderr);
    expect(ours.code).toBe(0);
    expect(Buffer.from(fileOf('ours', 'bin.zfp')).equals(fileOf('zfp', 'bin.zfp'))).toBe(true);
  });

  it('exits with status 1 on bad usage, as zfp does', () => {
    const ours = zfpwb(['zfp', '-d']);
    expect(ours.code).toBe(1);
    expect(ours.err).toMatch(/^zfpwb zfp: .+\n$/);
  });

  it('prints its usage for --help (exit 0) while -h stays the header flag', () => {
    const help = zfpwb(['zfp', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: zfpwb zfp \[-h\]/);
    expect(help.out).toMatch(/-h: zfp header in the stream/);
    const header = join(root, 'ours', 'header.zfp');
    expect(zfpwb(['zfp', '-h', '-d', '-2', '37', '21', '-p', '16', '-i', join(root, 'd2.raw'), '-z', header, '-q']).code).toBe(0);
    expect(Buffer.from(readFileSync(header).subarray(0, 3)).toString('latin1')).toBe('zfp');
  });
});
