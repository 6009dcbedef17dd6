import type { RootContent as MdContent, PhrasingContent, TableCell, TableRow } from 'mdast';
import { GLOSSARY } from '../../lib/glossary/glossary';
import type { ChapterContext, EssayContext, Place } from './context';
import { hnode, type Action, type DirectiveNode } from './tree';

/*
 * Pass 2, the glossary (src/lib/glossary/glossary.ts, the one source of the notation) in prose:
 * `:sym{#beta}` marks a symbol's first use with the anchor `sym-beta` the table and the symbol tips link to,
 * and `::notation-table` is the table itself, one row per glossary entry.
 */

const KNOWN = new Set(GLOSSARY.map((g) => g.id));

/** `:sym{#id}` → `<span id="sym-id"></span>`, the id checked against the glossary and used once. */
export function symbolAnchor(d: DirectiveNode, ctx: ChapterContext): Action {
  const { essay, file } = ctx;
  const id = d.attributes?.id ?? '';
  const at = d.position?.start;
  if (!KNOWN.has(id)) {
    essay.report(file, at, id ? `unknown symbol "${id}" (the glossary has: ${[...KNOWN].join(', ')})` : 'a symbol anchor needs an id, e.g. :sym{#beta}');
    return { replace: [] };
  }
  const anchor = `sym-${id}`;
  if (essay.uniqueId(anchor) !== anchor) {
    essay.report(file, at, `symbol "${id}" is anchored twice (mark only its first use)`);
    return { replace: [] };
  }
  essay.symbols.anchored.add(id);
  return { replace: [hnode('span', { id: anchor }, [])] };
}

/** After every chapter: each link of a notation table must land on a `:sym` anchor somewhere in the essay. */
export function checkNotationLinks(essay: EssayContext): void {
  const missing = GLOSSARY.filter((g) => !essay.symbols.anchored.has(g.id)).map((g) => g.id);
  if (!missing.length) return;
  for (const { file, at } of essay.symbols.tables) {
    essay.report(file, at, `the notation table links to symbols no :sym{#id} anchors: ${missing.join(', ')} (mark each at its first use)`);
  }
}

const math = (tex: string): PhrasingContent =>
  ({ type: 'inlineMath', value: tex, data: { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value: tex }] } }) as unknown as PhrasingContent;

const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });

/** `::notation-table` → a two-column table of the glossary: each symbol (typeset, linked to its first use) and its meaning. */
export function notationTable(ctx: ChapterContext, at: Place | undefined): MdContent {
  ctx.essay.symbols.tables.push({ file: ctx.file, at });
  const head: TableRow = { type: 'tableRow', children: [cell([{ type: 'text', value: 'Symbol' }]), cell([{ type: 'text', value: 'Meaning' }])] };
  const rows: TableRow[] = GLOSSARY.map((g) => ({
    type: 'tableRow',
    children: [cell([{ type: 'link', url: `#${g.firstUse}`, children: [math(g.tex)] }]), cell([{ type: 'text', value: g.meaning }])],
  }));
  return { type: 'table', align: [null, null], children: [head, ...rows] };
}
