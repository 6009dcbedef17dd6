import { createHash } from 'node:crypto';
import { toString } from 'mdast-util-to-string';
import YAML from 'yaml';
import type { Root as MdRoot, RootContent as MdContent, Parent as MdParent, Text as MdText, Heading } from 'mdast';
import type { Root as HRoot, RootContent as HContent, Element as HElement } from 'hast';
import type { Position } from 'unist';
import { hostAttrs, TRANSPORT_ATTRS, validateProps, type FigureMeta } from '../../lib/figure/spec';
import type { ChapterContent, ChapterInfo, Diagnostic, EquationInfo, EssayManifest, FigureInfo, Segment, SectionInfo, BibEntryInfo } from '../types';
import type { BibRecord, ParsedBib } from './bib';
import { lineColAt, slugify } from './text';

/*
 * The build-time content pipeline: markdown chapters in, typeset HTML and a manifest out.
 *
 *   remark-parse + remark-gfm + remark-math + remark-directive   → mdast
 *   our passes: equation labels/numbers, @eq: references, [@key] citations, ::figure directives,
 *               :::aside / :::notes containers, heading ids                    → mdast with hast hints
 *   remark-rehype + rehype-katex (math typeset here, at build time)            → hast → HTML segments
 *
 * Everything an author can get wrong becomes a Diagnostic with file:line:column and a one-line reason;
 * the Vite plugin stops the build on errors and `npm run check` prints them all.
 */

export interface ContentSource {
  /** Path relative to the project root, e.g. `content/01-introduction.md` (used in messages). */
  file: string;
  text: string;
}

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
  /** Parsed trees and known-good TeX from earlier runs, so a check re-parses only what changed. */
  cache?: ContentCache;
}

/** What compileEssay may remember between runs (load.ts keeps it on disk). Keys are content hashes. */
export interface ContentCache {
  tree(key: string): string | undefined;
  setTree(key: string, json: string): void;
  texOk(key: string): boolean;
  setTexOk(key: string): void;
}

function hash(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

let parser: ((body: string) => MdRoot) | null = null;
/** remark with GFM, math and directives; loaded on first use (a check with every chapter cached skips it). */
async function markdownParser(): Promise<(body: string) => MdRoot> {
  if (parser) return parser;
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkMath }, { default: remarkDirective }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-math'),
    import('remark-directive'),
  ]);
  const p = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkDirective);
  parser = (body) => p.parse(body) as MdRoot;
  return parser;
}

export interface CompiledEssay {
  manifest: EssayManifest;
  contents: ChapterContent[];
  diagnostics: Diagnostic[];
}

/** Chapter files: `NN-slug.md`. */
export const CHAPTER_FILE = /^(\d\d)-([a-z0-9][a-z0-9-]*)\.md$/;

/** Authors' TeX macros shared by every chapter. */
export const KATEX_MACROS: Record<string, string> = {};

const KATEX_OPTIONS = {
  strict: false as const,
  trust: (ctx: { command: string }) => ctx.command === '\\htmlClass' || ctx.command === '\\htmlData' || ctx.command === '\\htmlId',
  macros: KATEX_MACROS,
};


interface ParsedChapter {
  source: ContentSource;
  slug: string;
  order: string;
  title: string;
  summary: string;
  lecture?: string;
  body: string;
  tree: MdRoot;
}

interface LabelDef {
  label: string;
  number: number;
  survey?: string;
  file: string;
  line: number;
}

interface MathNode {
  type: 'math';
  value: string;
  meta?: string | null;
  position?: Position;
  data?: Record<string, unknown>;
}

interface DirectiveNode extends MdParent {
  type: 'containerDirective' | 'leafDirective' | 'textDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
}

/** The HTML half of the pipeline, loaded only when rendering (a check does without it, and starts faster). */
async function renderers() {
  const [{ unified }, { default: remarkRehype }, { default: rehypeKatex }, { toHtml }, { VFile }] = await Promise.all([
    import('unified'),
    import('remark-rehype'),
    import('rehype-katex'),
    import('hast-util-to-html'),
    import('vfile'),
  ]);
  return { unified, remarkRehype, rehypeKatex, toHtml, VFile };
}

