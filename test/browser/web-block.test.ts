/**
 * "Inside a block" in Chromium, on the built site: the page codes its block with the stage API,
 * and every setting's kept planes, bit count and emitted bits must equal what compress writes for
 * the same block in Node (numbers, not pixels). Moving β by keys re-marks the page within a bounded
 * amount of DOM work; the update's milliseconds are printed, never asserted. Screenshots go to a
 * temporary folder; with ZFPWB_UPDATE_SCREENSHOT=1 the desktop one also replaces the README's
 * docs/images/web-block.png.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BitReader, compress, decompress, type ZfpConfig } from '../../src/zfp/index.ts';
import { startWebSite, type WebSite } from './web-site.ts';

const SCREENSHOTS = join(tmpdir(), 'zfpwb-web-screenshots');
const README_SCREENSHOT = new URL('../../docs/images/web-block.png', import.meta.url).pathname;
let site: WebSite;

/** What the page shows for its current block and setting (#block-result's data-* attributes). */
interface Shown {
  dims: number;
  type: 'float32' | 'float64';
  values: number[];
  config: ZfpConfig;
  planes: number;
  bits: number;
  stream: string;
  decoded: number[];
  relativeError: number;
  updateMs: number;
}

async function shown(page: Page): Promise<Shown> {
  const d = await page.locator('#block-result').evaluate((e) => ({ ...(e as HTMLElement).dataset }));
  return {
    dims: Number(d['dims']),
    type: d['type'] as Shown['type'],
    values: JSON.parse(d['values']!) as number[],
    config: JSON.parse(d['config']!) as ZfpConfig,
    planes: Number(d['planes']),
    bits: Number(d['bits']),
    stream: d['stream']!,
    decoded: JSON.parse(d['decoded']!) as number[],
    relativeError: Number(d['relativeError']),
    updateMs: Number(d['updateMs']),
  };
}

/** The same block and setting through compress and decompress in Node. */
function inNode(s: Shown): { planes: number; bits: number; stream: string; relativeError: number } {
  const data = s.type === 'float64' ? Float64Array.from(s.values) : Float32Array.from(s.values);
  const shape = Array<number>(s.dims).fill(4);
  const z = compress({ type: s.type, shape, data }, s.config);
  expect(z.blocks.count).toBe(1);
  const bits = z.blocks.bits[0]!;
  const reader = new BitReader(z.bytes);
  let stream = '';
  for (let i = 0; i < bits; i++) stream += reader.readBit();
  const decoded = decompress(z.bytes, { type: s.type, shape, config: s.config }).data as Float64Array | Float32Array;
  let error = 0;
  let norm = 0;
  decoded.forEach((x, i) => {
    error = Math.max(error, Math.abs(x - s.values[i]!));
    norm = Math.max(norm, Math.abs(s.values[i]!));
  });
  return { planes: z.blocks.planes[0]!, bits, stream, relativeError: error / norm };
}

function expectSameAsCompress(s: Shown): void {
  const node = inNode(s);
  expect({ planes: s.planes, bits: s.bits, stream: s.stream }).toEqual({ planes: node.planes, bits: node.bits, stream: node.stream });
  expect(s.stream).toHaveLength(s.bits);
  if (Number.isNaN(node.relativeError)) expect(s.relativeError).toBeNaN();
  else expect(s.relativeError).toBe(node.relativeError);
}

/** What the bit-plane matrix marks: planes kept, and the emitted bits of all its rows in order. */
async function matrix(page: Page): Promise<{ kept: number; emitted: string }> {
  return page.$eval('#block-planes', (table) => ({
    kept: table.querySelectorAll('tr[data-status="kept"]').length,
    emitted: Array.from(table.querySelectorAll('tbody tr:not([hidden]) td.emitted'), (c) => c.textContent).join(''),
  }));
}

/** Waits until the page has shown a setting other than `before` (its config or its block changed). */
async function changed(page: Page, before: Shown): Promise<Shown> {
  const key = (s: Shown) => JSON.stringify([s.config, s.values]);
  await expect.poll(async () => key(await shown(page))).not.toBe(key(before));
  return shown(page);
}

