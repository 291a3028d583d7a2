/** The README's example commands for the zfp drop-in run as written, on the field examples/ provides. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zfpwb } from './zfpwb.ts';

const ROOT = join(import.meta.dirname, '../..');
const cwd = mkdtempSync(join(tmpdir(), 'zfpwb-readme-'));
symlinkSync(join(ROOT, 'examples'), join(cwd, 'examples'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** The README's `node examples/…` and `npx zfpwb zfp …` lines, comments dropped. */
const commands = readFileSync(join(ROOT, 'README.md'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line.startsWith('node examples/') || line.startsWith('npx zfpwb zfp '));

describe('README commands', () => {
  it('generate the example field, then compress it with zfpwb zfp', () => {
    expect(commands.map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual(['node examples/make-field.mjs', 'npx zfpwb zfp']);
    for (const command of commands) {
      const [program, ...args] = command.split(/\s+/);
      const code = program === 'node' ? spawnSync(process.execPath, args, { cwd }).status : zfpwb(args.slice(1), { cwd }).code;
      expect(code, command).toBe(0);
    }
    expect(existsSync(join(cwd, 'field.zfp'))).toBe(true);
    expect(readFileSync(join(cwd, 'field.zfp')).length).toBeLessThan(64 * 64 * 64 * 8);
  });
});
