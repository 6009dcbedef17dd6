import type { Root as MdRoot, RootContent as MdContent } from 'mdast';
import type { Root as HRoot, RootContent as HContent, Element as HElement } from 'hast';
import type { Position } from 'unist';
import { contentKey, type ContentCache } from './cache';
import type { Place, Report } from './context';
import { lineColAt } from './text';
import { walk } from './tree';
import { speak } from '../../lib/speech';

/*
 * KaTeX at build time: the options every formula is typeset with, TeX errors placed at their line and
 * column in the chapter, and accessible names for links made of a formula.
 */

/** Authors' TeX macros shared by every chapter. */
export const KATEX_MACROS: Record<string, string> = {};

export const KATEX_OPTIONS = {
  strict: false as const,
  trust: (ctx: { command: string }) => ctx.command === '\\htmlClass' || ctx.command === '\\htmlData' || ctx.command === '\\htmlId',
  macros: KATEX_MACROS,
};

/** The first line of a KaTeX error. */
export function texReason(cause: unknown): string {
  const e = cause as { rawMessage?: string; message?: string } | undefined;
  return (e?.rawMessage ?? e?.message ?? 'KaTeX cannot parse this').split('\n')[0];
}

/** The place of `offset` in a formula starting at `start` (display TeX starts on the line after its fence). */
function placeIn(tex: string, display: boolean, start: Place, offset: number | undefined): Place {
  if (offset === undefined) return { line: start.line, column: start.column };
  if (!display) return { line: start.line, column: start.column + 1 + offset };
  const lc = lineColAt(tex, offset);
  return { line: start.line + lc.line, column: lc.column };
}

/** Check mode: parse every formula with KaTeX (no rendering) and report errors where they are. */
export async function checkMath(tree: MdRoot, file: string, report: Report, cache?: ContentCache): Promise<void> {
  const formulas: MdContent[] = [];
  walk(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') formulas.push(node);
  });
  const key = (n: MdContent) => contentKey('tex-v1', n.type, (n as { value: string }).value);
  const todo = formulas.filter((n) => !cache?.ok(key(n)));
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
      cache?.setOk(key(node));
    } catch (e) {
      if (!(e instanceof katex.ParseError)) continue;
      const start = node.position?.start;
      report(file, start && placeIn(value, display, start, (e as unknown as { position?: number }).position), `TeX error: ${texReason(e)}`);
    }
  }
}

/** The line and column of a rehype-katex error inside its formula (KaTeX reports an offset into the TeX). */
export function texErrorPlace(place: unknown, cause: unknown, ancestors: unknown): Place | undefined {
  const p = place as Position | Place | undefined;
  const start = p && 'start' in p ? p.start : (p as Place | undefined);
  if (!start) return undefined;
  const chain = (ancestors as HElement[] | undefined) ?? [];
  const el = chain[chain.length - 1];
  const display = Array.isArray(el?.properties?.className) && el.properties.className.includes('math-display');
  return placeIn(el ? textOf(el) : '', display, start, (cause as { position?: number } | undefined)?.position);
}

/** A short formula in words for a screen reader (lib/speech.ts); a command it does not know is read by its name. */
export function spokenTex(tex: string): string {
  const plain = tex.replace(/\\(?:mathbf|mathrm|boldsymbol|operatorname|text)\{([^}]*)\}/g, '$1');
  return speak(plain)
    .replace(/\^?\\([A-Za-z]+)/g, ' $1')
    .replace(/[{}^_\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function textOf(el: HElement): string {
  return el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

/**
 * A link whose whole text is a formula (`[$t$](#sym-t)`) gets the formula in words as its accessible name
 * ("p_\theta(x)" → "p theta (x)"): KaTeX hides its visual HTML from assistive technology and not every checker
 * reads the MathML.
 */
export function nameMathLinks(node: HRoot | HContent): void {
  if (node.type === 'element' && node.tagName === 'a' && !node.properties.ariaLabel) {
    const plain = node.children.filter((c) => !(c.type === 'element' && Array.isArray(c.properties.className) && c.properties.className.includes('katex')) && !(c.type === 'text' && !c.value.trim()));
    if (plain.length === 0 && node.children.length > 0) {
      const tex: string[] = [];
      const find = (n: HContent) => {
        if (n.type === 'element' && n.tagName === 'annotation') tex.push(n.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
        else if (n.type === 'element') n.children.forEach(find);
      };
      node.children.forEach(find);
      if (tex.length) node.properties.ariaLabel = spokenTex(tex.join(' '));
    }
    return;
  }
  if ('children' in node) for (const c of node.children) nameMathLinks(c as HContent);
}
