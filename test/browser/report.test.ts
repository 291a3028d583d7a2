/**
 * Opens every quick report in Debian's Chromium, as `zfpwb experiment` writes them (one shared
 * plotly.min.js beside the pages) and one self-contained page alone in its folder: each must load
 * from a file URL with no console errors and no network request, and every figure must render as
 * plot SVG. Screenshots go to a temporary folder; with ZFPWB_UPDATE_SCREENSHOT=1 the diffusion2d one
 * also replaces the README's docs/images/report-diffusion2d.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentNames, experiments } from '../../experiments/index.ts';
import { writeResults } from '../../src/cli/output.ts';
import { inlinePlotly, SHARED_PLOTLY_FILE, sharedPlotly } from '../../src/cli/plotly-source.ts';
import { inlinePool } from '../../experiments/pool.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(tmpdir(), 'zfpwb-report-screenshots');
const README_SCREENSHOT = new URL('../../docs/images/report-diffusion2d.png', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'zfpwb-reports-'));
let browser: Browser;

/** Loads a report, waits for every plot's SVG, and returns what went wrong on the page. */
async function openReport(html: string, screenshot: (page: Page) => Promise<void>): Promise<{ plots: number; rendered: number; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  // Reports ask for nothing over the network: plotly is inlined or a file beside the page.
  page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && problems.push(`network request ${r.url()}`));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  const plots = await page.locator('.plot').count();
  await page.waitForFunction((n) => document.querySelectorAll('.plot .main-svg').length >= n, plots, { timeout: 30_000 });
  const rendered = await page.locator('.plot .main-svg').count();
  await screenshot(page);
  await page.close();
  return { plots, rendered, problems };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh (as root) to install Debian's chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTML reports in Chromium', () => {
  it.each(experimentNames)('%s renders every figure without console errors, plotly shared beside the page', async (name) => {
    const result = await experiments[name].run({ quick: true, pool: inlinePool });
    const { html } = writeResults(result, dir, sharedPlotly(dir));
    const page = readFileSync(html, 'utf8');
    expect(page).toContain(`<script src="${SHARED_PLOTLY_FILE}"></script>`);
    // Every sweep weighs ZFP against SZ-style: its Pareto figure per problem and both tables.
    if (name !== 'precision-contours') {
      for (const { problem } of result.comparison!) {
        expect(page).toContain(`${problem}: error against storage, ZFP and SZ-style`);
        expect(page).toContain(`${problem}: ZFP against SZ-style at matched error targets`);
      }
    }
    const { plots, rendered, problems } = await openReport(html, async (page) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      if (name === 'diffusion2d' && process.env['ZFPWB_UPDATE_SCREENSHOT'] === '1') {
        mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
        await page.screenshot({ path: README_SCREENSHOT });
      }
    });
    expect(plots).toBeGreaterThan(0);
    expect(rendered).toBeGreaterThanOrEqual(plots);
    expect(problems).toEqual([]);
  });

  it('a self-contained page renders alone in its folder', async () => {
    const result = await experiments['precision-contours'].run({ quick: true, pool: inlinePool });
    const alone = mkdtempSync(join(dir, 'alone-'));
    const { html } = writeResults(result, alone, inlinePlotly());
    expect(existsSync(join(alone, SHARED_PLOTLY_FILE))).toBe(false);
    expect(readFileSync(html, 'utf8')).not.toContain('<script src=');
    const { plots, rendered, problems } = await openReport(html, async () => {});
    expect(plots).toBe(2);
    expect(rendered).toBeGreaterThanOrEqual(plots);
    expect(problems).toEqual([]);
  });
});
