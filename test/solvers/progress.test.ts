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
  it('stays silent when the stream is not a terminal', () => {
    expect(createProgressBar('diffusion2d', terminal(false).stream)).toBeNull();
  });

  it('draws on a terminal', () => {
    const { stream, written } = terminal(true);
    const bar = createProgressBar('diffusion2d', stream)!;
    bar.update(1, 4);
    bar.update(4, 4);
    bar.stop();
    expect(written()).toContain('diffusion2d');
    expect(written()).toContain('4/4 steps');
  });
});
