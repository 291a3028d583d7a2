import cliProgress from 'cli-progress';

/** Node-only: progress of a long command, for `run`'s onProgress. Kept out of the browser-safe modules. */
export interface ProgressBar {
  readonly update: (done: number, total: number) => void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is being done, e.g. the experiment's name. */
  readonly label: string;
  /** What `done` and `total` count, e.g. "steps" or "runs". */
  readonly unit: string;
  /** Off a terminal, write one line per finished item (worth it for a few slow items, not for thousands of steps). */
  readonly linesOffTerminal?: boolean;
}

/** A cli-progress bar on a terminal `stream`; elsewhere one plain line per update, or null (logs and pipes stay clean). */
export function createProgressBar(options: ProgressOptions, stream: NodeJS.WriteStream = process.stderr): ProgressBar | null {
  const { label, unit } = options;
  if (!stream.isTTY) {
    if (!options.linesOffTerminal) return null;
    return { update: (done, total) => done > 0 && stream.write(`${label}: ${done}/${total} ${unit} done\n`), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} ${unit}, {eta_formatted} left`, stream, hideCursor: true },
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
