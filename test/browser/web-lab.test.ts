/**
 * The web workbench's lab and choose views in Chromium, against the CLI's own functions in Node:
 * a diffusion2d run at precision 16 in the page's worker must give `zfpwb validate --json` exactly
 * (the downloaded JSON, and the chart's last ZFP error); a problem file loaded through the file
 * input likewise; cancelling must terminate the worker; choose must give chooseSetting's ladder.
 * The bound is drawn as steps arrive, and equals the record's at every step. Timing figures (worker
 * time, the page's long tasks during a run) are printed, not asserted; what is asserted is the work
 * behind them: the live phase is painted on a canvas, and plotly draws each finished chart once.
 * Screenshots go to a temporary folder; with ZFPWB_UPDATE_SCREENSHOT=1 the lab's also replaces
 * docs/images/web-lab.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSetting } from '../../src/analysis/choose.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import { chooseLadder } from '../../src/analysis/choose-ladder.ts';
import { zfpwb } from '../cli/zfpwb.ts';
import { startWebSite, type WebSite } from './web-site.ts';

const SCREENSHOTS = join(tmpdir(), 'zfpwb-web-screenshots');
const README_SCREENSHOT = new URL('../../docs/images/web-lab.png', import.meta.url).pathname;
const PROBLEM_FILE = new URL('../../examples/problems/diffusion2d.json', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };
let site: WebSite;

interface ChartTrace {
  name: string;
  x: number[];
  y: number[];
}

const lab = (page: Page) => page.locator('section[data-view=lab]');

/** Opens a view and waits for it to be ready; the plotly bundle takes a while to load on a busy machine. */
async function openView(view: 'lab' | 'choose', viewport?: { width: number; height: number }) {
  const opened = await site.open(view, viewport);
  await opened.page.waitForSelector(`section[data-view=${view}][data-state=idle] ${view === 'lab' ? '.main-svg' : '#choose-run'}`, { timeout: 180_000 });
  return opened;
}

type ValidateJson = { runs: { steps: { roundoffError: number | null }[]; summary: Record<string, unknown> }[] };

/**
 * The document with its round-off curves apart. Chromium's V8 and Node's can differ in the last bit
 * of a double-double reference step (seen: the round-off, ~1e-17, off by one ulp at some late steps,
 * with the same bundled code giving Node's figures under Node), so the curves compare to 1e-12
 * relative, and everything else exactly.
 */
/** The JSON without each run's codec time per step: a timing two runs of the same configuration need not share. */
function untimed(json: unknown): ValidateJson {
  const doc = json as ValidateJson;
  return { ...doc, runs: doc.runs.map((run) => ({ ...run, summary: Object.fromEntries(Object.entries(run.summary).filter(([key]) => key !== 'codecMsPerStep')) })) };
}

function splitRoundoff(json: unknown): { rest: unknown; roundoff: (number | null)[][] } {
  const doc = untimed(json);
  return {
    rest: { ...doc, runs: doc.runs.map((run) => ({ ...run, steps: run.steps.map(({ roundoffError: _, ...step }) => step) })) },
    roundoff: doc.runs.map((run) => run.steps.map((s) => s.roundoffError)),
  };
}

function expectSameRoundoff(web: readonly (number | null)[], cli: readonly (number | null)[]): void {
  expect(web).toHaveLength(cli.length);
  const worst = Math.max(0, ...web.map((w, k) => (w === cli[k] ? 0 : Math.abs(w! - cli[k]!) / Math.abs(cli[k]!))));
  expect(worst).toBeLessThan(1e-12);
}

/** Waits for a job of the view to end and returns how it ended. */
async function ended(page: Page, view: 'lab' | 'choose', timeout = 240_000): Promise<string> {
  // Polled every 100 ms, not every frame: the polling is the test's work on the page's main thread, where the lab's long tasks are counted.
  await page.waitForFunction((v) => document.querySelector(`section[data-view=${v}]`)?.getAttribute('data-state') !== 'running', view, { timeout, polling: 100 });
  return (await page.locator(`section[data-view=${view}]`).getAttribute('data-state'))!;
}

/** The chart's traces as plotly holds them, once it has drawn them all. */
async function chartTraces(page: Page, selector: string): Promise<ChartTrace[]> {
  // A chart is aria-busy from a change until its redraw lands: read it only once it has drawn everything.
  await page.waitForFunction((s) => {
    const chart = document.querySelector(s) as unknown as (HTMLElement & { data?: unknown[] }) | null;
    return chart?.data !== undefined && !chart.hasAttribute('aria-busy');
  }, selector);
  return page.evaluate((s) => (document.querySelector(s) as unknown as { data: ChartTrace[] }).data.map(({ name, x, y }) => ({ name, x: [...x], y: [...y] })), selector);
}

