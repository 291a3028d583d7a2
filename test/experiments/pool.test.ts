/** The worker pool from the TypeScript sources: its worker thread registers tsx and gives what the inline pool gives. */
import { describe, expect, it } from 'vitest';
import { inlinePool, workerPool } from '../../experiments/pool.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import type { SimulationTask } from '../../experiments/sweep-task.ts';

describe('workerPool', () => {
  it('runs a task on a worker thread with the same result as inline', async () => {
    const task: SimulationTask = { type: 'simulation', problem: 'advection1d', params: solverParams('advection1d', true, { steps: 10 }), spec: { mode: 'precision', precision: 20 }, maxRecorded: 100 };
    const pool = workerPool(1);
    try {
      expect(await pool.run(task)).toEqual(await inlinePool.run(task));
    } finally {
      await pool.close();
    }
  });
});
