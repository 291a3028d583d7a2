/** Where sweep tasks run: on worker threads (one configuration per task) or inline on this thread. */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runTask, type Task, type TaskResult } from './sweep-task.ts';
import { taskCost } from './task-cost.ts';
import { thin } from '../src/analysis/evaluate.ts';

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
 * start early and the short ones fill the end, with no core idle behind one long last run. A run
 * asked for again while the first request still waits (representations repeats the diffusion2d and
 * advection2d sweeps' settings) runs once for both (`sharedRun`).
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
      const { task, consumers } = waiting.splice(costliest(waiting), 1)[0]!;
      running++;
      const shared = sharedRun(task, consumers);
      piscina
        .run(shared.task)
        .then((result) => consumers.forEach((consumer, i) => consumer.resolve(shared.answer(result, i))), (error: unknown) => consumers.forEach((consumer) => consumer.reject(error)))
        .finally(() => {
          running--;
          dispatch();
        });
    }
  };
  return {
    run: (task) =>
      new Promise((resolve, reject) => {
        const key = runKey(task);
        const same = waiting.find((w) => w.key === key);
        if (same) same.consumers.push({ task, resolve, reject });
        else waiting.push({ task, key, cost: taskCost(task), consumers: [{ task, resolve, reject }] });
        // Sweeps submit all their tasks in one go: choose once they are all here.
        if (waiting.length === 1 && !same) queueMicrotask(dispatch);
      }),
    close: () => {
      for (const w of waiting.splice(0)) for (const consumer of w.consumers) consumer.reject(new Error('the pool closed before this task started'));
      return piscina.destroy();
    },
  };
}

interface Consumer {
  readonly task: Task;
  readonly resolve: (result: TaskResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Waiting {
  readonly task: Task;
  /** Tasks with equal keys give the same run, up to the steps they keep. */
  readonly key: string;
  readonly cost: number;
  readonly consumers: Consumer[];
}

/** The first of the costliest, so equal costs keep their submission order. */
function costliest(waiting: readonly Waiting[]): number {
  let best = 0;
  for (let i = 1; i < waiting.length; i++) if (waiting[i]!.cost > waiting[best]!.cost) best = i;
  return best;
}

/** Everything a run depends on: the task without the number of steps its record keeps. */
function runKey(task: Task): string {
  return JSON.stringify(task.type === 'simulation' ? { ...task, maxRecorded: null } : task);
}

/**
 * One run for several consumers: it keeps every step, and each consumer's record is thinned to its
 * own maxRecorded, as its own run would have thinned the same steps (a summary uses every step
 * either way). A single consumer's task runs as it is.
 */
function sharedRun(task: Task, consumers: readonly Consumer[]): { task: Task; answer: (result: TaskResult, consumer: number) => TaskResult } {
  if (consumers.length === 1 || task.type !== 'simulation') return { task, answer: (result) => result };
  return {
    task: { ...task, maxRecorded: Infinity },
    answer: (result, i) => {
      const wanted = consumers[i]!.task;
      if (result.type !== 'simulation' || wanted.type !== 'simulation') return result;
      return { type: 'simulation', run: { ...result.run, steps: thin(result.run.steps, wanted.maxRecorded) } };
    },
  };
}
