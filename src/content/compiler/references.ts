import type { RootContent as MdContent, Text as MdText } from 'mdast';
import type { ChapterContext, Place } from './context';
import { hnode } from './tree';
import { XREF, xref } from './xrefs';

/*
 * Pass 2, in prose: `[@key]` / `[@key1; @key2, locator]` citations (numbered in order of first use through
 * the essay), `@eq:label` equation references ("(n)", linked to the equation) and `@ch:` / `@Ch:` / `@fig:`
 * references (xrefs.ts).
 */

const EQREF = /@eq:([A-Za-z0-9_-]+(?:[.:][A-Za-z0-9_-]+)*)/g;
const CITE = /\[(\s*@[^\]\s;,]+(?:,[^\];]*)?(?:\s*;\s*@[^\]\s;,]+(?:,[^\];]*)?)*\s*)\]/g;

interface CiteKey {
  key: string;
  at: Place;
  locator?: string;
}

function cite(keys: CiteKey[], ctx: ChapterContext): MdContent[] {
  const { essay, file, info } = ctx;
  const parts: MdContent[] = [];
  const sep = keys.some((k) => k.locator) ? '; ' : ', ';
  keys.forEach(({ key, at, locator }, i) => {
    if (i > 0) parts.push({ type: 'text', value: sep });
    if (!essay.entries.has(key)) {
      essay.report(file, at, essay.bib ? `unknown citation key "${key}" (not in ${essay.bib.file})` : `citation "${key}" but there is no content/references.bib`);
      parts.push(hnode('span', { className: ['cite-missing'] }, [{ type: 'text', value: `?${key}` }]));
      return;
    }
    if (!essay.citeOrder.has(key)) essay.citeOrder.set(key, essay.citeOrder.size + 1);
    if (!info.citations.includes(key)) info.citations.push(key);
    parts.push(hnode('a', { className: ['cite'], href: `#ref-${key}`, dataCite: key }, [{ type: 'text', value: String(essay.citeOrder.get(key)) }]));
    if (locator) parts.push({ type: 'text', value: `, ${locator}` });
  });
  return [hnode('span', { className: ['cite-group'] }, [{ type: 'text', value: '[' }, ...parts, { type: 'text', value: ']' }])];
}

function eqref(label: string, at: Place, ctx: ChapterContext): MdContent {
  const def = ctx.essay.labels.get(label);
  if (!def) {
    ctx.essay.report(ctx.file, at, `undefined equation label eq:${label}`);
    return hnode('span', { className: ['eqref-missing'] }, [{ type: 'text', value: `(eq:${label}?)` }]);
  }
  return hnode('a', { className: ['eqref'], href: `#eq-${label}`, dataEq: label }, [{ type: 'text', value: `(${def.number})` }]);
}

/** Place of offset `i` in a text node's value: newlines are found once, then each lookup is a binary search. */
function placer(v: string, start: Place | undefined): (i: number) => Place {
  const newlines: number[] = [];
  for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) newlines.push(i);
  return (i) => {
    if (!start) return { line: 1, column: 1 };
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? { line: start.line, column: start.column + i } : { line: start.line + lo, column: i - newlines[lo - 1] };
  };
}

/** Replaces `@eq:label`, `@ch:slug`, `@fig:id` and `[@key; @key2]` inside one text node, or returns null when it has none. */
export function splitText(t: MdText, ctx: ChapterContext): MdContent[] | null {
  const v = t.value;
  if (!v.includes('@')) return null;
  const at = placer(v, t.position?.start);
  const hits: { index: number; end: number; make: () => MdContent[] }[] = [];
  for (const m of v.matchAll(CITE)) {
    const index = m.index ?? 0;
    const keys: CiteKey[] = [];
    let offset = index + 1;
    for (const part of m[1].split(';')) {
      const km = /@([^\s,]+)\s*(?:,\s*(.*\S))?/.exec(part);
      if (km) keys.push({ key: km[1], at: at(offset + (km.index ?? 0)), ...(km[2] ? { locator: km[2] } : {}) });
      offset += part.length + 1;
    }
    hits.push({ index, end: index + m[0].length, make: () => cite(keys, ctx) });
  }
  const cites = hits.length;
  let c = 0;
  for (const m of v.matchAll(EQREF)) {
    const index = m.index ?? 0;
    while (c < cites && hits[c].end <= index) c++;
    if (c < cites && index >= hits[c].index) continue;
    hits.push({ index, end: index + m[0].length, make: () => [eqref(m[1], at(index), ctx)] });
  }
  for (const m of v.matchAll(XREF)) {
    const index = m.index ?? 0;
    if (hits.some((h) => index >= h.index && index < h.end)) continue;
    hits.push({ index, end: index + m[0].length, make: () => [xref(m[1], m[2], at(index), ctx)] });
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
