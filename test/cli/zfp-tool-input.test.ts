/** `zfpwb zfp` reads what the declared field needs and no more, as zfp does: endless or huge inputs end at once. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIO, runZfpTool, type ToolIO } from '../../src/cli/zfp-tool.ts';
import { ZFP_BIN } from '../interop/zfp-tool.ts';

const BIN = new URL('../../bin/zfpwb.js', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'zfpwb-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** nodeIO, recording how many bytes each read returned. */
function countingIO(): ToolIO & { read: number[]; stderr: string[] } {
  const read: number[] = [];
  const stderr: string[] = [];
  return {
    ...nodeIO,
    read,
    stderr,
    readFile: (path, maxBytes) => {
      const bytes = nodeIO.readFile(path, maxBytes);
      read.push(bytes.length);
      return bytes;
    },
    writeStderr: (text) => void stderr.push(text),
  };
}

describe('zfpwb zfp -i', () => {
  it('reads 128 bytes of /dev/zero for 16 doubles and writes what zfp writes (a margin only an endless read exceeds)', () => {
    const args = ['-d', '-1', '16', '-p', '20', '-i', '/dev/zero', '-z'];
    const ours = spawnSync(process.execPath, [BIN, 'zfp', ...args, join(root, 'ours.zfp')], { encoding: 'utf8', timeout: 100_000 });
    const zfp = spawnSync(ZFP_BIN, [...args, join(root, 'zfp.zfp')], { encoding: 'utf8', timeout: 100_000 });
    expect(ours.status).toBe(0);
    expect(zfp.status).toBe(0);
    expect(ours.stderr).toBe(zfp.stderr);
    expect(readFileSync(join(root, 'ours.zfp'))).toEqual(readFileSync(join(root, 'zfp.zfp')));
  });

  it('reads only the declared bytes of a 3 GiB raw file (longer input is ignored, as zfp does)', () => {
    const path = join(root, 'sparse.raw');
    closeSync(openSync(path, 'w'));
    spawnSync('truncate', ['-s', '3G', path]);
    const io = countingIO();
    expect(runZfpTool(['-d', '-2', '4', '4', '-r', '8', '-i', path, '-z', join(root, 'sparse.zfp')], io)).toBe(0);
    expect(io.read).toEqual([128]);
  });

  it('refuses a short raw input with exit 1, as zfp does', () => {
    const path = join(root, 'short.raw');
    writeFileSync(path, new Uint8Array(100));
    const io = countingIO();
    expect(runZfpTool(['-d', '-1', '16', '-p', '20', '-i', path, '-z', join(root, 'short.zfp')], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/raw input holds 100 bytes, but 16 double values need 128/);
    expect(spawnSync(ZFP_BIN, ['-d', '-1', '16', '-p', '20', '-i', path, '-z', join(root, 'short-zfp.zfp')]).status).toBe(1);
  });

  it('refuses a shape no field may have before reading anything', () => {
    const io = countingIO();
    expect(runZfpTool(['-d', '-2', '65536', '65536', '-r', '8', '-i', '/dev/zero', '-z', join(root, 'huge.zfp')], io)).toBe(1);
    expect(io.read).toEqual([]);
    expect(io.stderr.join('')).toMatch(/more than the 2147483647 a field may have/);
  });
});
