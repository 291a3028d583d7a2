/**
 * Imports point down. Reads every import of src/, solvers/, theorems/, experiments/ and web/src/ (static,
 * re-exports, dynamic `import(…)`, `import('…').T` types) and fails on an arrow the layer table
 * forbids, on a module outside every layer, and on Node built-ins where code must also run in a browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
// web/vite.config.ts is build tooling that runs in Node, not page code: only web/src is a layer.
const SCANNED = ['src', 'solvers', 'theorems', 'experiments', 'web/src'];

type Layer = 'zfp' | 'sz' | 'array' | 'reference' | 'theorems' | 'solvers' | 'results' | 'analysis' | 'experiments' | 'report' | 'cli' | 'entry' | 'web';

/** Folder prefixes, most specific first; `src/index.ts` is the package's browser-safe entry. */
const LAYER_OF_PATH: readonly (readonly [string, Layer])[] = [
  ['src/zfp/', 'zfp'],
  ['src/sz/', 'sz'],
  ['src/array/', 'array'],
  ['src/reference/', 'reference'],
  ['src/results/', 'results'],
  ['src/analysis/', 'analysis'],
  ['src/report/', 'report'],
  ['src/cli/', 'cli'],
  ['src/index.ts', 'entry'],
  // The Node library API: the CLI's layer, as a module of its own.
  ['src/api.ts', 'cli'],
  ['solvers/', 'solvers'],
  ['theorems/', 'theorems'],
  ['experiments/', 'experiments'],
  ['web/src/', 'web'],
];

/** 'types': only `import type` (erased at run time), so the importer loads none of that layer's code. */
type Access = 'any' | 'types';

const CODECS = { zfp: 'any', sz: 'any' } as const;
const BELOW_ANALYSIS = { ...CODECS, array: 'any', reference: 'any', solvers: 'any', theorems: 'any', results: 'any' } as const;

/** Layer → what it may import besides itself (the architecture's table: cli, experiments, analysis, solvers, arrays, codecs). */
const MAY_IMPORT: Readonly<Record<Layer, Partial<Record<Layer, Access>>>> = {
  zfp: {},
  sz: {},
  reference: {},
  theorems: {},
  array: CODECS,
  solvers: { ...CODECS, array: 'any', reference: 'any' },
  // The schema names the runner's step record; the report, which reads the schema, must load no solver code.
  results: { solvers: 'types' },
  analysis: BELOW_ANALYSIS,
  experiments: { ...BELOW_ANALYSIS, analysis: 'any' },
  report: { results: 'any' },
  cli: { ...BELOW_ANALYSIS, analysis: 'any', experiments: 'any', report: 'any', entry: 'any' },
  entry: { ...BELOW_ANALYSIS, analysis: 'any', report: 'any' },
  // The page runs in a browser: every browser-safe layer, never the CLI (nor the pool drivers, below).
  web: { ...BELOW_ANALYSIS, analysis: 'any', experiments: 'any', report: 'any', entry: 'any' },
};

/** Files that may use Node built-ins outside src/cli: the experiments' worker-pool drivers. The web page may not import them. */
const NODE_ALLOWED_FILES = new Set(['experiments/pool.ts', 'experiments/task-worker.js']);

/** The modules that import by a computed path: the user's own problem module (`--problem my-step.mjs`), outside every layer by nature; a worker thread rebuilds it too. */
const USER_MODULE_LOADERS = new Set(['src/cli/problem-loader.ts', 'src/analysis/user-problem-source.ts']);

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]!);

