/** A job in its own worker: events as they come, cancelled by terminating the worker (nothing of it runs on). */
import type { LabEvent, LabRequest } from './protocol.ts';

export type JobEnd = 'done' | 'failed' | 'cancelled';

export interface LabJob {
  cancel(): void;
  readonly ended: Promise<JobEnd>;
}

/** Events after which the worker has nothing more to say. */
const LAST: ReadonlySet<LabEvent['type']> = new Set(['results', 'chosen', 'families-chosen', 'error']);

export function startJob(request: LabRequest, onEvent: (event: LabEvent) => void): LabJob {
  const worker = new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module' });
  let finish!: (end: JobEnd) => void;
  const ended = new Promise<JobEnd>((resolve) => (finish = resolve));
  let over = false;
  const stop = (end: JobEnd): void => {
    if (over) return;
    over = true;
    worker.terminate();
    finish(end);
  };
  worker.onmessage = (e: MessageEvent<LabEvent>) => {
    if (over) return;
    onEvent(e.data);
    if (LAST.has(e.data.type)) stop(e.data.type === 'error' ? 'failed' : 'done');
  };
  worker.onerror = (e) => {
    if (over) return;
    onEvent({ type: 'error', message: e.message || 'the worker failed to start' });
    stop('failed');
  };
  worker.postMessage(request);
  return { cancel: () => stop('cancelled'), ended };
}
