/** The worker pool from the TypeScript sources: its worker thread registers tsx and gives what the inline pool gives. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlinePool, workerPool } from '../../experiments/pool.ts';
import { taskCost } from '../../experiments/task-cost.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import type { SimulationTask } from '../../experiments/sweep-task.ts';
import { problemFromSource, type UserProblemSource } from '../../src/analysis/user-problem-source.ts';
import type { TaskResult } from '../../experiments/sweep-task.ts';

/** A task's result without the codec's time per step, the one figure two runs of the same task need not share. */
function untimed(result: TaskResult): TaskResult {
  if (result.type !== 'simulation') return result;
  const { codecMsPerStep: _, ...summary } = result.run.summary;
  return { ...result, run: { ...result.run, summary } };
}

describe('workerPool', () => {
  it('runs a task on a worker thread with the same result as inline', async () => {
    const task: SimulationTask = { type: 'simulation', problem: 'advection1d', params: solverParams('advection1d', true, { steps: 10 }), spec: { mode: 'precision', precision: 20 }, maxRecorded: 100 };
    const pool = workerPool(1);
    try {
      expect(untimed(await pool.run(task))).toEqual(untimed(await inlinePool.run(task)));
    } finally {
      await pool.close();
    }
  });
});

describe('workerPool order', () => {
  it('starts the costliest waiting task first, so a long run is never left for last', async () => {
    const task = (steps: number, spec: SimulationTask['spec']): SimulationTask => ({ type: 'simulation', problem: 'advection1d', params: solverParams('advection1d', true, { steps }), spec, maxRecorded: 100 });
    const submitted = [task(2, { mode: 'precision', precision: 20 }), task(6, { mode: 'precision', precision: 20 }), task(3, { mode: 'sz-abs', tolerance: 1e-6 }), task(4, { mode: 'rate', rate: 16 })];
    const pool = workerPool(1);
    const finished: number[] = [];
    try {
      // One thread runs one task at a time: the order they finish in is the order they started in.
      await Promise.all(submitted.map((t, i) => pool.run(t).then(() => finished.push(i))));
    } finally {
      await pool.close();
    }
    const byCost = submitted.map((t, i) => [taskCost(t), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
    expect(finished).toEqual(byCost);
    expect(finished).toEqual([2, 1, 3, 0]);
  });
});

describe('workerPool sharing', () => {
  it('runs a task asked for twice (up to the steps kept) once, and thins each record as its own run would', async () => {
    const task = (maxRecorded: number): SimulationTask => ({ type: 'simulation', problem: 'advection1d', params: solverParams('advection1d', true, { steps: 40 }), spec: { mode: 'rate', rate: 16 }, maxRecorded });
    const pool = workerPool(1);
    try {
      const [few, all] = await Promise.all([pool.run(task(9)), pool.run(task(1000))]);
      if (few.type !== 'simulation' || all.type !== 'simulation') throw new Error('simulation tasks answer with runs');
      // One run behind both: the worker's one summary object, cloned once.
      expect(few.run.summary).toBe(all.run.summary);
      expect(all.run.steps).toHaveLength(41);
      expect(few.run.steps.length).toBeLessThanOrEqual(9);
      expect(untimed(few)).toEqual(untimed(await inlinePool.run(task(9))));
      expect(untimed(all)).toEqual(untimed(await inlinePool.run(task(1000))));
    } finally {
      await pool.close();
    }
  });
});

describe('taskCost', () => {
  const simulation = (problem: SimulationTask['problem'], spec: SimulationTask['spec']): SimulationTask => ({ type: 'simulation', problem, params: solverParams(problem, false), spec, maxRecorded: 100 });
  it('ranks the full sweep\'s runs as they take: Jacobi\'s iterations first, an SZ-style store above a ZFP one, a decimal.js reference above a run', () => {
    const zfp = { mode: 'precision', precision: 24 } as const;
    expect(taskCost(simulation('poisson-jacobi', zfp))).toBeGreaterThan(taskCost(simulation('diffusion3d', { mode: 'sz-abs', tolerance: 1e-12 })));
    expect(taskCost(simulation('diffusion3d', { mode: 'sz-abs', tolerance: 1e-12 }))).toBeGreaterThan(taskCost(simulation('diffusion3d', zfp)));
    expect(taskCost(simulation('diffusion3d', zfp))).toBeGreaterThan(taskCost(simulation('diffusion2d', zfp)));
    const reference = { type: 'reference', problem: 'advection1d', params: solverParams('advection1d', false), reference: 'auto' } as const;
    expect(taskCost(reference)).toBeGreaterThan(taskCost(simulation('advection1d', { mode: 'sz-abs', tolerance: 1e-12 })));
  });
});

describe('workerPool with a user problem', () => {
  const examples = new URL('../../examples/problems/', import.meta.url);
  // The task carries the problem's source; the worker, whose registry starts empty, rebuilds it from that.
  const sources: readonly [string, UserProblemSource][] = [
    ['a problem file', { kind: 'file', document: { ...JSON.parse(readFileSync(new URL('heated-plate.json', examples), 'utf8')), steps: 12 }, set: { q: 2 }, files: {} }],
    ['a defineProblem module', { kind: 'module', url: new URL('burgers.ts', examples).href, steps: 12 }],
  ];
  for (const [what, source] of sources) {
    it(`rebuilds ${what} on the worker and gives what the inline pool gives`, async () => {
      const problem = await problemFromSource(source);
      const task: SimulationTask = { type: 'simulation', problem: problem.name, params: {}, spec: { mode: 'precision', precision: 22 }, maxRecorded: 100, userProblem: source };
      const pool = workerPool(1);
      try {
        const onWorker = await pool.run(task);
        const inline = await inlinePool.run(task);
        expect(untimed(onWorker)).toEqual(untimed(inline));
        expect(onWorker.type === 'simulation' && onWorker.run.steps.length).toBe(13);
      } finally {
        await pool.close();
      }
    });
  }
});
