import type { Heading, Text as MdText } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { FigureMeta } from '../../lib/figure/spec';
import type { BibEntryInfo, ChapterContent, ChapterInfo, Diagnostic, EssayManifest } from '../types';
import type { BibRecord, ParsedBib } from './bib';
import { auditChapter, urlProblem } from './audit';
import { contentKey, type ContentCache } from './cache';
import { idRegistry, reporter, type ChapterContext, type EssayContext, type Report } from './context';
import { directive } from './directives';
import { collectLabels, equationBlock } from './labels';
import { checkMath } from './math';
import { baseName, parseChapter, type ContentSource, type ParsedChapter } from './parse';
import { splitText } from './references';
import { renderChapter } from './render';
import { htmlGate } from './sanitize';
import { slugify } from './text';
import { checkNotationLinks } from './symbols';
import { collectTargets } from './xrefs';
import { transformChildren, type Action, type DirectiveNode, type MathNode } from './tree';

/*
 * The build-time content compiler: markdown chapters in, typeset HTML and a manifest out.
 *
 *   parse.ts       frontmatter + remark (GFM, math, directives)                      → mdast per chapter
 *   labels.ts      every equation label in the essay, numbered in reading order
 *   this file      one walk per chapter: headings → sections, $$ → numbered equations (labels.ts),
 *                  prose → citations, @eq:, @ch: and @fig: references (references.ts, xrefs.ts), ::figure / :::aside /
 *                  :::notes (directives.ts), :sym / ::notation-table (symbols.ts), :num (numbers.ts, experiments.ts)
 *   render.ts      remark-rehype + rehype-katex                                       → HTML segments
 *   math.ts        (check mode) every formula parsed by KaTeX, without rendering
 *
 * Everything an author can get wrong becomes a Diagnostic with file:line:column and a one-line reason;
 * the Vite plugin stops the build on errors and `npm run check` prints them all.
 */

export { CHAPTER_FILE, type ContentSource } from './parse';
export { parseMathMeta } from './labels';
export { KATEX_MACROS } from './math';
export type { ContentCache } from './cache';

export interface CompileInput {
  chapters: ContentSource[];
  /** The bibliography, parsed by `prepareBib`. */
  bib: ParsedBib | null;
  figures: Record<string, FigureMeta>;
  /**
   * 'render' (default) produces the HTML; 'check' finds the same problems without producing HTML
   * (TeX is parsed, not rendered), for `npm run check`.
   */
  mode?: 'render' | 'check';
  /** Parsed trees and known-good inputs from earlier runs, so a check re-parses only what changed. */
  cache?: ContentCache;
}

export interface CompiledEssay {
  manifest: EssayManifest;
  contents: ChapterContent[];
  diagnostics: Diagnostic[];
}

