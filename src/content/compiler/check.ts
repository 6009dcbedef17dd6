/*
 * `npm run check`: compiles every chapter against the bibliography and the figures' declarations, without
 * building the site, and prints every problem as `file:line:column: reason`. Exits 1 on any error.
 * Run under tsx (`node --import tsx`): it imports the figures' meta.ts files. Parsed chapters and accepted
 * TeX are cached by content hash in node_modules/.cache/essay-content, so a check re-parses only what changed.
 */
import { performance } from 'node:perf_hooks';
import { formatDiagnostic } from '../types';
import { loadFigureMetas } from './figureMetas';
import { compileFromDisk } from './load';

const t0 = performance.now();
const root = process.cwd();
const { figures, diagnostics: figureProblems } = await loadFigureMetas(root);
const { manifest, diagnostics } = await compileFromDisk(root, figures, process.env.ESSAY_CONTENT ?? 'content', 'check');
const all = [...figureProblems, ...diagnostics];
for (const d of all) console.log(formatDiagnostic(d));
const errors = all.filter((d) => d.severity === 'error').length;
const warnings = all.length - errors;
const chapters = manifest.chapters.length;
const eqs = manifest.chapters.reduce((n, c) => n + c.equations.length, 0);
const figs = manifest.chapters.reduce((n, c) => n + c.figures.length, 0);
console.log(
  `${errors ? '✗' : '✓'} ${chapters} chapter${chapters === 1 ? '' : 's'}, ${eqs} numbered equations, ${figs} figures, ${manifest.bibliography.length} cited works, ` +
    `${Object.keys(figures).length} figure declarations: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${Math.round(performance.now() - t0)} ms)`,
);
process.exitCode = errors ? 1 : 0;
