/** `zfpwb bench`: the benchmark scripts under bench/, each in its own process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { EXIT_FAILED_CHECK } from './errors.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Each takes the number of timed passes as its first argument. */
const SCRIPTS = ['bench/codec.ts', 'bench/array.ts', 'bench/solvers.ts'];

function bench(reps: string | undefined): void {
  for (const script of SCRIPTS) {
    console.log(`── ${script}`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...(reps ? [reps] : [])], { cwd: ROOT, stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = EXIT_FAILED_CHECK;
  }
}

export function addBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('run the benchmarks: codec, array and solvers, each next to libzfp where it applies')
    .argument('[reps]', 'timed passes per measurement')
    .action(bench);
}
