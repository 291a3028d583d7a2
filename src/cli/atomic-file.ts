/**
 * Node-only: files replaced whole or not at all. The bytes go to a temporary file beside the target
 * (same directory, so the same filesystem and rename is atomic), are synced to disk, then renamed
 * over it. If anything fails — file-size limit, full disk, quota — the old file is left as it was
 * and the temporary one removed.
 */
import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliUsageError } from './errors.ts';

/** A target that cannot be written; the message names the path and the reason. */
export class OutputPathError extends CliUsageError {
  override name = 'OutputPathError';
}

let counter = 0;

function temporaryBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${counter++}.tmp`);
}

/** Replace `target` by `contents`, atomically. */
export function writeFileAtomic(target: string, contents: Uint8Array | string): void {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  const temporary = temporaryBeside(target);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o644);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw new OutputPathError(`cannot write ${target}: ${(error as Error).message}`);
  }
}

/**
 * Make `dir` (and its parents) and prove a file can be created in it, before any work whose results
 * would go there. Parents are made one at a time: Node's recursive mkdir loops on paths like /proc/x.
 */
export function ensureWritableDirectory(dir: string): void {
  try {
    makeDirectory(dir);
    accessSync(dir, constants.W_OK);
    const probe = temporaryBeside(join(dir, 'probe'));
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    throw new OutputPathError(`cannot write to directory ${dir}: ${(error as Error).message}`);
  }
}

function makeDirectory(dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
    throw new Error('exists and is not a directory');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  mkdirSync(dir);
}

/** Throw now, not after the work, if a file cannot be created at `target`. */
export function ensureWritableFile(target: string): void {
  ensureWritableDirectory(dirname(target));
}
