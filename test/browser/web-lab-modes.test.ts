/**
 * The lab's and choose's other modes in Chromium, against the CLI: a float32 state and the
 * SZ-style range-relative bound in the lab must give `zfpwb validate --json`'s document, and choose
 * with a float32 state or in every mode (`--mode all`) the command's answer. A float32 state turns
 * the SZ-style modes off with its reason shown; a request that gets past the form anyway is refused
 * by the package's typed error in the worker.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseAcrossFamilies, chooseSetting } from '../../src/analysis/choose.ts';
import { chooseLadder, familyTable } from '../../src/analysis/choose-ladder.ts';
import { solverParams } from '../../src/analysis/problem-setup.ts';
import { zfpwb } from '../cli/zfpwb.ts';
import { startWebSite, type WebSite } from './web-site.ts';

let site: WebSite;

type Step = { k: number; zfpError: number; bound: number | null; roundoffError?: number | null };
type Validated = { reference?: string; runs: { config: unknown; steps: Step[]; summary: { codecMsPerStep?: number } }[] };

/** Opens a view once its job panel is idle and its first chart (lab) or button (choose) is there. */
async function openView(view: 'lab' | 'choose') {
  const opened = await site.open(view);
  await opened.page.waitForSelector(`section[data-view=${view}][data-state=idle] ${view === 'lab' ? '.main-svg' : '#choose-run'}`, { timeout: 180_000 });
  return opened;
}

/** Opens a view, runs `body` on its page, and checks that the page logged no problem. */
async function onView(view: 'lab' | 'choose', body: (page: Page) => Promise<void>): Promise<void> {
  const { page, problems } = await openView(view);
  await body(page);
  expect(problems).toEqual([]);
  await page.close();
}

async function runToEnd(page: Page, view: 'lab' | 'choose'): Promise<string> {
  await page.click(`#${view}-run`);
  await page.waitForFunction((v) => document.querySelector(`section[data-view=${v}]`)?.getAttribute('data-state') !== 'running', view, { timeout: 240_000 });
  return (await page.getAttribute(`section[data-view=${view}]`, 'data-state'))!;
}

/** The last point of each chart trace, by name, once the chart has drawn them all. */
async function lastPoints(page: Page): Promise<Record<string, number>> {
  await page.waitForFunction(() => {
    const chart = document.querySelector('#lab-chart') as unknown as (HTMLElement & { data?: unknown[] }) | null;
    return chart?.data !== undefined && !chart.hasAttribute('aria-busy');
  });
  return page.$eval('#lab-chart', (chart) => Object.fromEntries((chart as unknown as { data: { name: string; y: number[] }[] }).data.filter((t) => t.y.length > 0).map((t) => [t.name, t.y.at(-1)!])));
}

async function downloaded(page: Page): Promise<Validated> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lab-download')]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as Validated;
}

function validateJson(args: readonly string[]): Validated {
  const r = zfpwb(['validate', '--solver', 'diffusion2d', '--grid', '32', '--steps', '100', ...args, '--json'], { timeout: 240_000 });
  expect(r.err).toBe('');
  return JSON.parse(r.out) as Validated;
}

/**
 * The two documents equal but for the codec's time per step (a timing) and the round-off, which
 * Chromium's and Node's double-double may give one ulp apart: it compares to 1e-12 relative.
 */
