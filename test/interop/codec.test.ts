/**
 * Our codec against LLNL zfp 1.0's tool: identical compressed bytes, and identical decompressed
 * values in both directions (our decoder on zfp's stream, zfp's decoder on ours).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compress, decompress } from '../../src/zfp/index.ts';
import { buildCases, TYPES, type InteropCase } from './cases.ts';
import { makeField, rawBytes } from './fields.ts';
import { byteDifference, fieldArgs, requireZfpTool, runZfpBatch, type ZfpRun } from './zfp-tool.ts';

const cases = buildCases();

interface Outcome {
  readonly ours?: Uint8Array;
  readonly oursError?: unknown;
  readonly zfpCompress: ZfpRun;
  readonly zfpDecompress: ZfpRun;
  readonly zfpOnOurs?: ZfpRun;
}

let dir = '';
const outcomes = new Map<number, Outcome>();
const path = (name: string, c: InteropCase): string => join(dir, `${name}.${c.id}`);
const decodeSpec = (c: InteropCase) => (c.header ? ({ header: true } as const) : { type: c.type, shape: c.shape, config: c.mode.config });

beforeAll(() => {
  requireZfpTool();
  dir = mkdtempSync(join(tmpdir(), 'zfp-interop-'));
  const runs: string[][] = [];
  const pending: { c: InteropCase; ours?: Uint8Array; oursError?: unknown; first: number; onOurs?: number }[] = [];
  for (const c of cases) {
    const data = makeField(c.type, c.shape, c.kind, 1000 + c.id);
    writeFileSync(path('raw', c), rawBytes(data));
    const h = c.header ? ['-h'] : [];
    const meta = [...fieldArgs(c.type, c.shape), ...c.mode.args];
    const entry: (typeof pending)[number] = { c, first: runs.length };
    runs.push(['-q', ...h, ...meta, '-i', path('raw', c), '-z', path('zfp', c)]);
    runs.push(['-q', ...h, ...(c.header ? [] : meta), '-z', path('zfp', c), '-o', path('zfp-out', c)]);
    try {
      entry.ours = compress({ type: c.type, shape: c.shape, data }, c.mode.config, { header: c.header }).bytes;
      writeFileSync(path('ours', c), entry.ours);
      entry.onOurs = runs.length;
      runs.push(['-q', ...h, ...(c.header ? [] : meta), '-z', path('ours', c), '-o', path('ours-out', c)]);
    } catch (error) {
      entry.oursError = error;
    }
    pending.push(entry);
  }
  const results = runZfpBatch(runs, dir);
  for (const { c, ours, oursError, first, onOurs } of pending) {
    outcomes.set(c.id, {
      ours,
      oursError,
      zfpCompress: results[first]!,
      zfpDecompress: results[first + 1]!,
      zfpOnOurs: onOurs === undefined ? undefined : results[onOurs],
    });
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function outcomeOf(c: InteropCase): Outcome {
  const outcome = outcomes.get(c.id)!;
  expect(outcome.zfpCompress.status, `zfp failed to compress: ${outcome.zfpCompress.stderr}`).toBe(0);
  expect(outcome.zfpDecompress.status, `zfp failed to decompress its own stream: ${outcome.zfpDecompress.stderr}`).toBe(0);
  if (outcome.oursError !== undefined) throw outcome.oursError;
  return outcome;
}

for (const type of TYPES) {
  describe(type, () => {
    it.each(cases.filter((c) => c.type === type).map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const outcome = outcomeOf(c);
      const zfpBytes = new Uint8Array(readFileSync(path('zfp', c)));
      expect(byteDifference(outcome.ours!, zfpBytes), 'compressed bytes: ours vs zfp').toBeUndefined();

      const ourDecoding = decompress(zfpBytes, decodeSpec(c));
      expect(ourDecoding.type).toBe(c.type);
      expect(ourDecoding.shape).toEqual([...c.shape]);
      const zfpDecoding = new Uint8Array(readFileSync(path('zfp-out', c)));
      expect(byteDifference(rawBytes(ourDecoding.data), zfpDecoding), "decompressed zfp's stream: ours vs zfp").toBeUndefined();

      const zfpOnOurs = outcome.zfpOnOurs!;
      expect(zfpOnOurs.status, `zfp failed to decompress our stream: ${zfpOnOurs.stderr}`).toBe(0);
      const ourRoundTrip = rawBytes(decompress(outcome.ours!, decodeSpec(c)).data);
      const zfpRoundTrip = new Uint8Array(readFileSync(path('ours-out', c)));
      expect(byteDifference(ourRoundTrip, zfpRoundTrip), 'decompressed our stream: ours vs zfp').toBeUndefined();
    });
  });
}

it('covers at least 200 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(200);
});
