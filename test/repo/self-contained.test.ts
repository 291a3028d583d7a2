/**
 * The repository stands alone: no tracked file points at a path outside it (a user's clone has
 * nothing beside it), and every relative link in a tracked Markdown file or notebook lands on a
 * tracked file (and, with a #fragment, on a heading that exists).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Built from pieces so that this file does not match its own patterns.
const SLASH = '/';
const OUTSIDE: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'the specification folder beside the repository', pattern: new RegExp(`\\.\\.${SLASH}shared\\b`) },
  { what: 'a specification folder', pattern: new RegExp(`\\bshared${SLASH}(?:math|design|seeds|hooks)\\b`) },
  { what: 'an absolute path of the machine the workbench was built on', pattern: new RegExp(`(?:^|[^\\w.~-])${SLASH}work${SLASH}`) },
];

/** "path:line: what" for every line of `text` that points outside the repository. */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { what, pattern } of OUTSIDE) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}`);
  });
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats numbered as GitHub does) and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = headingSlug(heading[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** The text with fenced code blocks and inline code spans blanked, so examples are not read as links. */
function withoutFences(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^ {0,3}(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

/** Fenced blocks and inline code spans blanked: links inside them are examples, not links. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`+[^`\n]*`+/g, '');
}

/** Link targets of a Markdown file: inline links and images, reference definitions, HTML href/src. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g)) targets.push(m[1]!);
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm)) targets.push(m[1]!);
  for (const m of text.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)) targets.push(m[1]!);
  return targets;
}

interface LinkContext {
  /** Repository-relative path of the Markdown file. */
  readonly file: string;
  /** Tracked files, repository-relative with forward slashes. */
  readonly tracked: ReadonlySet<string>;
  /** Anchors of a tracked Markdown file. */
  readonly anchors: (file: string) => Set<string>;
}

/** Why a link target is broken, or null when it is fine (external links are not checked here). */
function brokenLink(target: string, { file, tracked, anchors }: LinkContext): string | null {
  if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null;
  const [pathPart, fragment] = target.split('#', 2) as [string, string | undefined];
  const decoded = decodeURIComponent(pathPart.split('?')[0]!);
  const resolved = decoded === '' ? file : decoded.startsWith('/') ? path.posix.normalize(decoded.slice(1)) : path.posix.join(path.posix.dirname(file), decoded);
  if (resolved === '..' || resolved.startsWith('../')) return `${target} leaves the repository`;
  const target_ = resolved.replace(/\/$/, '');
  const isFile = tracked.has(target_);
  const isFolder = !isFile && [...tracked].some((t) => t.startsWith(`${target_}/`));
  if (!isFile && !isFolder) return `${target} is not a tracked file`;
  if (fragment !== undefined && isFile && target_.endsWith('.md') && !anchors(target_).has(decodeURIComponent(fragment))) {
    return `${target}: ${target_} has no heading #${fragment}`;
  }
  return null;
}

/** The Markdown a file shows: a .md file whole, a notebook's markdown cells. */
function markdownOf(file: string, text: string): string {
  if (file.endsWith('.md')) return text;
  const notebook = JSON.parse(text) as { cells: { cell_type: string; source: string | string[] }[] };
  return notebook.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .join('\n\n');
}

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && existsSync(path.join(root, f)));
}

/** Text of a tracked file, or null for binary files (a NUL byte in the first 8 KiB, as git decides). */
function textOf(file: string): string | null {
  const bytes = readFileSync(path.join(root, file));
  return bytes.subarray(0, 8192).includes(0) ? null : bytes.toString('utf8');
}

