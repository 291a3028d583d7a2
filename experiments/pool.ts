/** Where sweep tasks run: on worker threads (one configuration per task) or inline on this thread. */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runTask, type Task, type TaskResult } from './sweep-task.ts';
import { taskCost } from './task-cost.ts';

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

/**
 * A piscina pool with one thread per core. Tasks wait here, not in piscina's first-come queue: a free
 * thread takes the costliest waiting task (`taskCost`), so whatever the sweeps submit, the long runs
 * start early and the short ones fill the end, with no core idle behind one long last run.
 */
export function workerPool(threads = availableParallelism()): TaskPool {
  const piscina = new Piscina<Task, TaskResult>({
    filename: new URL(WORKER, import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  const waiting: Waiting[] = [];
  let running = 0;
  const dispatch = (): void => {
    while (running < threads && waiting.length > 0) {
      const next = waiting.splice(costliest(waiting), 1)[0]!;
      running++;
      piscina
        .run(next.task)
        .then(next.resolve, next.reject)
        .finally(() => {
          running--;
          dispatch();
        });
    }
  };
  return {
    run: (task) =>
      new Promise((resolve, reject) => {
        waiting.push({ task, cost: taskCost(task), resolve, reject });
        // Sweeps submit all their tasks in one go: choose once they are all here.
        if (waiting.length === 1) queueMicrotask(dispatch);
      }),
    close: () => {
      for (const w of waiting.splice(0)) w.reject(new Error('the pool closed before this task started'));
      return piscina.destroy();
    },
  };
}

interface Waiting {
  readonly task: Task;
  readonly cost: number;
  readonly resolve: (result: TaskResult) => void;
  readonly reject: (error: unknown) => void;
}

/** The first of the costliest, so equal costs keep their submission order. */
function costliest(waiting: readonly Waiting[]): number {
  let best = 0;
  for (let i = 1; i < waiting.length; i++) if (waiting[i]!.cost > waiting[best]!.cost) best = i;
  return best;
}