export async function compileEssay(input: CompileInput): Promise<CompiledEssay> {
  const r = input.mode === 'check' ? null : await renderers();
  const diagnostics: Diagnostic[] = [];
  const err = (file: string, pos: { line: number; column: number } | undefined, reason: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, line: pos?.line ?? 1, column: pos?.column ?? 1, reason, severity });

  const bib = input.bib ?? { file: '', entries: new Map<string, BibRecord>(), diagnostics: [] };
  diagnostics.push(...bib.diagnostics);

  const sorted = [...input.chapters].sort((a, b) => baseName(a.file).localeCompare(baseName(b.file)));
  const parsed: ParsedChapter[] = [];
  const orders = new Map<string, string>();
  for (const src of sorted) {
    const p = parseChapter(src, err);
    if (!p) continue;
    const key = hash('mdast-v1', p.body);
    const cached = input.cache?.tree(key);
    if (cached) p.tree = JSON.parse(cached) as MdRoot;
    else {
      p.tree = (await markdownParser())(p.body);
      restoreTextDirectives(p.tree, p.body);
      input.cache?.setTree(key, JSON.stringify(p.tree));
    }
    const prev = orders.get(p.order);
    if (prev) err(src.file, { line: 1, column: 1 }, `chapter number ${p.order} is also used by ${prev}`);
    orders.set(p.order, src.file);
    parsed.push(p);
  }

  // Pass 1: every equation label in the essay, numbered in reading order (labels are global).
  const labels = new Map<string, LabelDef>();
  let eqCount = 0;
  for (const ch of parsed) {
    walk(ch.tree, (node) => {
      if (node.type !== 'math') return;
      const m = node as unknown as MathNode;
      const pos = m.position?.start;
      if (/^\s*\$\$\s*\{/m.test(m.value)) {
        err(ch.source.file, pos, 'put {#eq:label} on the opening $$ fence, not after the closing one');
      }
      const meta = parseMathMeta(m.meta ?? '');
      if (meta.problem) {
        err(ch.source.file, pos, meta.problem);
        return;
      }
      if (!meta.label) return;
      const prev = labels.get(meta.label);
      if (prev) {
        err(ch.source.file, pos, `duplicate equation label eq:${meta.label} (first defined at ${prev.file}:${prev.line})`);
        return;
      }
      labels.set(meta.label, { label: meta.label, number: ++eqCount, survey: meta.survey, file: ch.source.file, line: pos?.line ?? 1 });
    });
  }

  // Pass 2: transform and render each chapter.
  const usedIds = new Set<string>(['title', 'contents', 'references', 'main', 'essay', 'content']);
  const uniqueId = (base: string) => {
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    return id;
  };
  for (const ch of parsed) ch.slug = uniqueId(ch.slug);
  for (const l of labels.values()) usedIds.add(`eq-${l.label}`);

  const citeOrder = new Map<string, number>();
  const figureCount = { n: 0 };
  const figureAnchors = new Map<string, number>();
  const chapters: ChapterInfo[] = [];
  const contents: ChapterContent[] = [];

  for (const [ci, ch] of parsed.entries()) {
    const file = ch.source.file;
    const info: ChapterInfo = {
      slug: ch.slug,
      number: ci + 1,
      file,
      title: ch.title,
      summary: ch.summary,
      ...(ch.lecture ? { lecture: ch.lecture } : {}),
      sections: [],
      equations: [],
      figures: [],
      citations: [],
    };
    const sectionById = new Map<string, SectionInfo>();
    let section = ch.slug;
    let figureIndex = 0;

    const cite = (keys: { key: string; at: { line: number; column: number }; locator?: string }[]): MdContent[] => {
      const parts: MdContent[] = [];
      const sep = keys.some((k) => k.locator) ? '; ' : ', ';
      keys.forEach(({ key, at, locator }, i) => {
        if (i > 0) parts.push({ type: 'text', value: sep });
        const rec = bib.entries.get(key);
        if (!rec) {
          err(file, at, input.bib ? `unknown citation key "${key}" (not in ${input.bib.file})` : `citation "${key}" but there is no content/references.bib`);
          parts.push(hnode('span', { className: ['cite-missing'] }, [{ type: 'text', value: `?${key}` }]));
          return;
        }
        if (!citeOrder.has(key)) citeOrder.set(key, citeOrder.size + 1);
        if (!info.citations.includes(key)) info.citations.push(key);
        parts.push(hnode('a', { className: ['cite'], href: `#ref-${key}`, dataCite: key }, [{ type: 'text', value: String(citeOrder.get(key)) }]));
        if (locator) parts.push({ type: 'text', value: `, ${locator}` });
      });
      return [hnode('span', { className: ['cite-group'] }, [{ type: 'text', value: '[' }, ...parts, { type: 'text', value: ']' }])];
    };

    const eqref = (label: string, at: { line: number; column: number }): MdContent => {
      const def = labels.get(label);
      if (!def) {
        err(file, at, `undefined equation label eq:${label}`);
        return hnode('span', { className: ['eqref-missing'] }, [{ type: 'text', value: `(eq:${label}?)` }]);
      }
      return hnode('a', { className: ['eqref'], href: `#eq-${label}`, dataEq: label }, [{ type: 'text', value: `(${def.number})` }]);
    };

    transformChildren(ch.tree, (node, parent) => {
      const pos = node.position?.start;
      switch (node.type) {
        case 'heading': {
          const h = node as Heading;
          if (h.depth === 1) err(file, pos, 'use ## for sections: the chapter title comes from the frontmatter', 'warning');
          const title = toString(h).trim();
          const id = uniqueId(slugify(title));
          section = id;
          const s: SectionInfo = { id, title, depth: h.depth, equations: [], figures: [], notes: [] };
          info.sections.push(s);
          sectionById.set(id, s);
          h.data = { ...h.data, hName: `h${Math.min(6, h.depth + 1)}`, hProperties: { id } };
          return 'descend';
        }
        case 'math': {
          const m = node as unknown as MathNode;
          const meta = parseMathMeta(m.meta ?? '');
          const def = meta.label ? labels.get(meta.label) : undefined;
          const code: HElement = {
            type: 'element',
            tagName: 'code',
            properties: { className: ['language-math', 'math-display'] },
            children: [{ type: 'text', value: m.value }],
            position: m.position,
          };
          // Only the first definition of a duplicated label owns the number and the anchor.
          if (meta.label && def && def.file === file && def.line === (pos?.line ?? 1)) {
            const eq: EquationInfo = { label: def.label, number: def.number, tex: m.value, anchor: `eq-${def.label}`, section, ...(def.survey ? { survey: def.survey } : {}) };
            info.equations.push(eq);
            sectionById.get(section)?.equations.push(def.label);
            const number: HElement = {
              type: 'element',
              tagName: 'span',
              properties: { className: ['equation-number'] },
              children: [
                { type: 'text', value: `(${def.number})` },
                ...(def.survey ? [{ type: 'element', tagName: 'span', properties: { className: ['equation-survey'] }, children: [{ type: 'text', value: `survey Eq. ${def.survey}` }] } as HElement] : []),
              ],
            };
            m.data = {
              hName: 'div',
              hProperties: { className: ['equation', 'equation-numbered'], id: eq.anchor, dataEq: def.label },
              hChildren: [{ type: 'element', tagName: 'div', properties: { className: ['equation-math'] }, children: [code] }, number],
            };
          } else {
            m.data = { hName: 'div', hProperties: { className: ['equation'] }, hChildren: [{ type: 'element', tagName: 'div', properties: { className: ['equation-math'] }, children: [code] }] };
          }
          return 'skip';
        }
        case 'text': {
          const t = node as MdText;
          const out = splitText(t, eqref, cite);
          return out ? { replace: out } : 'skip';
        }
        case 'leafDirective':
        case 'containerDirective':
        case 'textDirective': {
          const d = node as unknown as DirectiveNode;
          if (d.type === 'textDirective') {
            // `a:b` in prose parses as a text directive; we have none, so give the author their text back.
            const start = d.position?.start.offset;
            const end = d.position?.end.offset;
            return { replace: [{ type: 'text', value: start !== undefined && end !== undefined ? ch.body.slice(start, end) : `:${d.name}` }] };
          }
          if (d.type === 'leafDirective' && d.name === 'figure') {
            if (parent.type !== 'root') {
              err(file, pos, 'a ::figure must stand on its own line at the top level of the chapter (not inside a list, quote or aside)');
              return { replace: [] };
            }
            const fig = figureDirective(d, ch, file, err, input.figures);
            if (!fig) return { replace: [] };
            const number = ++figureCount.n;
            const seen = (figureAnchors.get(fig.id) ?? 0) + 1;
            figureAnchors.set(fig.id, seen);
            const anchor = uniqueId(seen === 1 ? `fig-${fig.id}` : `fig-${fig.id}-${seen}`);
            const fi: FigureInfo = { number, id: fig.id, anchor, attrs: fig.attrs, caption: '', index: figureIndex++, section };
            info.figures.push(fi);
            sectionById.get(section)?.figures.push(number);
            const slot = { type: 'figureSlot', children: d.children, data: { hName: 'figure-slot', hProperties: { dataNumber: String(number) } } };
            return { replace: [slot as unknown as MdContent], descend: true };
          }
          if (d.type === 'containerDirective' && d.name === 'aside') {
            d.data = { ...d.data, hName: 'div', hProperties: { className: ['aside'], role: 'note' } };
            return 'descend';
          }
          if (d.type === 'containerDirective' && d.name === 'notes') {
            d.data = { ...d.data, hName: 'div', hProperties: { className: ['lecture-notes'], hidden: true, dataNotes: section } };
            return 'descend';
          }
          const shape = d.type === 'leafDirective' ? `::${d.name}` : `:::${d.name}`;
          err(file, pos, `unknown directive ${shape} (known: ::figure, :::aside, :::notes)`);
          return { replace: [] };
        }
        default:
          return 'descend';
      }
    });

    if (!r) {
      await checkMath(ch.tree, file, err, input.cache);
      chapters.push(info);
      contents.push({ slug: ch.slug, segments: [], notes: [] });
      continue;
    }

    // mdast → hast, then KaTeX typesets every formula (build time: the page ships no KaTeX JavaScript).
    const { unified, remarkRehype, rehypeKatex, toHtml, VFile } = r;
    const vfile = new VFile({ path: file, value: ch.body });
    const hast = unified()
      .use(remarkRehype, {
        allowDangerousHtml: true,
        clobberPrefix: `${ch.slug}-`,
        footnoteLabel: 'Notes',
        footnoteLabelTagName: 'h3',
        footnoteLabelProperties: { className: ['footnotes-title'] },
        footnoteBackLabel: (i: number) => `Back to reference ${i + 1}`,
      })
      .use(rehypeKatex, KATEX_OPTIONS)
      .runSync(ch.tree, vfile) as HRoot;
    for (const msg of vfile.messages) {
      if (msg.source !== 'rehype-katex') continue;
      err(file, texErrorPlace(msg.place, msg.cause, msg.ancestors), `TeX error: ${texReason(msg.cause)}`);
    }

    // Footnote ids must be unique on a page that holds every chapter.
    fixFootnoteLabel(hast, `${ch.slug}-footnote-label`);
    nameMathLinks(hast);

    // Split the body around figures; collect captions, heading HTML and speaker notes.
    const segments: Segment[] = [];
    const notes: string[] = [];
    let buffer: HContent[] = [];
    let current: SectionInfo | undefined;
    const flush = () => {
      if (buffer.length === 0) return;
      const html = toHtml({ type: 'root', children: buffer }, { allowDangerousHtml: true }).trim();
      if (html) segments.push({ kind: 'html', html });
      buffer = [];
    };
    for (const node of hast.children) {
      if (node.type === 'element' && node.tagName === 'figure-slot') {
        flush();
        const number = Number(node.properties.dataNumber);
        const fi = info.figures.find((f) => f.number === number);
        if (fi) fi.caption = toHtml({ type: 'root', children: node.children }).trim();
        segments.push({ kind: 'figure', figure: number });
        continue;
      }
      if (node.type === 'element' && /^h[2-6]$/.test(node.tagName) && typeof node.properties.id === 'string') {
        current = sectionById.get(node.properties.id);
        if (current) current.titleHtml = toHtml({ type: 'root', children: node.children }).trim();
      }
      if (node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes('lecture-notes')) {
        const html = toHtml({ type: 'root', children: node.children }).trim();
        (current ? current.notes : notes).push(html);
      }
      buffer.push(node);
    }
    flush();
    chapters.push(info);
    contents.push({ slug: ch.slug, segments, notes });
  }

  const bibliography: BibEntryInfo[] = [...citeOrder.entries()].map(([key, number]) => {
    const rec = bib.entries.get(key)!;
    return { key, number, html: rec.html, short: rec.short, ...(rec.url ? { url: rec.url } : {}) };
  });

  diagnostics.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file.localeCompare(b.file)));
  return { manifest: { chapters, bibliography }, contents, diagnostics };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Frontmatter, then the markdown tree. Frontmatter lines are blanked, not cut, so positions stay true. */