/** A fixed piece of work timed on the page's main thread: how much of a core the page gets just now. */
async function calibrationMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const start = performance.now();
    let s = 0;
    for (let i = 0; i < 10_000_000; i++) s += Math.sqrt(i);
    return Math.round(performance.now() - start + (s < 0 ? 1 : 0));
  });
}

/** A long task (> 50 ms on the main thread): when it started and how long it took, in ms. */
interface LongTask {
  start: number;
  duration: number;
}

/**
 * The page's own long tasks from now on, and when the lab's job stopped running: the tasks that
 * started before are the run's (its live phase), the rest plotly's drawing of the finished charts.
 */
async function watchLongTasks(page: Page): Promise<() => Promise<{ tasks: LongTask[]; endedAt: number }>> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: LongTask[]; jobEndedAt: number };
    w.longTasks = [];
    w.jobEndedAt = Infinity;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: Math.round(e.duration) }))).observe({ type: 'longtask' });
    const section = document.querySelector('section[data-view=lab]')!;
    new MutationObserver(() => {
      if (section.getAttribute('data-state') !== 'running' && w.jobEndedAt === Infinity) w.jobEndedAt = performance.now();
    }).observe(section, { attributes: true, attributeFilter: ['data-state'] });
  });
  return () => page.evaluate(() => {
    const w = window as unknown as { longTasks: LongTask[]; jobEndedAt: number };
    return { tasks: w.longTasks, endedAt: w.jobEndedAt };
  });
}

/** How often each chart was drawn by plotly and painted live so far (the charts count both). */
async function chartDraws(page: Page): Promise<{ draws: number; paints: number }[]> {
  return page.evaluate(() => ['#lab-chart', '#lab-ratio'].map((s) => {
    const { draws, paints } = (document.querySelector(s) as HTMLElement).dataset;
    return { draws: Number(draws ?? 0), paints: Number(paints ?? 0) };
  }));
}

const listed = (tasks: readonly LongTask[]): string => (tasks.length === 0 ? 'none' : `${tasks.length}, ${tasks.map((t) => t.duration).join(', ')} ms`);

async function downloadedJson(page: Page): Promise<unknown> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lab-download')]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

function cliJson(args: readonly string[]): unknown {
  const r = zfpwb(['validate', ...args, '--json'], { timeout: 240_000 });
  expect(r.err).toBe('');
  return JSON.parse(r.out);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  site = await startWebSite();
}, 240_000);

afterAll(async () => {
  await site?.close();
});

