/** `zfpwb bench`: the benchmark scripts under bench/, each in its own process. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { CliUsageError, EXIT_FAILED_CHECK, guarded } from './errors.ts';

/** The checkout's root, from src/cli or from dist/src/cli. */
const ROOT = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../' : '../../../', import.meta.url));
/** Each takes the number of timed passes as its first argument. */
const SCRIPTS = ['bench/codec.ts', 'bench/sz.ts', 'bench/array.ts', 'bench/solvers.ts'];

function bench(reps: string | undefined): void {
  // The scripts are TypeScript run by tsx, a development tool: they are not in the npm package.
  if (!existsSync(`${ROOT}/bench`) || !existsSync(`${ROOT}/node_modules/tsx`)) throw new CliUsageError('needs a source checkout with its development tools (git clone, npm ci)');
  for (const script of SCRIPTS) {
    console.log(`── ${script}`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...(reps ? [reps] : [])], { cwd: ROOT, stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = EXIT_FAILED_CHECK;
  }
}

export function addBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('run the benchmarks: codec, SZ-style codec, array and solvers, each next to libzfp (or fpzip) where it applies')
    .argument('[reps]', "timed passes per measurement (default: each script's own)")
    .action(guarded('bench', bench));
}
