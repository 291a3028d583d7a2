/** zfpwb writing into a pipe whose reader has gone: the output ends quietly, as other Unix tools' does. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/zfpwb.js', import.meta.url).pathname;

describe('a closed pipe on stdout', () => {
  it('ends zfpwb with status 0 and nothing on stderr', () => {
    // `true` exits without reading: zfpwb's write then meets EPIPE.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" experiment --help | true; exit \${PIPESTATUS[0]}`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