function parseChapter(source: ContentSource, err: (file: string, pos: { line: number; column: number } | undefined, reason: string, severity?: Diagnostic['severity']) => void): ParsedChapter | null {
  const name = baseName(source.file);
  const m = CHAPTER_FILE.exec(name);
  if (!m) {
    err(source.file, undefined, `chapter files are named NN-slug.md (lower case), e.g. 03-hopfield.md; got ${name}`);
    return null;
  }
  const text = source.text.replace(/\r\n?/g, '\n');
  let body = text;
  let data: Record<string, unknown> = {};
  const fm = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*$/m.exec(text);
  if (!text.startsWith('---')) {
    err(source.file, { line: 1, column: 1 }, 'missing YAML frontmatter (--- title: … summary: … ---) at the top of the chapter');
  } else if (!fm || fm.index !== 0) {
    err(source.file, { line: 1, column: 1 }, 'the YAML frontmatter is not closed by a line with ---');
    return null;
  } else {
    body = fm[0].replace(/[^\n]/g, ' ') + text.slice(fm[0].length);
    const doc = YAML.parseDocument(fm[1], { prettyErrors: true });
    if (doc.errors.length) {
      for (const e of doc.errors) {
        const lp = e.linePos?.[0];
        err(source.file, { line: (lp?.line ?? 1) + 1, column: lp?.col ?? 1 }, `broken YAML frontmatter: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
      }
      return null;
    }
    const js = doc.toJS();
    if (js === null || typeof js !== 'object' || Array.isArray(js)) {
      err(source.file, { line: 2, column: 1 }, 'the YAML frontmatter must be a mapping (title: …, summary: …)');
      return null;
    }
    data = js as Record<string, unknown>;
  }
  const lineOf = (key: string) => {
    const i = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return { line: i >= 0 ? i + 1 : 1, column: 1 };
  };
  if (typeof data.title !== 'string' || !data.title.trim()) err(source.file, lineOf('title'), 'the frontmatter needs a title (a string)');
  if (data.summary !== undefined && typeof data.summary !== 'string') err(source.file, lineOf('summary'), 'summary must be a string');
  if (data.summary === undefined) err(source.file, { line: 1, column: 1 }, 'the frontmatter has no summary', 'warning');
  if (data.lecture !== undefined && typeof data.lecture !== 'string') err(source.file, lineOf('lecture'), 'lecture must be a string (speaker notes)');
  for (const k of Object.keys(data)) {
    if (!['title', 'summary', 'lecture'].includes(k)) err(source.file, lineOf(k), `unknown frontmatter key "${k}" (known: title, summary, lecture)`, 'warning');
  }
  return {
    source,
    slug: m[2],
    order: m[1],
    title: typeof data.title === 'string' ? data.title.trim() : name,
    summary: typeof data.summary === 'string' ? data.summary.trim() : '',
    ...(typeof data.lecture === 'string' ? { lecture: data.lecture } : {}),
    body,
    tree: { type: 'root', children: [] },
  };
}

/** `{#eq:label survey=11}` on a `$$` fence. */
export function parseMathMeta(meta: string): { label?: string; survey?: string; problem?: string } {
  const s = meta.trim();
  if (!s) return {};
  const m = /^\{(.*)\}$/.exec(s);
  if (!m) return { problem: `unexpected text after $$: "${s}" (write {#eq:label} or {#eq:label survey=N})` };
  let label: string | undefined;
  let survey: string | undefined;
  for (const tok of m[1].trim().split(/\s+/).filter(Boolean)) {
    const lab = /^#eq:([A-Za-z0-9_-]+(?:[.:][A-Za-z0-9_-]+)*)$/.exec(tok);
    const sv = /^survey=(?:"([^"]+)"|([^\s"]+))$/.exec(tok);
    if (lab) label = lab[1];
    else if (sv) survey = sv[1] ?? sv[2];
    else if (tok.startsWith('#')) return { problem: `equation labels start with #eq:, e.g. {#eq:lse} (got "${tok}")` };
    else return { problem: `unknown equation attribute "${tok}" (known: #eq:label, survey=N)` };
  }
  if (survey && !label) return { problem: 'survey=N needs a label too: {#eq:label survey=N}' };
  return { label, survey };
}

const EQREF = /@eq:([A-Za-z0-9_-]+(?:[.:][A-Za-z0-9_-]+)*)/g;
const CITE = /\[(\s*@[^\]\s;,]+(?:,[^\];]*)?(?:\s*;\s*@[^\]\s;,]+(?:,[^\];]*)?)*\s*)\]/g;

