import type { Root as MdRoot, RootContent as MdContent } from 'mdast';
import { contentKey, type ContentCache } from './cache';
import type { Report } from './context';
import { readFrontmatter } from './frontmatter';
import { blankOut } from './text';
import { sourceOf, walk, type DirectiveNode } from './tree';

/*
 * Pass 0: a chapter file → its frontmatter and its markdown tree (remark with GFM, math and directives).
 */

export interface ContentSource {
  /** Path relative to the project root, e.g. `content/01-introduction.md` (used in messages). */
  file: string;
  text: string;
}

/** Chapter files: `NN-slug.md`. */
export const CHAPTER_FILE = /^(\d\d)-([a-z0-9][a-z0-9-]*)\.md$/;

export interface ParsedChapter {
  source: ContentSource;
  slug: string;
  order: string;
  title: string;
  summary: string;
  lecture?: string;
  /** The markdown, frontmatter and overlong blocks blanked (offsets match the file), unclosed `$$` closed. */
  body: string;
  tree: MdRoot;
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
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

/** Frontmatter, then the markdown tree; null when the file name is not a chapter's. */
export async function parseChapter(source: ContentSource, report: Report, cache?: ContentCache): Promise<ParsedChapter | null> {
  const name = baseName(source.file);
  const m = CHAPTER_FILE.exec(name);
  if (!m) {
    report(source.file, undefined, `chapter files are named NN-slug.md (lower case), e.g. 03-hopfield.md; got ${name}`);
    return null;
  }
  const front = readFrontmatter(source.file, source.text.replace(/\r\n?/g, '\n'), report);
  let body = blankOverlongBlocks(source.file, front.body, report);
  let tree = await parseBody(body, cache);
  // An unclosed $$ swallows what follows: report it once, then close it at its first blank line, so the rest of
  // the chapter (and its own label) reads as intended.
  const reported = new Set<number>();
  for (let open = unclosedMath(tree, body, reported); open; open = unclosedMath(tree, body, reported)) {
    report(source.file, open.node.position?.start, 'unclosed $$ display math (no closing $$ line before the end of the chapter or of its block)');
    reported.add(open.node.position!.start.offset!);
    if (open.blankLine === undefined) continue;
    const end = body.indexOf('\n', open.blankLine);
    const line = body.slice(open.blankLine, end < 0 ? body.length : end);
    body = body.slice(0, open.blankLine) + line.trimEnd() + (line.includes('>') ? ' $$' : '$$') + body.slice(open.blankLine + line.length);
    tree = await parseBody(body, cache);
  }
  return {
    source,
    slug: m[2],
    order: m[1],
    title: front.title ?? name,
    summary: front.summary,
    ...(front.lecture !== undefined ? { lecture: front.lecture } : {}),
    body,
    tree,
  };
}

/**
 * The markdown parser (micromark) merges a paragraph's text with repeated Array.splice calls, quadratic in the
 * paragraph's length: a 1 MB line took minutes. Blocks (runs of non-blank lines) longer than this are
 * reported and left out, so a check stays well under two seconds whatever the input.
 */
export const MAX_BLOCK_CHARS = 10_000;

function blankOverlongBlocks(file: string, body: string, report: Report): string {
  const parts: string[] = [];
  let from = 0;
  let line = 1;
  for (const m of body.matchAll(/\n[ \t]*\n/g)) {
    const end = m.index + 1;
    parts.push(checkBlock(body.slice(from, end), line));
    line += countLines(body, from, end);
    from = end;
  }
  parts.push(checkBlock(body.slice(from), line));
  return parts.join('');

  function checkBlock(block: string, startLine: number): string {
    if (block.length <= MAX_BLOCK_CHARS) return block;
    const lead = /^(?:[ \t]*\n)*/.exec(block)![0];
    const text = block.slice(lead.length).trimEnd();
    if (text.length <= MAX_BLOCK_CHARS) return block;
    const at = { line: startLine + countLines(lead, 0, lead.length), column: 1 };
    report(file, at, `this block of text is ${text.length} characters long (at most ${MAX_BLOCK_CHARS}): split it into paragraphs (a blank line between them)`);
    return blankOut(block);
  }
}

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

async function parseBody(body: string, cache?: ContentCache): Promise<MdRoot> {
  const key = contentKey('mdast-v3', body);
  const cached = cache?.tree(key);
  if (cached) return JSON.parse(cached) as MdRoot;
  const tree = (await markdownParser())(body);
  restoreTextDirectives(tree, body);
  cache?.setTree(key, JSON.stringify(tree));
  return tree;
}

/**
 * The first `$$` block whose fence was never closed. remark-math runs it to the end of its container, or to
 * the next block's closing fence, swallowing prose (a blank line) and that block's opening `$$` line.
 */
function unclosedMath(tree: MdRoot, body: string, reported: Set<number>): { node: MdContent; blankLine?: number } | undefined {
  let found: { node: MdContent; blankLine?: number } | undefined;
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    if (found || node.type !== 'math' || start === undefined || reported.has(start)) return;
    const lines = sourceOf(node, body).split('\n');
    const closed = lines.length >= 2 && /^[\s>]*\$\$+\s*$/.test(lines[lines.length - 1]);
    const blank = lines.findIndex((l, i) => i > 0 && /^[\s>]*$/.test(l));
    const swallowed = blank > 0 && lines.slice(blank, -1).some((l) => /^[\s>]*\$\$/.test(l));
    if (closed && !swallowed) return;
    found = { node, ...(blank > 0 ? { blankLine: start + lines.slice(0, blank).reduce((n, l) => n + l.length + 1, 0) } : {}) };
  });
  return found;
}

/** The essay's text directives (`:sym{#id}`, `:num[expr]`), when they do not follow a letter, digit or `@`. */
function isOurs(d: DirectiveNode, body: string): boolean {
  const at = d.position?.start.offset ?? 0;
  return KEPT.has(d.name) && !/[\w@]/.test(body.charAt(at - 1));
}
const KEPT = new Set(['sym', 'num']);

/**
 * `@eq:label` and prose like `ratio 3:2` or `a:b` parse as text directives (`:label`, `:b`); all but the
 * essay's own go back to plain text, merged with their neighbours so references can be found.
 */
function restoreTextDirectives(node: MdRoot | MdContent, body: string): void {
  if (!('children' in node) || !Array.isArray(node.children)) return;
  const kids = node.children as MdContent[];
  let touched = false;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.type === 'textDirective' && !isOurs(k as unknown as DirectiveNode, body)) {
      const d = k as unknown as DirectiveNode;
      kids[i] = { type: 'text', value: sourceOf(d, body) || `:${d.name}`, position: d.position };
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
