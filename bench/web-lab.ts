/**
 * The lab page's main thread during the default run (diffusion2d 64×64, 400 steps, β = 16), from a
 * Chromium trace: its tasks' CPU time (thread time, which a loaded machine does not stretch) beside
 * their wall time (what the long-task observer sees), while the run goes and while plotly draws the
 * finished charts. Prints figures; asserts nothing.
 *
 *   npx tsx bench/web-lab.ts [runs, default 3]
 */
import { loadavg } from 'node:os';
import { startWebSite } from '../test/browser/web-site.ts';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown>;
}

const ENDED = 'lab-job-ended';
const ms = (us: number): string => (us / 1000).toFixed(0);

function describe(tasks: readonly TraceEvent[]): string {
  const cpu = tasks.reduce((a, t) => a + (t.tdur ?? 0), 0);
  const wall = tasks.reduce((a, t) => a + t.dur!, 0);
  const over = (pick: (t: TraceEvent) => number): number => tasks.filter((t) => pick(t) > 50_000).length;
  const largest = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 3).map((t) => `${ms(t.tdur ?? 0)}/${ms(t.dur!)}`);
  return `${tasks.length} tasks, CPU ${ms(cpu)} ms (wall ${ms(wall)} ms), over 50 ms: ${over((t) => t.tdur ?? 0)} by CPU, ${over((t) => t.dur!)} by wall; largest CPU/wall ${largest.join(', ')} ms`;
}

const runs = Number(process.argv[2] ?? 3);
const site = await startWebSite();
try {
  for (let run = 1; run <= runs; run++) {
    const { page } = await site.open('lab');
    await page.waitForSelector('section[data-view=lab][data-state=idle] .main-svg', { timeout: 180_000 });
    await page.waitForTimeout(1500);
    // The moment the job stops running, as a mark in the trace.
    await page.evaluate((mark) => {
      const section = document.querySelector('section[data-view=lab]')!;
      const observer = new MutationObserver(() => {
        if (section.getAttribute('data-state') === 'running') return;
        console.timeStamp(mark);
        observer.disconnect();
      });
      observer.observe(section, { attributes: true, attributeFilter: ['data-state'] });
    }, ENDED);
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
    await page.click('#lab-run');
    await page.waitForFunction(() => document.querySelector('section[data-view=lab]')!.getAttribute('data-state') !== 'running', null, { timeout: 300_000, polling: 250 });
    await page.waitForFunction(() => !document.querySelector('#lab-chart')!.hasAttribute('aria-busy') && !document.querySelector('#lab-ratio')!.hasAttribute('aria-busy'), null, { polling: 250 });
    await page.waitForTimeout(500);
    await cdp.send('Tracing.end');
    await complete;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain')!;
    const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
    const ended = events.find((e) => e.name === 'TimeStamp' && JSON.stringify(e.args).includes(ENDED))!.ts;
    const timing = await page.textContent('#lab-timing');
    console.log(`run ${run}: ${timing?.trim()}`);
    console.log(`  during the run: ${describe(tasks.filter((t) => t.ts + t.dur! <= ended))}`);
    console.log(`  drawing the finished charts: ${describe(tasks.filter((t) => t.ts + t.dur! > ended))}`);
    await page.close();
  }
  console.log(`machine load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await site.close();
}
