import cliProgress from 'cli-progress';

/** Node-only: a terminal progress bar for `run`'s onProgress. Kept out of the browser-safe modules. */
export interface ProgressBar {
  readonly update: (done: number, total: number) => void;
  stop(): void;
}

/** A cli-progress bar on `stream`, or null when it is not a terminal (logs and pipes stay clean). */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar | null {
  if (!stream.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} steps, {eta_formatted} left`, stream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop: () => bar.stop(),
  };
}
