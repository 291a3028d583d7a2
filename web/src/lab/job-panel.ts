/**
 * The run / cancel / progress / status part a view shares with the others that start worker jobs:
 * its markup, and the job's life on the page (running, then done, failed or cancelled).
 */
import { startJob, type JobEnd, type LabJob } from './lab-job.ts';
import type { LabEvent, LabRequest, Progress } from './protocol.ts';

/** The form's buttons: `${prefix}-run` submits; `extra` adds buttons of the view's own. */
export function jobButtonsMarkup(prefix: string, runLabel: string, extra = ''): string {
  return `<div class="lab-actions">
        <button type="submit" id="${prefix}-run">${runLabel}</button>
        <button type="button" id="${prefix}-cancel" disabled>Cancel</button>${extra}
      </div>`;
}

/** The progress bar and the status line, read out politely to screen readers. */
export function jobProgressMarkup(prefix: string): string {
  return `<div class="lab-progress">
      <label for="${prefix}-progress">Progress</label>
      <progress id="${prefix}-progress" max="1" value="0"></progress>
      <span id="${prefix}-progress-text"></span>
    </div>
    <p id="${prefix}-status" role="status" aria-live="polite"></p>`;
}

export interface JobPanel {
  /** True while a job runs: a second submit waits for it. */
  readonly busy: boolean;
  start(request: LabRequest, onEvent: (event: LabEvent) => void, message: string): void;
  setProgress(progress: Progress): void;
  /** The bar full: the job's work is all done. */
  fillProgress(label: string): void;
  finish(state: JobEnd, message: string): void;
  /** A message with no job behind it (a refused input). */
  say(message: string): void;
}

/** Binds the markup above inside `root`, whose data-state tells the job's state (idle, running, done, failed, cancelled). */
export function jobPanel(root: HTMLElement, prefix: string): JobPanel {
  const $ = <T extends HTMLElement>(id: string): T => root.querySelector<T>(`#${prefix}-${id}`)!;
  const runButton = $<HTMLButtonElement>('run');
  const cancelButton = $<HTMLButtonElement>('cancel');
  const progress = $<HTMLProgressElement>('progress');
  const progressText = $('progress-text');
  const status = $('status');
  let job: LabJob | null = null;
  root.dataset.state = 'idle';

  const finish = (state: JobEnd, message: string): void => {
    job = null;
    root.dataset.state = state;
    status.textContent = message;
    runButton.disabled = false;
    cancelButton.disabled = true;
  };
  cancelButton.addEventListener('click', () => {
    if (!job) return;
    job.cancel();
    finish('cancelled', `Cancelled at ${progressText.textContent}: the worker is stopped.`);
  });

  return {
    get busy() {
      return job !== null;
    },
    start(request, onEvent, message) {
      root.dataset.state = 'running';
      status.textContent = message;
      runButton.disabled = true;
      cancelButton.disabled = false;
      job = startJob(request, onEvent);
    },
    setProgress(p) {
      progress.max = Math.max(1, p.total);
      progress.value = p.done;
      progressText.textContent = `${p.label} ${p.done}/${p.total}`;
    },
    fillProgress(label) {
      progress.value = progress.max;
      progressText.textContent = label;
    },
    finish,
    say(message) {
      status.textContent = message;
    },
  };
}