describe('the checks themselves', () => {
  const tracked = new Set(['README.md', 'docs/theory.md', 'docs/img/plot.png', 'theorems/README.md']);
  const anchors = (f: string) => (f === 'docs/theory.md' ? anchorsOf('# Theory\n## 1. Single use of ZFP: K_β\n```\n# not a heading\n```\n## Notes\n## Notes\n') : new Set<string>());
  const at = (file: string) => ({ file, tracked, anchors });

  it('finds references to the specification and to absolute machine paths', () => {
    const up = ['..', 'shared', 'math', 'notes.md'].join(SLASH);
    const spec = ['shared', 'design', 'layout.md'].join(SLASH);
    const abs = ['', 'work', 'wt', 'x'].join(SLASH);
    expect(outsideReferences('a.md', `ok\nsee ${up}\n${spec}\ncd ${abs}`)).toEqual([
      'a.md:2: the specification folder beside the repository',
      'a.md:2: a specification folder',
      'a.md:3: a specification folder',
      'a.md:4: an absolute path of the machine the workbench was built on',
    ]);
    expect(outsideReferences('b.md', 'shared state, ./work/, network/workers, docs/theory.md')).toEqual([]);
  });

  it('slugs headings as GitHub does', () => {
    expect([...anchorsOf('# Theory\n## 1. Single use of ZFP: K_β\n## Notes\n## Notes\n')]).toEqual(['theory', '1-single-use-of-zfp-k_β', 'notes', 'notes-1']);
    expect(headingSlug('Theorem 3.12 (power-bounded), `A^n`')).toBe('theorem-312-power-bounded-an');
  });

  it('reads inline links, images and reference definitions, not code', () => {
    expect(linkTargets('[a](docs/x.md) ![b](img.png "t")\n`[c](no.md)`\n```\n[d](no.md)\n```\n[e]: ../y.md\n<img src="z.png">')).toEqual([
      'docs/x.md',
      'img.png',
      '../y.md',
      'z.png',
    ]);
  });

  it('accepts tracked files, folders, anchors and external links; refuses the rest', () => {
    expect(brokenLink('docs/theory.md#notes-1', at('README.md'))).toBeNull();
    expect(brokenLink('../docs/theory.md#1-single-use-of-zfp-k_β', at('theorems/README.md'))).toBeNull();
    expect(brokenLink('img/plot.png', at('docs/theory.md'))).toBeNull();
    expect(brokenLink('docs/', at('README.md'))).toBeNull();
    expect(brokenLink('https://example.org/x', at('README.md'))).toBeNull();
    expect(brokenLink('../docs/theory.md', at('README.md'))).toBe('../docs/theory.md leaves the repository');
    expect(brokenLink('docs/cli.md', at('README.md'))).toBe('docs/cli.md is not a tracked file');
    expect(brokenLink('docs/theory.md#section-9', at('README.md'))).toBe('docs/theory.md#section-9: docs/theory.md has no heading #section-9');
  });
});

describe('the repository stands alone', () => {
  const files = trackedFiles();
  const texts = new Map(files.map((f) => [f, textOf(f)]));

  it('lists its tracked files', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
  });

  it('no tracked file refers to a path outside the repository', () => {
    const found = files.flatMap((f) => {
      const text = texts.get(f);
      return text === null || text === undefined ? [] : outsideReferences(f, text);
    });
    expect(found).toEqual([]);
  });

  it('every relative link in a tracked Markdown file or notebook resolves to a tracked file', () => {
    const tracked = new Set(files);
    const anchorCache = new Map<string, Set<string>>();
    const anchors = (f: string): Set<string> => {
      if (!anchorCache.has(f)) anchorCache.set(f, anchorsOf(texts.get(f) ?? ''));
      return anchorCache.get(f)!;
    };
    const documents = files.filter((f) => f.endsWith('.md') || f.endsWith('.ipynb'));
    expect(documents.length).toBeGreaterThan(0);
    const broken = documents.flatMap((file) =>
      linkTargets(markdownOf(file, texts.get(file) ?? '')).flatMap((target) => {
        const why = brokenLink(target, { file, tracked, anchors });
        return why === null ? [] : [`${file}: ${why}`];
      }),
    );
    expect(broken).toEqual([]);
  });
});
