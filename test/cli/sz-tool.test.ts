/** `zfpwb sz`: compress raw files within the bound, decompress from the stream alone, one-line errors with exit status 1. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSzArgs, runSzTool } from '../../src/cli/sz-tool.ts';
import type { ToolIO } from '../../src/cli/zfp-tool.ts';
import { zfpwb } from './zfpwb.ts';

/** An in-memory file system, so the tool's i/o combinations run without spawning. */
function memoryIO(files: Map<string, Uint8Array>): ToolIO & { stderr: string[] } {
  const stderr: string[] = [];
  return {
    stderr,
    readStdin: () => new Uint8Array(0),
    writeStdout: () => {},
    readFile: (path, max) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error('no such file');
      return bytes.subarray(0, max);
    },
    writeFile: (path, bytes) => void files.set(path, bytes.slice()),
    writeStderr: (text) => void stderr.push(text),
  };
}

const nx = 40;
const ny = 30;
const field = Float64Array.from({ length: nx * ny }, (_, i) => Math.sin((i % nx) / 5) * Math.exp(-Math.floor(i / nx) / 20));

describe('zfpwb sz', () => {
  it('compresses within the absolute bound and decompresses from the stream alone', () => {
    const files = new Map([['in.raw', new Uint8Array(field.buffer)]]);
    const io = memoryIO(files);
    expect(runSzTool(['-d', '-2', `${nx}`, `${ny}`, '-a', '1e-4', '-i', 'in.raw', '-z', 'out.sz', '-s'], io)).toBe(0);
    expect(io.stderr[0]).toMatch(/^type=double nx=40 ny=30 nz=1 bound=0\.0001 raw=9600 sz=\d+ ratio=[\d.]+ rate=[\d.]+ rmse=.* maxe=/);
    const maxe = Number(/maxe=(\S+)/.exec(io.stderr[0]!)![1]);
    expect(maxe).toBeLessThanOrEqual(1e-4);
    expect(runSzTool(['-z', 'out.sz', '-o', 'back.raw', '-q'], io)).toBe(0);
    const back = new Float64Array(new Uint8Array(files.get('back.raw')!).buffer);
    expect(back.length).toBe(field.length);
    expect(back.every((v, i) => Math.abs(v - field[i]!) <= 1e-4)).toBe(true);
  });

  it('resolves -R against the value range, for float32', () => {
    const f32 = Float32Array.from(field);
    const files = new Map([['in.raw', new Uint8Array(f32.buffer)]]);
    const io = memoryIO(files);
    expect(runSzTool(['-f', '-1', `${f32.length}`, '-R', '1e-3', '-i', 'in.raw', '-o', 'back.raw'], io)).toBe(0);
    const back = new Float32Array(new Uint8Array(files.get('back.raw')!).buffer);
    let min = Infinity;
    let max = -Infinity;
    for (const v of f32) [min, max] = [Math.min(min, v), Math.max(max, v)];
    expect(back.every((v, i) => Math.abs(v - f32[i]!) <= 1e-3 * (max - min))).toBe(true);
  });

  it('reports bad input in one line with exit status 1', () => {
    const files = new Map([['in.raw', new Uint8Array(16)], ['junk.sz', Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9])]]);
    const cases: [string[], RegExp][] = [
      [['-d', '-1', '2', '-i', 'in.raw'], /needs an error bound/],
      [['-d', '-1', '4', '-a', '1', '-i', 'in.raw'], /raw input holds 16 bytes/],
      [['-d', '-1', '2', '-a', '-1', '-i', 'in.raw'], /invalid compression parameters/],
      [['-z', 'junk.sz'], /bad compressed stream/],
      [['-z', 'junk.sz', '-d'], /do not pass them when decompressing/],
      [['-x'], /unknown option "-x"/],
      [['-1', '0'], /positive integers/],
    ];
    for (const [args, message] of cases) {
      const io = memoryIO(files);
      expect(runSzTool(args, io), args.join(' ')).toBe(1);
      expect(io.stderr.join('')).toMatch(message);
      expect(io.stderr.join('').trim().split('\n')).toHaveLength(1);
    }
    expect(parseSzArgs(['-a', '1', '-R', '0.1']).config).toEqual({ mode: 'rel', ratio: 0.1 });
  });

  it('runs as a zfpwb command and writes its files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfpwb-sz-'));
    writeFileSync(join(dir, 'in.raw'), new Uint8Array(field.buffer));
    const c = zfpwb(['sz', '-d', '-2', `${nx}`, `${ny}`, '-a', '1e-3', '-i', join(dir, 'in.raw'), '-z', join(dir, 'out.sz')]);
    expect(c.code).toBe(0);
    const d = zfpwb(['sz', '-z', join(dir, 'out.sz'), '-o', join(dir, 'back.raw')]);
    expect(d.code).toBe(0);
    expect(d.err).toMatch(/^type=double nx=40 ny=30/);
    const back = new Float64Array(new Uint8Array(readFileSync(join(dir, 'back.raw'))).buffer);
    expect(back.every((v, i) => Math.abs(v - field[i]!) <= 1e-3)).toBe(true);
    expect(zfpwb(['sz', '--help']).out).toMatch(/^usage: zfpwb sz/);
  });

  it('validate --mode sz-abs / sz-rel exits 0: the bound holds at every step', () => {
    for (const [mode, param] of [['sz-abs', '1e-3'], ['sz-abs', '1e-8'], ['sz-rel', '1e-5']] as const) {
      const r = zfpwb(['validate', '--solver', 'advection1d', '--mode', mode, '--param', param, '--steps', '30']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/bound \(data\) held at all 31 steps/);
    }
    expect(zfpwb(['validate', '--solver', 'advection1d', '--mode', 'sz-abs', '--param', '-1']).code).toBe(2);
  });
});
