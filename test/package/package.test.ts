/**
 * The package as another project gets it: `npm pack`, the tarball installed into a scratch project,
 * then plain Node (no tsx) imports every entry point, round-trips a field, runs a built-in problem
 * and the `zfpwb` binary; and esbuild bundles the browser-safe entry points for Chromium.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const scratch = mkdtempSync(join(tmpdir(), 'zfpwb-package-'));
const installed = join(scratch, 'node_modules/zfp-workbench');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; dependencies: Record<string, string> };

/** Plain node in the scratch project: no loader, no flags. */
function node(args: readonly string[]) {
  const r = spawnSync(process.execPath, args, { cwd: scratch, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // prepack builds dist/ first, so the tarball holds what `npm run build` writes now.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string }[];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, packed!.filename)], { cwd: scratch, stdio: 'ignore' });
}, 900_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the npm package in another project', () => {
  it('ships compiled JavaScript and declarations only, with no TypeScript sources and no tsx', () => {
    expect(existsSync(join(installed, 'dist/src/zfp/index.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/src/zfp/index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(scratch, 'node_modules/tsx'))).toBe(false);
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
  });

  it('depends at run time on exactly the packages its compiled code imports', () => {
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) {
          for (const [, spec] of readFileSync(path, 'utf8').matchAll(/(?:from |import\()\s*['"]([^'"]+)['"]/g)) {
            if (spec!.startsWith('.') || spec!.startsWith('node:')) continue;
            imported.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
          }
        }
      }
    };
    walk(join(installed, 'dist'));
    // plotly.js-dist-min is read as a file (createRequire(…).resolve), not imported; @types/* serve the declarations.
    const runtime = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@types/'));
    expect([...imported, 'plotly.js-dist-min'].sort()).toEqual(runtime.sort());
  });

  it('imports every entry point with plain node', () => {
    const entries = Object.keys(manifest.exports).map((key) => `zfp-workbench${key.slice(1)}`);
    writeFileSync(join(scratch, 'entries.mjs'), `for (const e of ${JSON.stringify(entries)}) { const m = await import(e); console.log(e, Object.keys(m).length); }`);
    const r = node(['entries.mjs']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const entry of entries) expect(r.out).toMatch(new RegExp(`^${entry} [1-9]\\d*$`, 'm'));
  });

  it('type-checks a TypeScript consumer against the declarations (nodenext, strict, no skipLibCheck)', () => {
    writeFileSync(
      join(scratch, 'consumer.ts'),
      `import * as workbench from 'zfp-workbench';
import { compress, type Compressed } from 'zfp-workbench/zfp';
import { ZfpArray, type FieldSource } from 'zfp-workbench/array';
import { kBeta } from 'zfp-workbench/theorems';
import { problems } from 'zfp-workbench/solvers';
import { experiments, type ExperimentResult } from 'zfp-workbench/experiments';
const c: Compressed = compress({ type: 'float64', shape: [4], data: new Float64Array(4) }, { mode: 'reversible' });
const source: FieldSource = new Float64Array(16);
export const used: unknown[] = [c.bytes.length, kBeta(20, 2, 'float64'), ZfpArray, source, problems, experiments, workbench.zfp, null as ExperimentResult | null];`,
    );
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], strict: true, noEmit: true }, files: ['consumer.ts'] }));
    const r = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', scratch]);
    expect(r.out + r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('runs a user problem through zfp-workbench/api: a JSON file and a defineProblem module, validated and reported', () => {
    writeFileSync(join(scratch, 'heat.json'), readFileSync(join(ROOT, 'examples/problems/anisotropic-heat.json')));
    writeFileSync(
      join(scratch, 'halve.mjs'),
      `import { defineProblem } from 'zfp-workbench';
export default defineProblem({ name: 'halve', shape: [16], steps: 5, initial: new Float64Array(16).fill(1), step: (s, d) => d.forEach((_, i) => (d[i] = 0.5 * s[i])) });`,
    );
    writeFileSync(
      join(scratch, 'api.mjs'),
      `import { loadProblem, validate, writeReport } from 'zfp-workbench/api';
const heat = await loadProblem('heat.json', { steps: 20 });
const fromFile = validate(heat, { mode: 'precision', precision: 20 });
const fromModule = validate(await loadProblem('halve.mjs'), { mode: 'precision', precision: 20 });
const { html } = writeReport(fromFile, 'report');
console.log(JSON.stringify({ held: fromFile.runs[0].summary.boundHeld, theorem: fromModule.runs[0].summary.theorem, html }));`,
    );
    const r = node(['api.mjs']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { held: boolean; theorem: string; html: string };
    expect(out.held).toBe(true);
    expect(out.theorem).toMatch(/estimated, not proven/);
    expect(existsSync(out.html)).toBe(true);
  });

  it('round-trips a field through compress/decompress and runs a built-in problem inline', () => {
    writeFileSync(
      join(scratch, 'use.mjs'),
      `import { compress, decompress } from 'zfp-workbench/zfp';
import { experiments } from 'zfp-workbench/experiments';
const data = Float64Array.from({ length: 32 * 32 }, (_, i) => Math.sin(i / 50));
const { bytes } = compress({ type: 'float64', shape: [32, 32], data }, { mode: 'reversible' }, { header: true });
const back = decompress(bytes, { header: true });
const same = back.data.every((v, i) => v === data[i]);
const result = await experiments.advection1d.run({ quick: true });
console.log(JSON.stringify({ same, bytes: bytes.length, runs: result.runs.length, held: result.runs.every((r) => r.summary.boundHeld) }));`,
    );
    const r = node(['use.mjs']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { same: boolean; bytes: number; runs: number; held: boolean };
    expect(out.same).toBe(true);
    expect(out.bytes).toBeLessThan(32 * 32 * 8);
    expect(out.runs).toBeGreaterThan(0);
    expect(out.held).toBe(true);
  }, 600_000);

  it('runs the zfpwb binary: --version, zfp byte-for-byte as a round trip, an experiment on worker threads', () => {
    const bin = join(scratch, 'node_modules/.bin/zfpwb');
    expect(node([bin, '--version']).out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const raw = join(scratch, 'field.raw');
    writeFileSync(raw, new Float64Array(Array.from({ length: 64 * 64 }, (_, i) => Math.cos(i / 90))));
    const z = node([bin, 'zfp', '-d', '-2', '64', '64', '-R', '-i', raw, '-z', join(scratch, 'field.zfp'), '-o', join(scratch, 'back.raw')]);
    expect(z.code).toBe(0);
    expect(readFileSync(join(scratch, 'back.raw')).equals(readFileSync(raw))).toBe(true);
    // Not --inline: the pool's worker file must load from the installed dist/.
    const e = node([bin, 'experiment', 'advection1d', '--quick', '--out', join(scratch, 'reports')]);
    expect(e.err).toMatch(/advection1d: \d+\/\d+ runs done/);
    expect(e.code).toBe(0);
    expect(existsSync(join(scratch, 'reports/advection1d.html'))).toBe(true);
    const bad = node([bin, 'validate', '--solver', 'diffusion2d']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  }, 600_000);
});

describe('zfp-workbench/zfp and zfp-workbench/theorems bundled for the browser', () => {
  it('round-trips a field and evaluates theorems in Chromium', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh (as root) to install Debian's chromium`);
    writeFileSync(
      join(scratch, 'browser-entry.mjs'),
      `import { compress, decompress } from 'zfp-workbench/zfp';
import { kBeta, spectralRadius } from 'zfp-workbench/theorems';
const data = Float64Array.from({ length: 16 * 16 * 16 }, (_, i) => Math.sin(i / 300));
const { bytes } = compress({ type: 'float64', shape: [16, 16, 16], data }, { mode: 'precision', precision: 24 }, { header: true });
const back = decompress(bytes, { header: true });
const maxError = Math.max(...back.data.map((v, i) => Math.abs(v - data[i])));
window.result = { bytes: bytes.length, maxError, k: kBeta(24, 3, 'float64'), rho: spectralRadius([[0, 1], [-0.25, 0]]) };`,
    );
    const bundle = join(scratch, 'bundle.js');
    await build({ entryPoints: [join(scratch, 'browser-entry.mjs')], bundle: true, platform: 'browser', format: 'esm', outfile: bundle, absWorkingDir: scratch, logLevel: 'silent' });
    writeFileSync(join(scratch, 'page.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="bundle.js"></script>');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.goto(pathToFileURL(join(scratch, 'page.html')).href);
      const handle = await page.waitForFunction(() => (window as unknown as { result?: unknown }).result, null, { timeout: 60_000 });
      const r = (await handle.jsonValue()) as { bytes: number; maxError: number; k: number; rho: number };
      expect(problems).toEqual([]);
      expect(r.bytes).toBeGreaterThan(0);
      expect(r.maxError).toBeGreaterThan(0);
      expect(r.maxError).toBeLessThan(1e-4);
      expect(r.k).toBeGreaterThan(0);
      expect(r.rho).toBeCloseTo(0.5, 12);
    } finally {
      await browser.close();
    }
  });
});