/** Replaces `@eq:label` and `[@key; @key2]` inside one text node, or returns null when it has neither. */
function splitText(
  t: MdText,
  eqref: (label: string, at: { line: number; column: number }) => MdContent,
  cite: (keys: { key: string; at: { line: number; column: number }; locator?: string }[]) => MdContent[],
): MdContent[] | null {
  const v = t.value;
  if (!v.includes('@')) return null;
  const start = t.position?.start;
  const at = (i: number) => {
    if (!start) return { line: 1, column: 1 };
    const before = v.slice(0, i);
    const nl = before.lastIndexOf('\n');
    const lines = before.split('\n').length - 1;
    return { line: start.line + lines, column: nl < 0 ? start.column + i : i - nl };
  };
  const hits: { index: number; end: number; make: () => MdContent[] }[] = [];
  for (const m of v.matchAll(CITE)) {
    const index = m.index ?? 0;
    const keys: { key: string; at: { line: number; column: number }; locator?: string }[] = [];
    let offset = index + 1;
    for (const part of m[1].split(';')) {
      const km = /@([^\s,]+)\s*(?:,\s*(.*\S))?/.exec(part);
      if (km) keys.push({ key: km[1], at: at(offset + (km.index ?? 0)), ...(km[2] ? { locator: km[2] } : {}) });
      offset += part.length + 1;
    }
    hits.push({ index, end: index + m[0].length, make: () => cite(keys) });
  }
  for (const m of v.matchAll(EQREF)) {
    const index = m.index ?? 0;
    if (hits.some((h) => index >= h.index && index < h.end)) continue;
    hits.push({ index, end: index + m[0].length, make: () => [eqref(m[1], at(index))] });
  }
  if (!hits.length) return null;
  hits.sort((a, b) => a.index - b.index);
  const out: MdContent[] = [];
  let last = 0;
  for (const h of hits) {
    if (h.index > last) out.push({ type: 'text', value: v.slice(last, h.index) });
    out.push(...h.make());
    last = h.end;
  }
  if (last < v.length) out.push({ type: 'text', value: v.slice(last) });
  return out;
}