interface ImportArrow {
  readonly from: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** Every import of one module, and whether it names the global `Buffer`. */
function scanModule(path: string, text: string): { arrows: ImportArrow[]; usesBuffer: boolean } {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const arrows: ImportArrow[] = [];
  let usesBuffer = false;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      arrows.push({ from: path, specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyImport(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      arrows.push({ from: path, specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyExport(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      // A computed specifier cannot be checked: refuse it rather than let it through.
      arrows.push({ from: path, specifier: argument && ts.isStringLiteralLike(argument) ? argument.text : '<computed>', typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      arrows.push({ from: path, specifier: node.argument.literal.text, typeOnly: true });
    } else if (ts.isIdentifier(node) && node.text === 'Buffer' && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      usesBuffer = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { arrows, usesBuffer };
}

function layerOf(path: string): Layer | null {
  return LAYER_OF_PATH.find(([prefix]) => path === prefix || path.startsWith(prefix))?.[1] ?? null;
}

/** What is wrong with one module's imports, one line per problem (empty when it follows the rules). */
function problemsOf(path: string, text: string, exists: (path: string) => boolean = () => true): string[] {
  const layer = layerOf(path);
  if (layer === null) return [`${path} is in no layer: add its folder to the layer table`];
  const { arrows, usesBuffer } = scanModule(path, text);
  const nodeAllowed = layer === 'cli' || NODE_ALLOWED_FILES.has(path);
  const problems: string[] = [];
  if (usesBuffer && !nodeAllowed) problems.push(`${path} uses Node's Buffer: use Uint8Array`);
  for (const { specifier, typeOnly } of arrows) {
    if (specifier === '<computed>') {
      if (!USER_MODULE_LOADERS.has(path)) problems.push(`${path} imports a computed specifier, which no check can follow`);
    } else if (specifier.startsWith('.')) {
      // A bundler's query (vite's `./w.ts?worker`) names how to load the file, not another file.
      const target = relative(ROOT, resolve(ROOT, dirname(path), specifier.split('?')[0]!)).split('\\').join('/');
      const targetLayer = layerOf(target);
      if (!exists(target)) problems.push(`${path} imports ${specifier}, which does not exist`);
      else if (targetLayer === null) problems.push(`${path} imports ${target}, which is in no layer`);
      else if (layer === 'web' && NODE_ALLOWED_FILES.has(target)) problems.push(`${path} (web) imports ${target}, which runs only in Node`);
      else if (targetLayer !== layer) {
        const access = MAY_IMPORT[layer][targetLayer];
        if (access === undefined || (access === 'types' && !typeOnly)) {
          problems.push(`${path} (${layer}) imports ${target} (${targetLayer})${access === 'types' ? ' for more than types' : ''}`);
        }
      }
    } else if (isBuiltin(specifier) && !nodeAllowed) {
      problems.push(`${path} imports the Node built-in "${specifier}"`);
    }
  }
  return problems;
}

function modulesUnder(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => `${dir}/${f.split('\\').join('/')}`);
}

describe('layers point down', () => {
  const modules = SCANNED.flatMap(modulesUnder);

  it('every module follows the layer table and uses no Node built-ins outside the CLI and the pool drivers', () => {
    expect(modules.length).toBeGreaterThan(100);
    const problems = modules.flatMap((path) => problemsOf(path, readFileSync(join(ROOT, path), 'utf8'), (p) => existsSync(join(ROOT, p))));
    expect(problems).toEqual([]);
  });

  it('sees every kind of import: the scan finds arrows the table must then judge', () => {
    const text = [
      "import { a } from '../x.ts';",
      "import type { T } from './t.ts';",
      "import { type U, type V } from './u.ts';",
      "export * from './y.ts';",
      "export type { W } from './w.ts';",
      "const m = await import('./z.ts');",
      "type Lazy = import('./lazy.ts').L;",
      "const name = 'Buffer'; // Buffer in a comment or a string is not a use",
    ].join('\n');
    expect(scanModule('src/a/m.ts', text)).toEqual({
      arrows: [
        { from: 'src/a/m.ts', specifier: '../x.ts', typeOnly: false },
        { from: 'src/a/m.ts', specifier: './t.ts', typeOnly: true },
        { from: 'src/a/m.ts', specifier: './u.ts', typeOnly: true },
        { from: 'src/a/m.ts', specifier: './y.ts', typeOnly: false },
        { from: 'src/a/m.ts', specifier: './w.ts', typeOnly: true },
        { from: 'src/a/m.ts', specifier: './z.ts', typeOnly: false },
        { from: 'src/a/m.ts', specifier: './lazy.ts', typeOnly: true },
      ],
      usesBuffer: false,
    });
  });

  it.each([
    ['src/report/html.ts', "import { summaryTable } from '../../experiments/summary.ts';", /\(report\) imports experiments\/summary\.ts \(experiments\)/],
    ['src/report/figures/groups.ts', "import { kindOf } from '../../analysis/representation-kind.ts';", /\(report\) imports src\/analysis/],
    ['src/results/schema.ts', "import { run } from '../../solvers/runner.ts';", /\(results\) imports solvers\/runner\.ts \(solvers\) for more than types/],
    ['theorems/kbeta.ts', "const zfp = await import('../src/zfp/params.ts');", /\(theorems\) imports src\/zfp\/params\.ts \(zfp\)/],
    ['src/zfp/header.ts', "import { ZfpArray } from '../array/zfp-array.ts';", /\(zfp\) imports src\/array/],
    ['solvers/runner.ts', "import { boundModel } from '../src/analysis/bound-model.ts';", /\(solvers\) imports src\/analysis/],
    ['src/analysis/evaluate.ts', "import { sweepSpecs } from '../../experiments/configs.ts';", /\(analysis\) imports experiments\/configs\.ts/],
    ['experiments/configs.ts', "import { guarded } from '../src/cli/errors.ts';", /\(experiments\) imports src\/cli\/errors\.ts \(cli\)/],
    ['src/array/block-store.ts', "import { readFileSync } from 'node:fs';", /Node built-in "node:fs"/],
    ['solvers/grid.ts', "import { join } from 'path';", /Node built-in "path"/],
    ['experiments/simulation.ts', "import { Worker } from 'worker_threads';", /Node built-in "worker_threads"/],
    ['src/zfp/bitstream.ts', 'export const bytes = Buffer.alloc(8);', /uses Node's Buffer/],
    ['src/analysis/choose.ts', 'const m = await import(name);', /computed specifier/],
    ['src/web/page.ts', "export const x = 1;", /in no layer/],
    ['web/src/block/block-view.ts', "import { CliUsageError } from '../../../src/cli/errors.ts';", /\(web\) imports src\/cli\/errors\.ts \(cli\)/],
    ['web/src/lab/run.ts', "import { workerPool } from '../../../experiments/pool.ts';", /\(web\) imports experiments\/pool\.ts, which runs only in Node/],
    ['web/src/ui/plotly.ts', "import { readFileSync } from 'node:fs';", /Node built-in "node:fs"/],
  ])('refuses a forbidden arrow: %s with %j', (path, text, message) => {
    const problems = problemsOf(path, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ['src/cli/output.ts', "import { writeFileSync } from 'node:fs';\nimport { renderReport } from '../report/html.ts';"],
    ['experiments/pool.ts', "import { availableParallelism } from 'node:os';"],
    ['src/results/schema.ts', "import type { StepRecord } from '../../solvers/runner.ts';"],
    ['src/analysis/evaluate.ts', "import { chooseBeta } from '../../theorems/index.ts';\nimport { kindOf } from './representation-kind.ts';"],
    ['web/src/block/block-model.ts', "import { stages } from '../../../src/zfp/index.ts';\nimport { kBeta } from '../../../theorems/index.ts';\nimport { real } from './format.ts';"],
    ['web/src/lab/lab-view.ts', "import Plotly from 'plotly.js-dist-min';\nimport RunWorker from './run-worker.ts?worker';\nimport { figure } from '../../../src/report/figure.ts';"],
  ])('allows an arrow pointing down: %s', (path, text) => {
    expect(problemsOf(path, text)).toEqual([]);
  });
});
