/** Where sweep tasks run: on worker threads (one configuration per task) or inline on this thread. */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runTask, type Task, type TaskResult } from './sweep-task.ts';

export interface TaskPool {
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Runs each task on the calling thread (tests, and single-configuration commands). */
export const inlinePool: TaskPool = {
  run: async (task) => runTask(task),
  close: async () => {},
};

/** Running from the TypeScript sources: the workers register tsx's loader, so they can import `.ts` modules too. */
export const WORKERS_IMPORT_TYPESCRIPT = import.meta.url.endsWith('.ts');

/** Compiled, the worker is JavaScript beside this file; from the sources it needs tsx's loader. */
const WORKER = WORKERS_IMPORT_TYPESCRIPT ? './task-worker-source.js' : './task-worker.js';

/** A piscina pool with one thread per core. */
export function workerPool(threads = availableParallelism()): TaskPool {
  const piscina = new Piscina<Task, TaskResult>({
    filename: new URL(WORKER, import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  return { run: (task) => piscina.run(task), close: () => piscina.destroy() };
}
