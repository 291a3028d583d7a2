/** What the benchmarks share: the field they time and how they time it. */
import { spawnSync } from 'node:child_process';

/** A smooth float64 field (sums of low-frequency waves), like simulation output; shape fastest axis first. */
export function smoothField(shape: readonly number[]): Float64Array {
  const [nx = 1, ny = 1, nz = 1] = shape;
  const data = new Float64Array(nx * ny * nz);
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) data[i] = Math.sin(0.05 * x) * Math.cos(0.07 * y) + 0.5 * Math.sin(0.03 * (x + y + z)) + 0.01 * z;
  return data;
}

/** A command-line count: `arg`, or `fallback` when it is absent; anything but a positive integer is refused. */
export function positiveInteger(arg: string | undefined, fallback: number, what: string): number {
  const value = Number(arg ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer, got "${arg}"`);
  return value;
}

/** Best wall time of `reps` runs after one warm-up, in seconds; `setup` runs untimed before each run. */
export function bestSeconds(reps: number, run: () => void, setup?: () => void): number {
  setup?.();
  run();
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    setup?.();
    const start = performance.now();
    run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

/**
 * Best process CPU time of `reps` runs after one warm-up, in seconds; `setup` runs untimed before
 * each run. On a machine shared with other work, wall time counts the waits for a core; CPU time
 * of single-threaded code does not.
 */
export function bestCpuSeconds(reps: number, run: () => void, setup?: () => void): number {
  setup?.();
  run();
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    setup?.();
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

/**
 * Run `script` with `args` in `processes` fresh Node processes (this one's flags kept) and parse
 * the JSON each prints. Where V8 places a process's machine code moves branchy loops by ±15%
 * from one process to the next; timing in several and keeping the best takes a fair draw.
 */
export function inFreshProcesses<T>(script: string, args: readonly string[], processes: number): T[] {
  const results: T[] = [];
  for (let i = 0; i < processes; i++) {
    const run = spawnSync(process.execPath, [...process.execArgv, script, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr.trim()}`);
    results.push(JSON.parse(run.stdout) as T);
  }
  return results;
}
