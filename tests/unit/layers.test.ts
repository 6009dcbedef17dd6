import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/*
 * Dependencies point one way: app → content runtime → figures → workers → lib → core. The content compiler
 * (src/content/compiler) and src/scripts are Node tools beside that stack: they may
 * read any layer but never the app, and no layer imports them. Nothing in src imports tests/. src/core is pure
 * numerics: no React, zustand, d3-selection, and no DOM globals. Workers are heavy-work entry points: they may
 * import core and the pure (non-React) part of lib.
 *
 * Every import in src is read with the TypeScript parser: static imports and re-exports, `import()`, `import('…')`
 * types (also in JSDoc, for the .mjs files), and workers spawned with `new URL('…', import.meta.url)`.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const STACK = ['core', 'lib', 'workers', 'figures', 'content', 'app'] as const;
type Layer = (typeof STACK)[number] | 'compiler' | 'scripts' | 'tests' | 'outside';
const TOOLS: Layer[] = ['compiler', 'scripts'];
const NOT_IN_CORE = ['react', 'react-dom', 'zustand', 'd3-selection'];
const NOT_IN_WORKERS = ['react', 'react-dom', 'zustand', 'd3-selection'];
const DOM_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'requestAnimationFrame', 'cancelAnimationFrame', 'HTMLElement', 'HTMLCanvasElement', 'CanvasRenderingContext2D', 'OffscreenCanvas', 'ImageData', 'Worker', 'self']);

/** Which layer a repository path (posix, relative to the root, extension optional) belongs to. */
export function layerOf(path: string): Layer {
  const under = (dir: string) => path === dir || path.startsWith(`${dir}/`);
  if (under('tests')) return 'tests';
  if (under('src/content/compiler')) return 'compiler';
  if (under('src/scripts')) return 'scripts';
  for (const layer of STACK) if (under(`src/${layer}`)) return layer;
  if (/^src\/(main|offline)(\.tsx?)?$/.test(path)) return 'app';
  return 'outside';
}

interface Found {
  spec: string;
  line: number;
}

/** Every module specifier a file names, with its line. */
export function importsOf(file: string, text: string): Found[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.m?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: Found[] = [];
  const add = (lit: ts.Node | undefined) => {
    if (lit && ts.isStringLiteralLike(lit)) out.push({ spec: lit.text, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1 });
  };
  const isImportMetaUrl = (n: ts.Node | undefined) => !!n && ts.isPropertyAccessExpression(n) && ts.isMetaProperty(n.expression) && n.name.text === 'url';
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && isImportMetaUrl(node.arguments?.[1])) add(node.arguments?.[0]);
    ts.forEachChild(node, visit);
    for (const doc of (node as { jsDoc?: ts.Node[] }).jsDoc ?? []) visit(doc);
  };
  visit(sf);
  return out;
}

/** Lines of `file` that use a DOM global (an identifier in DOM_GLOBALS that is not a property name or a declaration). */
function domUses(file: string, text: string): Found[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text)) {
      const p = node.parent;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isQualifiedName(p) && p.right === node) || ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isMethodDeclaration(p) || ts.isBindingElement(p)) && p.name === node);
      if (!isName) out.push({ spec: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = posix.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(tsx?|mjs|mts)$/.test(d.name) ? [path] : [];
  });
}

function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why the import `spec` in `file` breaks the layering, or null. */
export function violation(file: string, spec: string): string | null {
  const from = layerOf(file);
  if (!spec.startsWith('.')) {
    const pkg = packageOf(spec);
    if (from === 'core' && NOT_IN_CORE.includes(pkg)) return `src/core must not import ${pkg}`;
    if (from === 'workers' && NOT_IN_WORKERS.includes(pkg)) return `a worker must not import ${pkg}`;
    return null;
  }
  const target = posix.normalize(posix.join(posix.dirname(file), spec));
  const to = layerOf(target);
  if (to === 'tests') return 'src must not import tests/';
  if (TOOLS.includes(from)) return to === 'app' ? `${from} (a Node tool) must not import the app` : null;
  if (TOOLS.includes(to)) return `the ${from} layer must not import ${to} (a Node tool)`;
  if (to === 'outside') return null;
  if (from === 'outside') return `${file} is in no layer: put it in one of src/{${STACK.join(',')}}`;
  if (from === 'workers' && target.endsWith('.tsx')) return 'a worker may import only pure modules (no .tsx)';
  const rank = (l: Layer) => (STACK as readonly Layer[]).indexOf(l);
  const up = rank(to) > rank(from);
  return up ? `runs up the layer order (${from} → ${to}; the order is ${[...STACK].reverse().join(' → ')})` : null;
}

function collect(): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    if (layerOf(file) === 'outside' && !file.endsWith('.d.ts')) problems.push(`${file}: in no layer (put it under src/{${STACK.join(',')}} or a tool folder)`);
    for (const { spec, line } of importsOf(file, text)) {
      const why = violation(file, spec);
      if (why) problems.push(`${file}:${line} → '${spec}': ${why}`);
    }
    if (layerOf(file) === 'core') for (const { spec, line } of domUses(file, text)) problems.push(`${file}:${line} → ${spec}: src/core must not use the DOM`);
  }
  return problems;
}

describe('layers', () => {
  it('every import in src points down the layer order', () => {
    const problems = collect();
    expect(problems, `\n${problems.length} import(s) break the layering:\n  ${problems.join('\n  ')}\n`).toEqual([]);
  });

  it('classifies paths and reads every kind of import', () => {
    expect(layerOf('src/content/compiler/compile.ts')).toBe('compiler');
    expect(layerOf('src/content/runtime/ChapterView.tsx')).toBe('content');
    expect(layerOf('src/content')).toBe('content');
    expect(layerOf('src/main.tsx')).toBe('app');
    const text = [
      "import a from './a';",
      "export { b } from '../b';",
      "const c = () => import('./c');",
      "type D = import('./d').D;",
      "/** @typedef {import('./e').E} E */",
      "new Worker(new URL('./f.worker.ts', import.meta.url));",
      "new URL('./not-a-module', 'https://example.org/');",
    ].join('\n');
    expect(importsOf('src/x.mjs', text).map((f) => f.spec).sort()).toEqual(['../b', './a', './c', './d', './e', './f.worker.ts']);
    expect(violation('src/lib/theme.ts', '../figures/registry')).toMatch(/runs up the layer order \(lib → figures/);
    expect(violation('src/lib/capacity/client.ts', '../../workers/capacity.worker.ts')).toMatch(/lib → workers/);
    expect(violation('src/core/rng.ts', 'react')).toMatch(/must not import react/);
    expect(violation('src/scripts/snapshots.ts', '../../tests/e2e/browser')).toMatch(/must not import tests/);
    expect(violation('src/content/compiler/prerender.ts', '../../app/titlePage')).toMatch(/must not import the app/);
    expect(violation('src/app/App.tsx', '../figures/host/FigureHost')).toBeNull();
    expect(domUses('src/core/x.ts', 'const w = window.innerWidth; const o = { document: 1 }; o.document;').map((f) => f.spec)).toEqual(['window']);
  });
});
