import { useEffect, useRef } from 'react';
import { lookupSymbol, type GlossaryEntry } from './glossary';
import './glossary.css';

/*
 * Explains the essay's notation in place. The chapters' math is typeset at build time by KaTeX, which renders
 * each italic letter as `span.mord.mathnormal`. This enhancer listens (by delegation, so it works for
 * chapters that load later) for a pointer over such a letter and, if the survey's Table 2 defines it, shows
 * one shared tooltip with its meaning. For keyboard readers the build made every display equation that uses
 * such a symbol focusable (src/content/compiler/glossaryMarks.ts): focus shows the first defined symbol, ← and
 * → step through the others, Escape hides the tip. Figures are left alone (their own labels explain their
 * symbols).
 */
const LEAF = '.katex .mord.mathnormal';

function symbolOf(el: Element): GlossaryEntry | undefined {
  const text = el.textContent ?? '';
  if ([...text].length !== 1) return undefined;
  const sup = el.nextElementSibling?.classList.contains('msupsub') ? el.nextElementSibling.textContent ?? '' : '';
  return lookupSymbol(text, sup);
}

function inEssayMath(el: Element, root: Element): boolean {
  return root.contains(el) && !el.closest('[data-figure]') && !el.closest('.katex-mathml');
}

export function GlossaryTips({ rootId = 'content' }: { rootId?: string }) {
  const tip = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = document.getElementById(rootId);
    const box = tip.current;
    if (!root || !box) return;
    let active: Element | null = null;
    let focusList: Element[] = [];
    let focusIndex = 0;

    const show = (leaf: Element, entry: GlossaryEntry, hint = '') => {
      active?.classList.remove('glossary-active');
      active = leaf;
      leaf.classList.add('glossary-active');
      box.innerHTML = '';
      const sym = document.createElement('strong');
      sym.className = 'glossary-tip-symbol';
      sym.textContent = entry.marker ? `${entry.char}${entry.marker}` : entry.char;
      const text = document.createElement('span');
      text.textContent = ` ${entry.meaning}.`;
      const src = document.createElement('span');
      src.className = 'glossary-tip-source';
      src.textContent = ` Survey Table 2${hint}`;
      box.append(sym, text, src);
      box.hidden = false;
      const r = leaf.getBoundingClientRect();
      const w = Math.min(320, window.innerWidth - 16);
      box.style.maxWidth = `${w}px`;
      const left = Math.max(8, Math.min(window.innerWidth - w - 8, r.left + r.width / 2 - w / 2));
      box.style.left = `${left + window.scrollX}px`;
      const below = r.bottom + 8;
      box.style.top = `${below + window.scrollY}px`;
      box.dataset.symbol = entry.id;
    };
    const hide = () => {
      active?.classList.remove('glossary-active');
      active = null;
      box.hidden = true;
      delete box.dataset.symbol;
    };

    const onOver = (e: PointerEvent) => {
      const t = e.target as Element | null;
      const leaf = t?.closest?.(LEAF);
      if (!leaf || !inEssayMath(leaf, root)) return;
      const entry = symbolOf(leaf);
      if (entry) show(leaf, entry);
    };
    const onOut = (e: PointerEvent) => {
      const t = e.target as Element | null;
      if (active && t?.closest?.(LEAF) === active && !focusList.includes(active)) hide();
    };

    const showFocused = () => {
      const leaf = focusList[focusIndex];
      const entry = leaf && symbolOf(leaf);
      if (entry) show(leaf, entry, ` · symbol ${focusIndex + 1} of ${focusList.length}, ← → for the others`);
    };
    const onFocusIn = (e: FocusEvent) => {
      const d = (e.target as Element | null)?.closest?.('.katex-display[data-glossary="yes"]');
      if (!d || e.target !== d) return;
      focusList = [...d.querySelectorAll(LEAF)].filter((l) => !l.closest('.katex-mathml') && symbolOf(l));
      focusIndex = 0;
      showFocused();
    };
    const onFocusOut = (e: FocusEvent) => {
      if ((e.target as Element | null)?.matches?.('.katex-display[data-glossary="yes"]')) {
        focusList = [];
        hide();
      }
    };
    const onKey = (e: KeyboardEvent) => {
      const d = e.target as Element | null;
      if (!d?.matches?.('.katex-display[data-glossary="yes"]') || !focusList.length) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        focusIndex = (focusIndex + (e.key === 'ArrowRight' ? 1 : focusList.length - 1)) % focusList.length;
        showFocused();
      } else if (e.key === 'Escape') hide();
    };
    const onScroll = () => {
      if (active && !box.hidden && !focusList.includes(active)) hide();
    };

    root.addEventListener('pointerover', onOver);
    root.addEventListener('pointerout', onOut);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    root.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      root.removeEventListener('pointerover', onOver);
      root.removeEventListener('pointerout', onOut);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      root.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
      hide();
    };
  }, [rootId]);

  return <div ref={tip} id="glossary-tip" className="glossary-tip" role="tooltip" hidden />;
}