function figureDirective(
  d: DirectiveNode,
  ch: ParsedChapter,
  file: string,
  err: (file: string, pos: { line: number; column: number } | undefined, reason: string) => void,
  figures: Record<string, FigureMeta>,
): { id: string; attrs: Record<string, string> } | null {
  const pos = d.position?.start;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.attributes ?? {})) attrs[k] = v ?? '';
  const src = d.position?.start.offset !== undefined && d.position.end.offset !== undefined ? ch.body.slice(d.position.start.offset, d.position.end.offset) : '';
  const attrAt = (key: string) => {
    const i = src.search(new RegExp(`[\\s{]${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`));
    return pos && i >= 0 ? { line: pos.line, column: pos.column + i + 1 } : pos;
  };
  const id = attrs.id;
  if (!id) {
    err(file, pos, '::figure needs an id, e.g. ::figure[Caption]{id="energy-landscape"}');
    return null;
  }
  const meta = Object.prototype.hasOwnProperty.call(figures, id) ? figures[id] : undefined;
  if (!meta) {
    err(file, attrAt('id'), `unknown figure "${id}" (known: ${Object.keys(figures).sort().join(', ') || 'none'})`);
    return null;
  }
  delete attrs.id;
  if ('class' in attrs) {
    err(file, pos, `figure "${id}": .class shorthand is not supported`);
    delete attrs.class;
  }
  const host = hostAttrs(meta);
  for (const k of TRANSPORT_ATTRS) {
    if (host.includes(k) && k in attrs && !/^\d+$/.test(attrs[k])) err(file, attrAt(k), `figure "${id}": ${k} must be a whole number (got "${attrs[k]}")`);
  }
  const { issues } = validateProps(meta, attrs, host);
  for (const issue of issues) {
    const reason = issue.kind === 'range' ? issue.message.replace(/; using .*$/, '') : issue.message;
    err(file, attrAt(issue.prop), `figure "${id}": ${reason}`);
  }
  return { id, attrs };
}