async function openBlock(viewport?: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const opened = await site.open('block', viewport);
  await opened.page.waitForSelector('#block-result[data-stream]');
  return opened;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  site = await startWebSite();
});

afterAll(async () => {
  await site?.close();
});

describe('web workbench: Inside a block', () => {
  it('loads with no console errors, every control labelled, and shows compress’s bits for its first block', async () => {
    const { page, problems } = await openBlock();
    const unlabelled = await page.$$eval('section[data-view="block"] :is(input, select, textarea, button)', (controls) =>
      controls.filter((c) => !(c as HTMLInputElement).labels?.length && !c.textContent?.trim() && !c.getAttribute('aria-label')).map((c) => c.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const first = await shown(page);
    expect(first).toMatchObject({ dims: 3, type: 'float64', config: { mode: 'precision', precision: 16 }, planes: 16 });
    expectSameAsCompress(first);
    await page.screenshot({ path: join(SCREENSHOTS, 'block-1280x800.png'), fullPage: true });
    if (process.env['ZFPWB_UPDATE_SCREENSHOT'] === '1') {
      mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
      await page.screenshot({ path: README_SCREENSHOT });
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('β moved by keys changes the kept planes and the bits emitted, equal to compress’s', async () => {
    const { page, problems } = await openBlock();
    await page.focus('#block-beta');
    let before = await shown(page);
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'PageDown', 'Home', 'End']) {
      await page.keyboard.press(key);
      const after = await changed(page, before);
      expect(after.planes).not.toBe(before.planes);
      expect(after.bits).not.toBe(before.bits);
      expectSameAsCompress(after);
      expect(await matrix(page)).toEqual({ kept: after.planes, emitted: after.stream });
      before = after;
    }
    expect(before).toMatchObject({ planes: 64, config: { precision: 64 } });
    expect(problems).toEqual([]);
    await page.close();
  });

  const blocks = [
    ['1', 'float64', 'random'],
    ['2', 'float32', 'smooth'],
    ['2', 'float64', 'spike'],
    ['3', 'float32', 'alternating'],
    ['3', 'float64', 'subnormal'],
    ['1', 'float32', 'subnormal'],
  ] as const;
  it.each(blocks)('a %sD %s %s block: every mode and several parameters give compress’s planes and bits', async (dims, type, pattern) => {
    const { page, problems } = await openBlock();
    for (const [selector, value] of [['#block-dims', dims], ['#block-type', type], ['#block-pattern', pattern]] as const) await page.selectOption(selector, value);
    await expect.poll(async () => [(await shown(page)).dims, (await shown(page)).type]).toEqual([Number(dims), type]);
    const settings = [
      ['precision', '#block-beta', ['1', '7', '20', '32']],
      ['rate', '#block-rate', ['1', '2.5', '8', '16']],
      ['accuracy', '#block-tolerance', ['4', '-8', '-30', type === 'float64' ? '-1074' : '-150']],
    ] as const;
    const seen = new Set<string>();
    for (const [mode, slider, values] of settings) {
      await page.selectOption('#block-mode', mode);
      await expect.poll(async () => (await shown(page)).config.mode).toBe(mode);
      for (const value of values) {
        await page.fill(slider, value);
        const s = await shown(page);
        expect(Object.values(s.config)[1]).toBe(mode === 'accuracy' ? 2 ** Number(value) : Number(value));
        expectSameAsCompress(s);
        // The matrix marks the same planes, and its rows, header to padding, hold the emitted stream.
        expect(await matrix(page)).toEqual({ kept: s.planes, emitted: s.stream });
        seen.add(`${s.planes}/${s.bits}`);
      }
    }
    // The settings reach different planes and budgets: the comparison is not of one degenerate block.
    expect(seen.size).toBeGreaterThan(4);
    // Reversible mode: its own stages, compress's bits, and the block back bit for bit with a column of zero errors.
    await page.selectOption('#block-mode', 'reversible');
    await expect.poll(async () => (await shown(page)).config.mode).toBe('reversible');
    const lossless = await shown(page);
    expectSameAsCompress(lossless);
    expect(await matrix(page)).toEqual({ kept: lossless.planes, emitted: lossless.stream });
    expect(lossless.decoded).toEqual(lossless.values);
    expect(await page.$$eval('#block-raster tbody tr', (rows) => rows.map((r) => r.lastElementChild!.textContent))).toEqual(lossless.values.map(() => '0'));
    expect(await page.textContent('#block-summary-verdict')).toBe('exact: x̂ = x bit for bit');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('typed values make the block; a wrong count is refused with a message', async () => {
    const { page, problems } = await openBlock();
    await page.selectOption('#block-dims', '1');
    await expect.poll(async () => (await shown(page)).dims).toBe(1);
    await page.fill('textarea', '1 2 3');
    await page.click('#block-use-values');
    await expect.poll(() => page.textContent('#block-input-error')).toBe('a 1D block has 4 values, got 3');
    await page.fill('textarea', '1.5, -2.25e-3, 1e10, 0.1');
    await page.click('#block-use-values');
    await expect.poll(async () => (await shown(page)).values).toEqual([1.5, -2.25e-3, 1e10, 0.1]);
    expect(await page.textContent('#block-input-error')).toBe('');
    expectSameAsCompress(await shown(page));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a β step on a 3D block re-marks the page with bounded DOM work (the update’s milliseconds are printed)', async () => {
    const { page, problems } = await openBlock();
    await page.fill('#block-beta', '8');
    await page.focus('#block-beta');
    // DOM nodes touched by one β step: attribute and text changes, and every node of any added subtree.
    await page.evaluate(() => {
      const w = window as unknown as { touched: number };
      w.touched = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          w.touched += r.type === 'childList' ? Array.from(r.addedNodes, (n) => 1 + (n instanceof Element ? n.querySelectorAll('*').length : 0)).reduce((a, b) => a + b, 0) + r.removedNodes.length : 1;
        }
      }).observe(document.getElementById('block-result')!, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const times: number[] = [];
    const touched: number[] = [];
    let before = await shown(page);
    for (let step = 0; step < 40; step++) {
      await page.evaluate(() => ((window as unknown as { touched: number }).touched = 0));
      await page.keyboard.press(step < 20 ? 'ArrowRight' : 'ArrowLeft');
      const after = await changed(page, before);
      expectSameAsCompress(after);
      times.push(after.updateMs);
      touched.push(await page.evaluate(() => (window as unknown as { touched: number }).touched));
      before = after;
    }
    const nodes = await page.$$eval('#block-result *', (e) => e.length);
    // 64 planes × (status + two emitted spans) + 64 values × (decoded + error) + the summary and data-*: far below a rebuild.
    const bound = 64 * 3 + 64 * 2 + 30;
    expect(Math.max(...touched)).toBeLessThanOrEqual(bound);
    expect(bound).toBeLessThan(nodes / 4);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`β update on a 3D float64 block: median ${sorted[20]!.toFixed(2)} ms, max ${sorted[39]!.toFixed(2)} ms over 40 key steps; DOM nodes touched ≤ ${Math.max(...touched)} (of ${nodes} elements)`);
    // The same update with the style and layout the next frame needs, forced at once: β = 1 … 64.
    const withLayout = await page.evaluate(() => {
      const beta = document.getElementById('block-beta') as HTMLInputElement;
      return Array.from({ length: 64 }, (_, b) => {
        const start = performance.now();
        beta.value = String(b + 1);
        beta.dispatchEvent(new Event('input'));
        void document.body.offsetHeight;
        return performance.now() - start;
      }).sort((x, y) => x - y);
    });
    expect(await shown(page)).toMatchObject({ planes: 64, config: { precision: 64 } });
    console.log(`… with style and layout: median ${withLayout[32]!.toFixed(2)} ms, max ${withLayout[63]!.toFixed(2)} ms over β = 1…64`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone: no horizontal overflow of the page at 390×844', async () => {
    const { page, problems } = await openBlock({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'block-390x844.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
