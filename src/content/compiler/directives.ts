import type { RootContent as MdContent, Parent as MdParent, Root as MdRoot } from 'mdast';
import { hostAttrs, TRANSPORT_ATTRS, validateProps } from '../../lib/figure/spec';
import type { FigureInfo } from '../types';
import type { ChapterContext } from './context';
import { numberDirective } from './numbers';
import { notationTable, symbolAnchor } from './symbols';
import { sourceOf, type Action, type DirectiveNode } from './tree';

/*
 * Pass 2, directives: `::figure[caption]{id=… prop=…}` (checked against the figure's declaration, numbered
 * through the essay, and left as a slot the renderer splits the body at), `:::aside`, `:::notes`, and the
 * glossary's `:sym{#id}` and `::notation-table` (symbols.ts), and computed numbers `:num[…]` (numbers.ts).
 */

export function directive(d: DirectiveNode, parent: MdParent | MdRoot, ctx: ChapterContext): Action {
  const pos = d.position?.start;
  if (d.type === 'textDirective' && d.name === 'sym') return symbolAnchor(d, ctx);
  if (d.type === 'textDirective' && d.name === 'num') return numberDirective(d, ctx);
  // Any other `a:b` in prose parses as a text directive too: give the author their text back.
  if (d.type === 'textDirective') return { replace: [{ type: 'text', value: sourceOf(d, ctx.body) || `:${d.name}` }] };
  if (d.type === 'leafDirective' && d.name === 'figure') return figure(d, parent, ctx);
  if (d.type === 'leafDirective' && d.name === 'notation-table') return { replace: [notationTable(ctx, pos)] };
  if (d.type === 'containerDirective' && d.name === 'aside') {
    d.data = { ...d.data, hName: 'div', hProperties: { className: ['aside'], role: 'note' } };
    return 'descend';
  }
  if (d.type === 'containerDirective' && d.name === 'notes') {
    d.data = { ...d.data, hName: 'div', hProperties: { className: ['lecture-notes'], hidden: true, dataNotes: ctx.section } };
    return 'descend';
  }
  const shape = d.type === 'leafDirective' ? `::${d.name}` : `:::${d.name}`;
  ctx.essay.report(ctx.file, pos, `unknown directive ${shape} (known: ::figure, ::notation-table, :::aside, :::notes)`);
  return { replace: [] };
}

function figure(d: DirectiveNode, parent: MdParent | MdRoot, ctx: ChapterContext): Action {
  const { essay } = ctx;
  if (parent.type !== 'root') {
    essay.report(ctx.file, d.position?.start, 'a ::figure must stand on its own line at the top level of the chapter (not inside a list, quote or aside)');
    return { replace: [] };
  }
  const fig = figureAttrs(d, ctx);
  if (!fig) return { replace: [] };
  const number = ++essay.figureCount;
  const seen = (essay.figureAnchors.get(fig.id) ?? 0) + 1;
  essay.figureAnchors.set(fig.id, seen);
  const anchor = essay.uniqueId(seen === 1 ? `fig-${fig.id}` : `fig-${fig.id}-${seen}`);
  const fi: FigureInfo = { number, id: fig.id, anchor, attrs: fig.attrs, caption: '', index: ctx.figureIndex++, section: ctx.section };
  ctx.info.figures.push(fi);
  ctx.sectionById.get(ctx.section)?.figures.push(number);
  const slot = { type: 'figureSlot', children: d.children, data: { hName: 'figure-slot', hProperties: { dataNumber: String(number) } } };
  return { replace: [slot as unknown as MdContent], descend: true };
}

/** The figure's id and attributes, each checked against its declaration; null when there is no such figure. */
function figureAttrs(d: DirectiveNode, ctx: ChapterContext): { id: string; attrs: Record<string, string> } | null {
  const { file, essay } = ctx;
  const report = essay.report;
  const pos = d.position?.start;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.attributes ?? {})) attrs[k] = v ?? '';
  const src = sourceOf(d, ctx.body);
  const attrAt = (key: string) => {
    const i = src.search(new RegExp(`[\\s{]${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`));
    return pos && i >= 0 ? { line: pos.line, column: pos.column + i + 1 } : pos;
  };
  const id = attrs.id;
  if (!id) {
    report(file, pos, '::figure needs an id, e.g. ::figure[Caption]{id="energy-landscape"}');
    return null;
  }
  const meta = Object.prototype.hasOwnProperty.call(essay.figures, id) ? essay.figures[id] : undefined;
  if (!meta) {
    report(file, attrAt('id'), `unknown figure "${id}" (known: ${Object.keys(essay.figures).sort().join(', ') || 'none'})`);
    return null;
  }
  delete attrs.id;
  if ('class' in attrs) {
    report(file, pos, `figure "${id}": .class shorthand is not supported`);
    delete attrs.class;
  }
  const host = hostAttrs(meta);
  for (const k of TRANSPORT_ATTRS) {
    if (host.includes(k) && k in attrs && !/^\d+$/.test(attrs[k])) report(file, attrAt(k), `figure "${id}": ${k} must be a whole number (got "${attrs[k]}")`);
  }
  const { issues } = validateProps(meta, attrs, host);
  for (const issue of issues) {
    const reason = issue.kind === 'range' ? issue.message.replace(/; using .*$/, '') : issue.message;
    report(file, attrAt(issue.prop), `figure "${id}": ${reason}`);
  }
  return { id, attrs };
}