/** A tiny mdast node that remark-rehype turns into the given element. */
function hnode(tagName: string, hProperties: Record<string, unknown>, children: MdContent[]): MdContent {
  return { type: 'emphasis', children, data: { hName: tagName, hProperties } } as unknown as MdContent;
}

type Action = 'descend' | 'skip' | { replace: MdContent[]; descend?: boolean };

/** Pre-order walk that lets the visitor replace a node by several (in place, in document order). */
function transformChildren(parent: MdParent | MdRoot, visit: (node: MdContent, parent: MdParent | MdRoot) => Action): void {
  const kids = parent.children as MdContent[];
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    const action = visit(node, parent);
    if (action === 'skip') continue;
    if (action === 'descend') {
      if ('children' in node && Array.isArray(node.children)) transformChildren(node as MdParent, visit);
      continue;
    }
    kids.splice(i, 1, ...action.replace);
    if (action.descend) {
      for (const r of action.replace) if ('children' in r && Array.isArray(r.children)) transformChildren(r as MdParent, visit);
    }
    i += action.replace.length - 1;
  }
}

/**
 * `@eq:label` and prose like `ratio 3:2` or `a:b` parse as text directives (`:label`, `:b`); the essay has no
 * text directives, so they go back to plain text, merged with their neighbours so references can be found.
 */
