/**
 * Opens every quick report in Debian's Chromium: the page must load from a file URL with no console
 * errors and every figure must render as plot SVG. Screenshots go to test/browser/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentNames, experiments } from '../../experiments/index.ts';
import { writeResults } from '../../src/cli/output.ts';
import { inlinePool } from '../../experiments/pool.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(tmpdir(), 'zfpwb-report-screenshots');
const dir = mkdtempSync(join(tmpdir(), 'zfpwb-reports-'));
let browser: Browser;

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
  it.each(experimentNames)('%s renders every figure without console errors', async (name) => {
    const result = await experiments[name].run({ quick: true, pool: inlinePool });
    const { html } = writeResults(result, dir);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    // A self-contained report asks for nothing over the network.
    page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && problems.push(`network request ${r.url()}`));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const plots = await page.locator('.plot').count();
    await page.waitForFunction((n) => document.querySelectorAll('.plot .main-svg').length >= n, plots, { timeout: 30_000 });
    expect(plots).toBeGreaterThan(0);
    expect(await page.locator('.plot .main-svg').count()).toBeGreaterThanOrEqual(plots);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });
});