export async function compileEssay(input: CompileInput): Promise<CompiledEssay> {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(diagnostics);
  const entries = input.bib?.entries ?? new Map<string, BibRecord>();
  diagnostics.push(...(input.bib?.diagnostics ?? []));

  const parsed: ParsedChapter[] = [];
  const orders = new Map<string, string>();
  for (const src of [...input.chapters].sort((a, b) => baseName(a.file).localeCompare(baseName(b.file)))) {
    const p = await parseChapter(src, report, input.cache);
    if (!p) continue;
    const prev = orders.get(p.order);
    if (prev) report(src.file, { line: 1, column: 1 }, `chapter number ${p.order} is also used by ${prev}`);
    orders.set(p.order, src.file);
    parsed.push(p);
  }

  const labels = collectLabels(parsed, report);
  const uniqueId = idRegistry();
  for (const ch of parsed) ch.slug = uniqueId(ch.slug);
  const targets = collectTargets(parsed, input.figures);
  const essay: EssayContext = { report, bib: input.bib, entries, figures: input.figures, labels, targets, experiments: new Map(), symbols: { anchored: new Set(), tables: [] }, citeOrder: new Map(), figureCount: 0, figureAnchors: new Map(), uniqueId };
  for (const l of labels.values()) essay.uniqueId(`eq-${l.label}`);

  const chapters: ChapterInfo[] = [];
  const contents: ChapterContent[] = [];
  for (const [ci, ch] of parsed.entries()) {
    const safe = await checkHtml(ch, report, input.cache);
    const ctx = transformChapter(ch, ci + 1, essay);
    if (input.mode === 'check') await checkMath(ch.tree, ctx.file, report, input.cache);
    contents.push(input.mode === 'check' ? { slug: ch.slug, segments: [], notes: [] } : await renderChapter(ch.tree, ctx, safe));
    chapters.push(ctx.info);
  }
  checkNotationLinks(essay);

  const gate = input.mode === 'check' ? null : await htmlGate();
  const bibliography: BibEntryInfo[] = [...essay.citeOrder.entries()].map(([key, number]) => {
    const rec = entries.get(key)!;
    const unsafe = rec.url ? urlProblem(rec.url, 'link') : undefined;
    if (unsafe) report(input.bib?.file ?? '', { line: rec.line, column: 1 }, `unsafe link in "${key}": ${unsafe}`);
    const html = gate ? gate(rec.html).html : rec.html;
    return { key, number, html, short: rec.short, ...(rec.url && !unsafe ? { url: rec.url } : {}) };
  });
  diagnostics.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file.localeCompare(b.file)));
  return { manifest: { chapters, bibliography }, contents, diagnostics };
}

/** The chapter's authored HTML, links and images against the allowlist (remembered when they pass). */
async function checkHtml(ch: ParsedChapter, report: Report, cache?: ContentCache): Promise<boolean> {
  const key = contentKey('html-v1', ch.body);
  if (cache?.ok(key)) return true;
  const safe = (await auditChapter(ch.tree, ch.source.file, report)) === 0;
  if (safe) cache?.setOk(key);
  return safe;
}

/** Pass 2: one pre-order walk of a chapter's tree, filling in its manifest entry. */
function transformChapter(ch: ParsedChapter, number: number, essay: EssayContext): ChapterContext {
  const info: ChapterInfo = {
    slug: ch.slug,
    number,
    file: ch.source.file,
    title: ch.title,
    summary: ch.summary,
    ...(ch.lecture ? { lecture: ch.lecture } : {}),
    sections: [],
    equations: [],
    figures: [],
    citations: [],
  };
  const ctx: ChapterContext = { essay, file: ch.source.file, body: ch.body, info, sectionById: new Map(), section: ch.slug, figureIndex: 0 };
  transformChildren(ch.tree, (node, parent): Action => {
    switch (node.type) {
      case 'heading':
        section(node, ctx);
        return 'descend';
      case 'math':
        equationBlock(node as unknown as MathNode, ctx);
        return 'skip';
      case 'text': {
        const out = splitText(node as MdText, ctx);
        return out ? { replace: out } : 'skip';
      }
      case 'leafDirective':
      case 'containerDirective':
      case 'textDirective':
        return directive(node as unknown as DirectiveNode, parent, ctx);
      default:
        return 'descend';
    }
  });
  return ctx;
}

/** A heading opens a section: an id unique in the essay, and an entry in the manifest. */
function section(h: Heading, ctx: ChapterContext): void {
  if (h.depth === 1) ctx.essay.report(ctx.file, h.position?.start, 'use ## for sections: the chapter title comes from the frontmatter', 'warning');
  const title = toString(h).trim();
  const id = ctx.essay.uniqueId(slugify(title));
  ctx.section = id;
  const s = { id, title, depth: h.depth, equations: [], figures: [], notes: [] };
  ctx.info.sections.push(s);
  ctx.sectionById.set(id, s);
  h.data = { ...h.data, hName: `h${Math.min(6, h.depth + 1)}`, hProperties: { id } };
}