function expectSameDocument(web: Validated, cli: Validated): void {
  const roundoffs = (doc: Validated) => doc.runs.flatMap((run) => run.steps.map((s) => s.roundoffError ?? null));
  const bare = (doc: Validated) => ({ ...doc, runs: doc.runs.map((run) => ({ ...run, steps: run.steps.map(({ roundoffError: _, ...s }) => s), summary: { ...run.summary, codecMsPerStep: 0 } })) });
  expect(bare(web)).toEqual(bare(cli));
  const [w, c] = [roundoffs(web), roundoffs(cli)];
  expect(w).toHaveLength(c.length);
  w.forEach((x, i) => (x === null || c[i] === null ? expect(x).toBe(c[i]) : expect(Math.abs(x - c[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(c[i]!))));
}

/** A table's body rows as text, header cell first. */
const rowsOf = (page: Page, selector: string): Promise<string[][]> => page.locator(`${selector} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!)));

/** The values of a select's disabled options. */
const disabledOptions = (page: Page, select: string): Promise<string[]> => page.$$eval(`${select} option:disabled`, (options) => options.map((o) => (o as HTMLOptionElement).value));

/** Past the form: a disabled option turned on and chosen by script, a tiny problem, then the run; returns the status line. */
async function forcedRun(page: Page, view: 'lab' | 'choose', select: string, value: string): Promise<string> {
  await page.fill(`#${view}-grid`, '16');
  await page.fill(`#${view}-steps`, '5');
  await page.$eval(
    select,
    (element, v) => {
      const s = element as HTMLSelectElement;
      s.querySelector<HTMLOptionElement>(`option[value=${v}]`)!.disabled = false;
      s.value = v;
      s.dispatchEvent(new Event('change'));
    },
    value,
  );
  expect(await runToEnd(page, view)).toBe('failed');
  return (await page.textContent(`#${view}-status`))!;
}

const squeeze = (line: string): string => line.replace(/\s+/g, ' ').trim();

/** Choose on diffusion2d, 16×16 and 40 steps, for ε with one option of the form changed; the job must end done. */
async function chooseOn16x16(page: Page, epsilon: number, select: string, value: string): Promise<void> {
  await page.fill('#choose-grid', '16');
  await page.fill('#choose-steps', '40');
  await page.fill('#choose-epsilon', String(epsilon));
  await page.selectOption(select, value);
  expect(await runToEnd(page, 'choose')).toBe('done');
}

/** The lines `zfpwb choose` prints, squeezed of its table's padding. */
function chooseLines(args: readonly string[]): string[] {
  const r = zfpwb(['choose', '--solver', 'diffusion2d', '--grid', '16', '--steps', '40', ...args], { timeout: 240_000 });
  return r.out.split('\n').map(squeeze);
}

beforeAll(async () => {
  site = await startWebSite();
}, 240_000);

afterAll(async () => {
  await site?.close();
});

describe('web workbench: the lab in float32 and SZ-style range-relative modes', { timeout: 600_000 }, () => {
  it('runs a float32 state as `zfpwb validate --type float32 --json` does, reference included', () =>
    onView('lab', async (page) => {
      await page.selectOption('#lab-type', 'float32');
      expect(await page.textContent('#lab-type-note')).toMatch(/^float32: .*SZ-style modes \(which store float64\) are off/);
      expect(await page.getAttribute('#lab-a-param', 'max')).toBe('32');
      await page.fill('#lab-grid', '32');
      await page.fill('#lab-steps', '100');
      await page.fill('#lab-a-param', '20');
      await page.selectOption('#lab-reference', 'double-double');
      expect(await runToEnd(page, 'lab')).toBe('done');
      const cli = validateJson(['--type', 'float32', '--mode', 'precision', '--param', '20', '--reference', 'double-double']);
      const last = cli.runs[0]!.steps.at(-1)!;
      expect(last.k).toBe(100);
      const points = await lastPoints(page);
      expect([points['ZFP error (β = 20)'], points['bound (β = 20)']]).toEqual([last.zfpError, last.bound]);
      expectSameDocument(await downloaded(page), cli);
      expect(cli.runs[0]!.config).toMatchObject({ type: 'float32', label: 'β = 20, float32 state' });
    }));

  it('runs the SZ-style range-relative bound as `zfpwb validate --mode sz-rel --json` does', () =>
    onView('lab', async (page) => {
      await page.selectOption('#lab-a-mode', 'sz-rel');
      // The slider keeps its width beside the longest read-out (it once shrank to nothing).
      expect(await page.$eval('#lab-a-param', (e) => e.getBoundingClientRect().width)).toBeGreaterThan(100);
      await page.fill('#lab-a-param', '-21');
      await page.fill('#lab-a-param', '-20');
      expect(await page.textContent('#lab-a-value')).toBe(`SZ ε = 2^-20 ≈ ${(2 ** -20).toPrecision(3)}·range`);
      await page.fill('#lab-grid', '32');
      await page.fill('#lab-steps', '100');
      await page.selectOption('#lab-reference', 'none');
      expect(await runToEnd(page, 'lab')).toBe('done');
      const cli = validateJson(['--mode', 'sz-rel', '--param', String(2 ** -20)]);
      const last = cli.runs[0]!.steps.at(-1)!;
      const label = 'SZ ε = 9.54e-7·range';
      const points = await lastPoints(page);
      expect([points[`ZFP error (${label})`], points[`bound (${label})`]]).toEqual([last.zfpError, last.bound]);
      expect(last.bound).not.toBeNull();
      expectSameDocument(await downloaded(page), cli);
    }));

  it('turns the SZ-style modes off for a float32 state, and the worker refuses them with ZfpParameterError if they get through', () =>
    onView('lab', async (page) => {
      await page.selectOption('#lab-a-mode', 'sz-rel');
      await page.selectOption('#lab-type', 'float32');
      // The setting moves to a mode a float32 state can take; the SZ-style options are disabled, pointing at the reason.
      expect(await page.inputValue('#lab-a-mode')).toBe('precision');
      expect(await disabledOptions(page, '#lab-a-mode')).toEqual(['sz-abs', 'sz-rel']);
      expect(await page.getAttribute('#lab-a-mode', 'aria-describedby')).toBe('lab-type-note');
      await page.selectOption('#lab-type', 'float64');
      expect(await disabledOptions(page, '#lab-a-mode')).toEqual([]);
      await page.selectOption('#lab-type', 'float32');
      expect(await forcedRun(page, 'lab', '#lab-a-mode', 'sz-rel')).toMatch(/^Failed: ZfpParameterError: a float32 state is kept in a float32 ZFP array/);
    }));
});

describe('web workbench: choose with a float32 state and in every mode', { timeout: 600_000 }, () => {
  const params = solverParams('diffusion2d', false, { n: 16, steps: 40 });

  it("gives chooseSetting's ladder for a float32 state, as `zfpwb choose --type float32` prints it", () =>
    onView('choose', async (page) => {
      await chooseOn16x16(page, 1e-5, '#choose-type', 'float32');
      const expected = chooseLadder(chooseSetting({ problem: 'diffusion2d', params, mode: 'precision', epsilon: 1e-5, stateType: 'float32' }), 1e-5);
      expect(await rowsOf(page, '#choose-table')).toEqual(expected.rows);
      expect(await page.textContent('#choose-lemma')).toBe(expected.lemmaLine);
      const cli = chooseLines(['--tol', '1e-5', '--type', 'float32']);
      for (const line of [expected.lemmaLine, ...expected.rows.map((row) => row.join(' '))]) expect(cli).toContain(squeeze(line));
    }));

  it("gives chooseAcrossFamilies' table and winner for --mode all, as `zfpwb choose --mode all` prints them", () =>
    onView('choose', async (page) => {
      await chooseOn16x16(page, 1e-6, '#choose-mode', 'all');
      const expected = familyTable(chooseAcrossFamilies({ problem: 'diffusion2d', params, epsilon: 1e-6 }));
      const rows = await rowsOf(page, '#choose-families');
      expect(rows).toEqual(expected.rows);
      expect(rows.map((row) => row[0])).toEqual(['precision', 'rate', 'accuracy', 'sz-abs', 'sz-rel']);
      expect(await page.locator('#choose-family-lines li').allTextContents()).toEqual(expected.lines);
      const cli = chooseLines(['--tol', '1e-6', '--mode', 'all']);
      for (const line of [...expected.rows.map((row) => row.join(' ')), ...expected.lines]) expect(cli).toContain(squeeze(line));
    }));

  it('turns sz-abs, sz-rel and all off for a float32 state; forced through, the worker refuses with ZfpParameterError', () =>
    onView('choose', async (page) => {
      await page.selectOption('#choose-mode', 'all');
      await page.selectOption('#choose-type', 'float32');
      expect(await page.inputValue('#choose-mode')).toBe('precision');
      expect(await disabledOptions(page, '#choose-mode')).toEqual(['sz-abs', 'sz-rel', 'all']);
      expect(await page.textContent('#choose-type-note')).toMatch(/^float32: /);
      expect(await forcedRun(page, 'choose', '#choose-mode', 'all')).toMatch(/^Failed: ZfpParameterError: comparing the families needs a float64 state/);
    }));
});
