import type { Element as HElement } from 'hast';
import type { EquationInfo } from '../types';
import type { ChapterContext, Report } from './context';
import type { ParsedChapter } from './parse';
import { walk, type MathNode } from './tree';

/*
 * Pass 1: every equation label in the essay, numbered in reading order (labels are global), and the
 * numbered display that a labelled `$$` block becomes.
 */

export interface LabelDef {
  label: string;
  number: number;
  survey?: string;
  file: string;
  line: number;
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

/** Numbers the labelled equations of all chapters; reports misplaced, malformed and duplicated labels. */
export function collectLabels(chapters: ParsedChapter[], report: Report): Map<string, LabelDef> {
  const labels = new Map<string, LabelDef>();
  for (const ch of chapters) {
    walk(ch.tree, (node) => {
      if (node.type !== 'math') return;
      const m = node as unknown as MathNode;
      const pos = m.position?.start;
      if (/^\s*\$\$\s*\{/m.test(m.value)) report(ch.source.file, pos, 'put {#eq:label} on the opening $$ fence, not after the closing one');
      const meta = parseMathMeta(m.meta ?? '');
      if (meta.problem) {
        report(ch.source.file, pos, meta.problem);
        return;
      }
      if (!meta.label) return;
      const prev = labels.get(meta.label);
      if (prev) {
        report(ch.source.file, pos, `duplicate equation label eq:${meta.label} (first defined at ${prev.file}:${prev.line})`);
        return;
      }
      labels.set(meta.label, { label: meta.label, number: labels.size + 1, survey: meta.survey, file: ch.source.file, line: pos?.line ?? 1 });
    });
  }
  return labels;
}

const el = (tagName: string, className: string[], children: HElement['children'], extra: HElement['properties'] = {}): HElement => ({
  type: 'element',
  tagName,
  properties: { className, ...extra },
  children,
});

/**
 * A `$$` block → `div.equation` holding the TeX for rehype-katex; a labelled one (its first definition only)
 * also gets its anchor `eq-<label>`, its number and survey number, and an entry in the manifest.
 */
export function equationBlock(m: MathNode, ctx: ChapterContext): void {
  const meta = parseMathMeta(m.meta ?? '');
  const def = meta.label ? ctx.essay.labels.get(meta.label) : undefined;
  const code: HElement = { ...el('code', ['language-math', 'math-display'], [{ type: 'text', value: m.value }]), position: m.position };
  const math = el('div', ['equation-math'], [code]);
  if (!def || def.file !== ctx.file || def.line !== (m.position?.start.line ?? 1)) {
    m.data = { hName: 'div', hProperties: { className: ['equation'] }, hChildren: [math] };
    return;
  }
  const eq: EquationInfo = { label: def.label, number: def.number, tex: m.value, anchor: `eq-${def.label}`, section: ctx.section, ...(def.survey ? { survey: def.survey } : {}) };
  ctx.info.equations.push(eq);
  ctx.sectionById.get(ctx.section)?.equations.push(def.label);
  const survey = def.survey ? [el('span', ['equation-survey'], [{ type: 'text', value: `survey Eq. ${def.survey}` }])] : [];
  const number = el('span', ['equation-number'], [{ type: 'text', value: `(${def.number})` }, ...survey]);
  m.data = { hName: 'div', hProperties: { className: ['equation', 'equation-numbered'], id: eq.anchor, dataEq: def.label }, hChildren: [math, number] };
}
