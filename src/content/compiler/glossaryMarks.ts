import type { Root as HRoot, RootContent as HContent, Element as HElement } from 'hast';
import { lookupSymbol } from '../../lib/glossary/glossary';

/*
 * The glossary's keyboard access, written at build time: every display equation that uses a symbol of the
 * survey's Table 2 becomes a focusable, named group that points at the shared tooltip. The page's enhancer
 * (src/lib/glossary/GlossaryTips.tsx) then only listens; it never walks the essay's math when the page starts.
 */

export const GLOSSARY_LABEL = 'Equation. Use the left and right arrow keys to hear what each symbol means.';

const classes = (el: HElement): unknown[] => (Array.isArray(el.properties.className) ? el.properties.className : []);
const text = (n: HContent): string => (n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(text).join('') : '');

/** Whether a display equation (KaTeX's `.katex-display`) holds a letter the glossary defines. */
function definesSymbol(display: HElement): boolean {
  const visit = (el: HElement): boolean => {
    const cls = classes(el);
    if (cls.includes('katex-mathml')) return false;
    for (let i = 0; i < el.children.length; i++) {
      const c = el.children[i];
      if (c.type !== 'element') continue;
      const k = classes(c);
      if (k.includes('mord') && k.includes('mathnormal')) {
        const letter = text(c);
        const next = el.children.slice(i + 1).find((n): n is HElement => n.type === 'element');
        const sup = next && classes(next).includes('msupsub') ? text(next) : '';
        if ([...letter].length === 1 && lookupSymbol(letter, sup)) return true;
      }
      if (visit(c)) return true;
    }
    return false;
  };
  return visit(display);
}

/** Marks every display equation under `node` for the glossary (`data-glossary="yes"` or `"none"`). */
export function markGlossary(node: HRoot | HContent): void {
  if (node.type === 'element' && classes(node).includes('katex-display')) {
    const yes = definesSymbol(node);
    node.properties.dataGlossary = yes ? 'yes' : 'none';
    if (yes) {
      node.properties.tabIndex = 0;
      node.properties.ariaDescribedBy = ['glossary-tip'];
      node.properties.role = 'group';
      node.properties.ariaLabel = GLOSSARY_LABEL;
    }
    return;
  }
  if ('children' in node) for (const c of node.children) markGlossary(c as HContent);
}
