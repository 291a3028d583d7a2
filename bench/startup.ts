/**
 * Start-up cost as a user pays it: whole Node processes, best of `reps` (wall and CPU time), for `zfpwb --help`,
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

interface Cost {
  readonly wall: number;
  /** User + system CPU seconds, from /usr/bin/time: less disturbed than wall time by other load on the machine. */
  readonly cpu: number;
}

const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error(`${TIME} is missing (Debian package "time"): it measures each process's CPU time`);

/** Wall and CPU seconds of one process; a failed run is an error, not a figure. */
function costOf(args: readonly string[]): Cost {
  const start = performance.now();
  const r = spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [, user, system] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr)!;
  return { wall, cpu: Number(user) + Number(system) };
}

// Rounds alternate the cases so a burst of load elsewhere on the machine touches all of them alike.
const all = [...cases, { name: 'node -e 0 (Node alone)', args: ['-e', '0'] }];
const best = all.map(() => ({ wall: Infinity, cpu: Infinity }));
for (let round = 0; round < reps; round++) {
  all.forEach((c, i) => {
    const cost = costOf(c.args);
    best[i] = { wall: Math.min(best[i]!.wall, cost.wall), cpu: Math.min(best[i]!.cpu, cost.cpu) };
  });
}
rmSync(dir, { recursive: true, force: true });

const ms = (s: number) => (s * 1000).toFixed(0).padStart(6);
console.log(`start-up of ${root}, best of ${reps} whole processes (wall and CPU ms; "over node" subtracts Node's own start)`);
console.log(`  ${'command'.padEnd(44)}   wall    cpu  wall over node`);
for (const [i, c] of all.entries()) console.log(`  ${c.name.padEnd(44)} ${ms(best[i]!.wall)} ${ms(best[i]!.cpu)} ${ms(best[i]!.wall - best[all.length - 1]!.wall)}`);