function restoreTextDirectives(node: MdRoot | MdContent, body: string): void {
  if (!('children' in node) || !Array.isArray(node.children)) return;
  const kids = node.children as MdContent[];
  let touched = false;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.type === 'textDirective') {
      const d = k as unknown as DirectiveNode;
      const a = d.position?.start.offset;
      const b = d.position?.end.offset;
      kids[i] = { type: 'text', value: a !== undefined && b !== undefined ? body.slice(a, b) : `:${d.name}`, position: d.position };
      touched = true;
    } else restoreTextDirectives(k, body);
  }
  if (!touched) return;
  for (let i = kids.length - 1; i > 0; i--) {
    const a = kids[i - 1];
    const b = kids[i];
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value;
      if (a.position && b.position) a.position = { start: a.position.start, end: b.position.end };
      kids.splice(i, 1);
    }
  }
}

function walk(node: MdRoot | MdContent, fn: (node: MdContent) => void): void {
  if (node.type !== 'root') fn(node);
  if ('children' in node && Array.isArray(node.children)) for (const c of node.children as MdContent[]) walk(c, fn);
}

/** Check mode: parse every formula with KaTeX (no rendering) and report errors where they are. */
async function checkMath(tree: MdRoot, file: string, err: (file: string, pos: { line: number; column: number } | undefined, reason: string) => void, cache?: ContentCache): Promise<void> {
  const formulas: MdContent[] = [];
  walk(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') formulas.push(node);
  });
  const todo = formulas.filter((n) => !cache?.texOk(hash('tex-v1', n.type, (n as { value: string }).value)));
  if (!todo.length) return;
  const { default: katex } = await import('katex');
  const parseTex = (katex as unknown as { __parse?: (tex: string, o: object) => unknown }).__parse;
  for (const node of todo) {
    const value = (node as { value: string }).value;
    const display = node.type === 'math';
    try {
      const o = { ...KATEX_OPTIONS, macros: { ...KATEX_MACROS }, displayMode: display, throwOnError: true };
      if (parseTex) parseTex(value, o);
      else katex.renderToString(value, o);
      cache?.setTexOk(hash('tex-v1', node.type, value));
    } catch (e) {
      if (!(e instanceof katex.ParseError)) continue;
      const start = node.position?.start;
      const offset = (e as unknown as { position?: number }).position;
      let at = start ? { line: start.line, column: start.column } : undefined;
      if (start && offset !== undefined) {
        if (display) {
          const lc = lineColAt(value, offset);
          at = { line: start.line + lc.line, column: lc.column };
        } else at = { line: start.line, column: start.column + 1 + offset };
      }
      err(file, at, `TeX error: ${texReason(e)}`);
    }
  }
}