// Generous: the machine the tests share may be busy, and these bound work (whole runs), not time.
describe('web workbench: inline stability lab', { timeout: 600_000 }, () => {
  it('loads with no console errors, a label on every control, and its slider moved by keys', async () => {
    const { page, problems } = await openView('lab');
    const unlabelled = await lab(page).evaluate((root) =>
      [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')]
        .filter((c) => c.labels?.length === 0 && !c.getAttribute('aria-label') && !(c instanceof HTMLButtonElement && c.textContent?.trim()))
        .map((c) => c.id || c.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.focus('#lab-a-param');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#lab-a-value')).toBe('β = 18');
    expect(await page.getAttribute('#lab-a-param', 'aria-valuetext')).toBe('β = 18');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs diffusion2d at precision 16 in its worker as `zfpwb validate --json` does, drawing the four curves', async () => {
    const { page, problems } = await openView('lab');
    // The defaults are the CLI's: diffusion2d, 64×64, 400 steps, β = 16, certify data, reference auto.
    expect(await page.inputValue('#lab-problem')).toBe('diffusion2d');
    expect([await page.inputValue('#lab-grid'), await page.inputValue('#lab-steps'), await page.textContent('#lab-a-value')]).toEqual(['64', '400', 'β = 16']);
    // Both charts drawn by plotly once the view is up: from here every plotly draw is the run's.
    await chartTraces(page, '#lab-chart');
    await chartTraces(page, '#lab-ratio');
    const drawsBefore = await chartDraws(page);
    const longTasks = await watchLongTasks(page);
    await page.click('#lab-run');
    // The bound is drawn as steps arrive: the chart paints it while the inline run is still going.
    await page.waitForFunction(() => {
      const chart = document.querySelector('#lab-chart') as HTMLElement;
      return document.querySelector('section[data-view=lab]')!.getAttribute('data-state') === 'running' && chart.dataset.livePoints !== undefined && (JSON.parse(chart.dataset.livePoints) as number[])[1]! > 0;
    }, null, { polling: 100 });
    expect(await ended(page, 'lab')).toBe('done');
    const traces = await chartTraces(page, '#lab-chart');
    await chartTraces(page, '#lab-ratio');
    const { tasks, endedAt } = await longTasks();
    const drawsAfter = await chartDraws(page);
    expect(traces.map((t) => t.name)).toEqual(['ZFP error (β = 16)', 'bound (β = 16)', 'numerical error', 'round-off (double-double)']);
    for (const t of traces) expect(t.x).toHaveLength(401);
    // The live phase is painted on a canvas; plotly draws each finished chart once.
    drawsBefore.forEach((before, i) => {
      expect(drawsAfter[i]!.draws - before.draws).toBe(1);
      expect(drawsAfter[i]!.paints).toBeGreaterThan(before.paints);
    });

    const cli = cliJson(['--solver', 'diffusion2d', '--mode', 'precision', '--param', '16', '--reference', 'auto']) as { runs: { steps: { zfpError: number; bound: number; numericalError: number }[] }[] };
    const last = cli.runs[0]!.steps[400]!;
    expect(traces[0]!.y[400]).toBe(last.zfpError);
    expect(traces[2]!.y[400]).toBe(last.numericalError);
    // The bound drawn live, step by step, is the record's at every step.
    expect(traces[1]!.y).toEqual(cli.runs[0]!.steps.map((s) => s.bound));
    const web = splitRoundoff(await downloadedJson(page));
    const expected = splitRoundoff(cli);
    expect(web.rest).toEqual(expected.rest);
    expectSameRoundoff(web.roundoff[0]!, expected.roundoff[0]!);
    expectSameRoundoff(traces[3]!.y, expected.roundoff[0]!);
    expect(await page.locator('#lab-summary td').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    console.log(`web lab, diffusion2d 64×64, 400 steps, β = 16: ${await page.textContent('#lab-timing')}`);
    console.log(`web lab: long tasks on the page during the run: ${listed(tasks.filter((t) => t.start < endedAt))}; drawing the finished charts: ${listed(tasks.filter((t) => t.start >= endedAt))}`);
    console.log(`web lab: chart paints during the run ${drawsAfter.map((d, i) => d.paints - drawsBefore[i]!.paints).join(' and ')}, plotly draws ${drawsAfter.map((d, i) => d.draws - drawsBefore[i]!.draws).join(' and ')}`);
    console.log(`web lab: machine load ${loadavg().map((l) => l.toFixed(1)).join(' ')} on 2 cores; a 10⁷-step sqrt loop took ${await calibrationMs(page)} ms on the page's main thread`);
    await page.screenshot({ path: join(SCREENSHOTS, 'lab-1280x800.png'), fullPage: true });
    if (process.env['ZFPWB_UPDATE_SCREENSHOT'] === '1') {
      mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
      await page.screenshot({ path: README_SCREENSHOT, fullPage: true });
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs a problem file from the file input and a second setting beside the first, as the CLI runs each', async () => {
    const { page, problems } = await openView('lab');
    await page.setInputFiles('#lab-file', PROBLEM_FILE);
    await page.waitForFunction(() => (document.querySelector('#lab-problem') as HTMLSelectElement).value === 'file');
    expect(await page.textContent('#lab-problem option[value=file]')).toBe('file: diffusion2d.json');
    await page.fill('#lab-steps', '30');
    await page.check('#lab-compare');
    await page.selectOption('#lab-b-mode', 'rate');
    await page.selectOption('#lab-reference', 'none');
    await page.click('#lab-run');
    expect(await ended(page, 'lab')).toBe('done');
    const traces = await chartTraces(page, '#lab-chart');
    expect(traces.map((t) => t.name)).toEqual(['ZFP error (β = 16)', 'bound (β = 16)', 'numerical error', 'round-off (no reference run)', 'ZFP error (rate 16)', 'bound (rate 16)']);
    const json = (await downloadedJson(page)) as { runs: unknown[] };
    const file = ['--problem', PROBLEM_FILE, '--steps', '30'];
    const a = cliJson([...file, '--mode', 'precision', '--param', '16']) as { runs: unknown[] };
    const b = cliJson([...file, '--mode', 'rate', '--param', '16']) as { runs: unknown[] };
    expect(untimed(json)).toEqual(untimed({ runs: [a.runs[0], b.runs[0]] }));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("draws a fixed-point run's bound when it stops, says why, and it is the CLI's", async () => {
    const { page, problems } = await openView('lab');
    await page.selectOption('#lab-problem', 'poisson-jacobi');
    await page.fill('#lab-grid', '16');
    await page.fill('#lab-steps', '200');
    await page.selectOption('#lab-reference', 'none');
    expect(await page.isHidden('#lab-bound-note')).toBe(true);
    await page.click('#lab-run');
    expect(await ended(page, 'lab')).toBe('done');
    expect(await page.isVisible('#lab-bound-note')).toBe(true);
    const traces = await chartTraces(page, '#lab-chart');
    const cli = cliJson(['--solver', 'poisson-jacobi', '--grid', '16', '--steps', '200', '--mode', 'precision', '--param', '16']) as { runs: { steps: { k: number; bound: number }[] }[] };
    expect(traces[1]!.x).toEqual(cli.runs[0]!.steps.map((s) => s.k));
    expect(traces[1]!.y).toEqual(cli.runs[0]!.steps.map((s) => s.bound));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('cancel terminates the worker: progress stops and the page says cancelled', async () => {
    const { page, problems } = await openView('lab');
    // decimal.js on 64×64 takes minutes: the run is surely still going when cancelled.
    await page.selectOption('#lab-reference', 'decimal');
    const [worker] = await Promise.all([page.waitForEvent('worker'), page.click('#lab-run')]);
    const closed = new Promise<void>((done) => worker.once('close', () => done()));
    await page.waitForFunction(() => Number((document.querySelector('#lab-progress') as HTMLProgressElement).value) > 0);
    await page.click('#lab-cancel');
    await closed; // the worker is gone, not merely ignored
    expect(await lab(page).getAttribute('data-state')).toBe('cancelled');
    const at = await page.textContent('#lab-progress-text');
    await page.waitForTimeout(1000);
    expect(await page.textContent('#lab-progress-text')).toBe(at);
    expect(await page.textContent('#lab-status')).toMatch(/^Cancelled/);
    expect(await page.isEnabled('#lab-run')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone-width screen', async () => {
    const { page, problems } = await openView('lab', PHONE);
    await page.fill('#lab-grid', '32');
    await page.fill('#lab-steps', '60');
    await page.click('#lab-run');
    expect(await ended(page, 'lab')).toBe('done');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SCREENSHOTS, 'lab-390x844.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('web workbench: choose', { timeout: 600_000 }, () => {
  it("gives chooseSetting's ladder for the same inputs, computed in the worker", async () => {
    const { page, problems } = await openView('choose');
    await page.fill('#choose-grid', '16');
    await page.fill('#choose-steps', '40');
    await page.fill('#choose-epsilon', '1e-6');
    await page.click('#choose-run');
    expect(await ended(page, 'choose')).toBe('done');
    const rows = await page.locator('#choose-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!)));

    const epsilon = 1e-6;
    const expected = chooseLadder(chooseSetting({ problem: 'diffusion2d', params: solverParams('diffusion2d', false, { n: 16, steps: 40 }), mode: 'precision', epsilon }), epsilon);
    expect(rows).toEqual(expected.rows);
    expect(await page.textContent('#choose-lemma')).toBe(expected.lemmaLine);
    // And these are the lines `zfpwb choose` prints (its table's padding aside).
    const cli = zfpwb(['choose', '--solver', 'diffusion2d', '--grid', '16', '--steps', '40', '--tol', '1e-6'], { timeout: 240_000 });
    const squeeze = (line: string): string => line.replace(/\s+/g, ' ').trim();
    const cliLines = cli.out.split('\n').map(squeeze);
    for (const line of [expected.lemmaLine, ...expected.rows.map((row) => row.join(' ')), expected.trialsLine]) expect(cliLines).toContain(squeeze(line));
    const traces = await chartTraces(page, '#choose-chart');
    expect(traces.at(-1)!.name).toBe('ε');
    await page.screenshot({ path: join(SCREENSHOTS, 'choose-1280x800.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone-width screen', async () => {
    const { page, problems } = await openView('choose', PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SCREENSHOTS, 'choose-390x844.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
