/**
 * Outputs replace their target whole or not at all: under a file-size limit or on a full filesystem
 * the old file stays byte for byte and no partial or temporary file is left beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWritableDirectory, OutputPathError, writeFileAtomic } from '../../src/cli/atomic-file.ts';

const BIN = new URL('../../bin/zfpwb.js', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'zfpwb-atomic-'));
afterAll(() => {
  spawnSync('umount', [join(root, 'small')]);
  rmSync(root, { recursive: true, force: true });
});

/** Deterministic bytes that do not compress: old contents to protect, raw fields to compress. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    out[i] = a >>> 24;
  }
  return out;
}

/** Finite doubles (random bits would include NaNs): `count` of them as raw bytes. */
function rawDoubles(count: number): Uint8Array {
  const bits = noise(count * 8, 7);
  const values = new Float64Array(count).map((_, i) => (bits[i]! - 128) * 1e-3 + bits[i + count]! * 7.5);
  return new Uint8Array(values.buffer);
}

/** Runs zfpwb under a shell limit; tsx's compile cache is off so that only our own output meets the limit. */
function zfpwbUnder(limit: string, args: readonly string[]) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  return spawnSync('bash', ['-c', `${limit}; exec ${quoted}`], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, TSX_DISABLE_CACHE: '1' } });
}

describe('writeFileAtomic', () => {
  it('replaces a file and leaves nothing else in its directory', () => {
    const dir = join(root, 'plain');
    mkdirSync(dir);
    const target = join(dir, 'out.bin');
    writeFileSync(target, 'old');
    writeFileAtomic(target, 'new contents');
    expect(readFileSync(target, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it('refuses with a typed error, old file intact, when the directory does not exist', () => {
    expect(() => writeFileAtomic(join(root, 'missing', 'x.json'), '{}')).toThrow(OutputPathError);
  });

  it('checks a directory is creatable and writable without looping on /proc', () => {
    expect(() => ensureWritableDirectory('/proc/x/y')).toThrow(OutputPathError);
    expect(() => ensureWritableDirectory(join(root, 'plain', 'out.bin', 'sub'))).toThrow(/not a directory/);
    ensureWritableDirectory(join(root, 'made', 'deep'));
    expect(readdirSync(join(root, 'made', 'deep'))).toEqual([]);
  });
});

describe('zfpwb zfp -z over an existing file', () => {
  it('under a 1 KiB file-size limit (ulimit -f 1) fails and keeps the old file byte for byte', () => {
    const dir = join(root, 'limited');
    mkdirSync(dir);
    const old = noise(5000, 1);
    writeFileSync(join(dir, 'out.zfp'), old);
    writeFileSync(join(dir, 'f.raw'), rawDoubles(32 * 32));
    const r = zfpwbUnder('ulimit -f 1', ['zfp', '-d', '-2', '32', '32', '-p', '40', '-i', join(dir, 'f.raw'), '-z', join(dir, 'out.zfp')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/cannot write .*out\.zfp/);
    expect(readFileSync(join(dir, 'out.zfp'))).toEqual(Buffer.from(old));
    expect(readdirSync(dir).sort()).toEqual(['f.raw', 'out.zfp']);
  });

  // Mounting needs root (CI runs as root); elsewhere this case cannot build its small filesystem.
  const small = join(root, 'small');
  mkdirSync(small);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]).status === 0;
  it.skipIf(!mounted)('on a full 64 KiB tmpfs fails and keeps the old file byte for byte (skipped unless tmpfs can be mounted, i.e. as root)', () => {
    const old = noise(30_000, 2);
    writeFileSync(join(small, 'out.zfp'), old);
    const raw = join(root, 'big.raw');
    writeFileSync(raw, rawDoubles(64 * 64 * 4));
    const r = zfpwbUnder('true', ['zfp', '-d', '-3', '64', '64', '4', '-R', '-i', raw, '-z', join(small, 'out.zfp')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/cannot write .*out\.zfp: .*ENOSPC/);
    expect(readFileSync(join(small, 'out.zfp'))).toEqual(Buffer.from(old));
    expect(readdirSync(small)).toEqual(['out.zfp']);
  });
});
