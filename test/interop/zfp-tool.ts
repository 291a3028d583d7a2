/** Runs LLNL zfp's command-line tool, many invocations per process spawn. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScalarType } from '../../src/zfp/types.ts';

export const ZFP_BIN = '/usr/bin/zfp';

/** The reference tool is a hard requirement: without it the interop tests fail rather than skip. */
export function requireZfpTool(): void {
  if (!existsSync(ZFP_BIN)) {
    throw new Error(`zfp's command-line tool is missing (${ZFP_BIN}); run scripts/setup.sh to install it`);
  }
}

const TYPE_FLAG: Readonly<Record<ScalarType, string>> = { int32: 'i32', int64: 'i64', float32: 'f32', float64: 'f64' };

/** zfp's -t and -1..-4 arguments for a field. */
export function fieldArgs(type: ScalarType, shape: readonly number[]): string[] {
  return ['-t', TYPE_FLAG[type], `-${shape.length}`, ...shape.map(String)];
}

export interface ZfpRun {
  readonly status: number;
  readonly stderr: string;
}

function quote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/**
 * Runs every argument list through zfp in one shell, so a few hundred invocations cost one
 * spawn from node; each run's exit status and stderr are kept apart in `dir`.
 */
export function runZfpBatch(runs: readonly (readonly string[])[], dir: string): ZfpRun[] {
  const script = runs
    .map((args, i) => `${quote(ZFP_BIN)} ${args.map(quote).join(' ')} 2> ${quote(join(dir, `stderr.${i}`))}; echo $? > ${quote(join(dir, `status.${i}`))}`)
    .join('\n');
  const scriptPath = join(dir, 'batch.sh');
  writeFileSync(scriptPath, `${script}\n`);
  const shell = spawnSync('sh', [scriptPath], { encoding: 'utf8' });
  if (shell.status !== 0) throw new Error(`zfp batch shell failed: ${shell.stderr}`);
  return runs.map((_, i) => ({
    status: Number(readFileSync(join(dir, `status.${i}`), 'utf8')),
    stderr: readFileSync(join(dir, `stderr.${i}`), 'utf8'),
  }));
}

/** Describes where two byte strings first differ, or undefined when they are equal. */
export function byteDifference(actual: Uint8Array, expected: Uint8Array): string | undefined {
  const n = Math.min(actual.length, expected.length);
  let i = 0;
  while (i < n && actual[i] === expected[i]) i++;
  if (i === n && actual.length === expected.length) return undefined;
  const at = i < n ? `first difference at byte ${i} (0x${actual[i]!.toString(16)} vs 0x${expected[i]!.toString(16)})` : `one is a prefix of the other`;
  return `${actual.length} vs ${expected.length} bytes; ${at}`;
}