/**
 * A link whose whole text is a formula (`[$t$](#sym-t)`) gets its TeX as an accessible name: KaTeX hides
 * its visual HTML from assistive technology and not every checker reads the MathML.
 */
function nameMathLinks(node: HRoot | HContent): void {
  if (node.type === 'element' && node.tagName === 'a' && !node.properties.ariaLabel) {
    const plain = node.children.filter((c) => !(c.type === 'element' && Array.isArray(c.properties.className) && c.properties.className.includes('katex')) && !(c.type === 'text' && !c.value.trim()));
    if (plain.length === 0 && node.children.length > 0) {
      const tex: string[] = [];
      const find = (n: HContent) => {
        if (n.type === 'element' && n.tagName === 'annotation') tex.push(n.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
        else if (n.type === 'element') n.children.forEach(find);
      };
      node.children.forEach(find);
      if (tex.length) node.properties.ariaLabel = tex.join(' ');
    }
    return;
  }
  if ('children' in node) for (const c of node.children) nameMathLinks(c as HContent);
}

function fixFootnoteLabel(node: HRoot | HContent, id: string): void {
  if (node.type === 'element') {
    if (node.properties.id === 'footnote-label') node.properties.id = id;
    const d = node.properties.ariaDescribedBy as unknown;
    if ((Array.isArray(d) && d.includes('footnote-label')) || d === 'footnote-label') node.properties.ariaDescribedBy = [id];
  }
  if ('children' in node) for (const c of node.children) fixFootnoteLabel(c as HContent, id);
}

function texReason(cause: unknown): string {
  const e = cause as { rawMessage?: string; message?: string } | undefined;
  return (e?.rawMessage ?? e?.message ?? 'KaTeX cannot parse this').split('\n')[0];
}

/** The line and column of a KaTeX error inside its formula (KaTeX reports an offset into the TeX). */
function texErrorPlace(place: unknown, cause: unknown, ancestors: unknown): { line: number; column: number } | undefined {
  const p = place as Position | { line: number; column: number } | undefined;
  const start = p && 'start' in p ? p.start : (p as { line: number; column: number } | undefined);
  if (!start) return undefined;
  const offset = (cause as { position?: number } | undefined)?.position;
  const chain = (ancestors as HElement[] | undefined) ?? [];
  const el = chain[chain.length - 1];
  const display = Array.isArray(el?.properties?.className) && el.properties.className.includes('math-display');
  const tex = el ? textOf(el) : '';
  if (offset === undefined) return { line: start.line, column: start.column };
  if (display) {
    // The TeX starts on the line after the opening $$ fence.
    const lc = lineColAt(tex, offset);
    return { line: start.line + lc.line, column: lc.column };
  }
  return { line: start.line, column: start.column + 1 + offset };
}

function textOf(el: HElement): string {
  return el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}
