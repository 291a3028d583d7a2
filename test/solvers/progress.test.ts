import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../solvers/progress.ts';

function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, written: () => text };
}

describe('progress bar', () => {
  it('stays silent off a terminal unless asked for lines', () => {
    expect(createProgressBar({ label: 'diffusion2d', unit: 'steps' }, terminal(false).stream)).toBeNull();
  });

  it('off a terminal, writes one labelled line per finished item when asked', () => {
    const { stream, written } = terminal(false);
    const bar = createProgressBar({ label: 'diffusion2d', unit: 'runs', linesOffTerminal: true }, stream)!;
    bar.update(0, 3);
    bar.update(1, 3);
    bar.update(3, 3);
    bar.stop();
    expect(written()).toBe('diffusion2d: 1/3 runs done\ndiffusion2d: 3/3 runs done\n');
  });

  it('draws on a terminal, naming what it counts', () => {
    const { stream, written } = terminal(true);
    const bar = createProgressBar({ label: 'diffusion2d', unit: 'runs' }, stream)!;
    bar.update(1, 4);
    bar.update(4, 4);
    bar.stop();
    expect(written()).toContain('diffusion2d');
    expect(written()).toContain('4/4 runs');
  });
});
