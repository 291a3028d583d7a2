/**
 * Start-up cost as a user pays it: whole Node processes, best of `reps`, for `zfpwb --help`,
 * `zfpwb zfp` compressing a 64×64 float64 field, and `import('zfp-workbench/zfp')`.
 *
 *   npx tsx bench/startup.ts [reps] [root]     (default 5 and this checkout; build it first)
 *
 * `root` may be another checkout of the package, to compare against an older commit; when its
 * `bin/zfpwb.js` needs a TypeScript loader, the import line runs with `--import tsx` (and says so).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { positiveInteger, smoothField } from './measure.ts';

const reps = positiveInteger(process.argv[2], 5, 'reps');
const root = resolve(process.argv[3] ?? join(import.meta.dirname, '..'));
const bin = join(root, 'bin/zfpwb.js');
const compiled = !readFileSync(bin, 'utf8').includes('tsx');
if (compiled && !existsSync(join(root, 'dist'))) throw new Error(`${root} has no dist/: run npm run build there first`);

const dir = mkdtempSync(join(tmpdir(), 'zfpwb-startup-'));
const field = join(dir, 'field.raw');
writeFileSync(field, smoothField([64, 64]));

interface Case {
  readonly name: string;
  readonly args: readonly string[];
}

const importFlags = compiled ? [] : ['--import', 'tsx'];
const cases: Case[] = [
  { name: 'zfpwb --help', args: [bin, '--help'] },
  { name: 'zfpwb zfp (64×64 float64, -p 16)', args: [bin, 'zfp', '-d', '-2', '64', '64', '-p', '16', '-i', field, '-z', join(dir, 'out.zfp')] },
  { name: `import('zfp-workbench/zfp')${compiled ? '' : ' (--import tsx)'}`, args: [...importFlags, '--input-type=module', '-e', "await import('zfp-workbench/zfp')"] },
];

/** Wall seconds of one process; a failed run is an error, not a figure. */
function secondsOf(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return seconds;
}

// Rounds alternate the cases so a burst of load elsewhere on the machine touches all of them alike.
const best = cases.map(() => Infinity);
for (let round = 0; round < reps; round++) cases.forEach((c, i) => (best[i] = Math.min(best[i]!, secondsOf(c.args))));
const nodeAlone = Math.min(...Array.from({ length: reps }, () => secondsOf(['-e', '0'])));
rmSync(dir, { recursive: true, force: true });

console.log(`start-up of ${root}, best of ${reps} whole processes (node -e 0 alone: ${(nodeAlone * 1000).toFixed(0)} ms)`);
for (const [i, c] of cases.entries()) console.log(`  ${c.name.padEnd(44)} ${(best[i]! * 1000).toFixed(0).padStart(6)} ms`);
