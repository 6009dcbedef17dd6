import { useEffect, useRef, useState } from 'react';
import type { BibEntryInfo, EssayManifest } from '../types';
import { typesetChapter } from './typesetMath';

/*
 * Hover (and keyboard-focus) cards for citations and equation references. One listener on the document
 * finds `a.cite` and `a.eqref` links; the card shows the bibliography entry, or the referenced equation
 * cloned from the page (typeset at build time, so no TeX runs here). The links still work as links.
 */

interface Card {
  kind: 'cite' | 'eq';
  html: string;
  anchor: HTMLElement;
}

const CARD_ID = 'hover-card';

export function HoverCards({ manifest }: { manifest: EssayManifest }) {
  const [card, setCard] = useState<Card | null>(null);
  const [pos, setPos] = useState<{ left: number; top: number; below: boolean } | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const hideTimer = useRef(0);
  const manifestRef = useRef(manifest);
  manifestRef.current = manifest;

  useEffect(() => {
    const bib = () => new Map<string, BibEntryInfo>(manifestRef.current.bibliography.map((b) => [b.key, b]));
    const show = (a: HTMLElement) => {
      window.clearTimeout(hideTimer.current);
      if (a.classList.contains('cite')) {
        const e = bib().get(a.dataset.cite ?? '');
        if (!e) return;
        setCard({ kind: 'cite', anchor: a, html: `<p><span class="hover-card-num">[${e.number}]</span> ${e.html}</p>` });
      } else {
        const label = a.dataset.eq ?? '';
        const el = document.getElementById(`eq-${label}`);
        const info = manifestRef.current.chapters.flatMap((c) => c.equations).find((q) => q.label === label);
        const tag = info ? `<span class="hover-card-num">(${info.number})</span>${info.survey ? ` <span class="equation-survey">survey Eq. ${info.survey}</span>` : ''}` : '';
        const card = (): Card => {
          const math = el?.querySelector('.equation-math')?.innerHTML;
          const html = math ?? `<pre>${(info?.tex ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`;
          return { kind: 'eq', anchor: a, html: `<div class="hover-card-eq">${html}</div><p class="hover-card-tag">${tag}</p>` };
        };
        setCard(card());
        // An equation in a chapter not yet typeset (typesetMath.ts) shows as MathML, then typeset once it is.
        const chapter = el?.closest<HTMLElement>('.chapter[data-typeset]');
        if (chapter) typesetChapter(chapter).then(() => setCard((c) => (c?.anchor === a ? card() : c)), () => undefined);
      }
    };
    const hideSoon = () => {
      window.clearTimeout(hideTimer.current);
      hideTimer.current = window.setTimeout(() => setCard(null), 180);
    };
    const target = (e: Event) => (e.target instanceof Element ? (e.target.closest('a.cite, a.eqref') as HTMLElement | null) : null);
    const over = (e: Event) => {
      const a = target(e);
      if (a) show(a);
      else if (e.target instanceof Element && e.target.closest(`#${CARD_ID}`)) window.clearTimeout(hideTimer.current);
    };
    const out = (e: Event) => {
      if (target(e) || (e.target instanceof Element && e.target.closest(`#${CARD_ID}`))) hideSoon();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setCard(null);
    };
    document.addEventListener('pointerover', over);
    document.addEventListener('pointerout', out);
    document.addEventListener('focusin', over);
    document.addEventListener('focusout', out);
    document.addEventListener('keydown', key);
    return () => {
      window.clearTimeout(hideTimer.current);
      document.removeEventListener('pointerover', over);
      document.removeEventListener('pointerout', out);
      document.removeEventListener('focusin', over);
      document.removeEventListener('focusout', out);
      document.removeEventListener('keydown', key);
    };
  }, []);

  // Place the card under (or above) its link, inside the viewport; describe the link by it.
  useEffect(() => {
    if (!card) {
      setPos(null);
      return;
    }
    const a = card.anchor;
    a.setAttribute('aria-describedby', CARD_ID);
    const r = a.getBoundingClientRect();
    const w = Math.min(460, window.innerWidth - 16);
    const h = cardRef.current?.offsetHeight ?? 120;
    const below = r.bottom + h + 12 < window.innerHeight || r.top < h + 12;
    setPos({ left: Math.max(8, Math.min(r.left + r.width / 2 - w / 2, window.innerWidth - w - 8)), top: below ? r.bottom + 8 : r.top - h - 8, below });
    const close = () => setCard(null);
    window.addEventListener('scroll', close, { passive: true, once: true });
    return () => {
      a.removeAttribute('aria-describedby');
      window.removeEventListener('scroll', close);
    };
  }, [card]);

  if (!card) return null;
  return (
    <div
      id={CARD_ID}
      ref={cardRef}
      role="tooltip"
      className={`hover-card hover-card-${card.kind}`}
      data-testid={`hover-card-${card.kind}`}
      style={pos ? { left: pos.left, top: pos.top } : { left: -9999, top: 0 }}
      dangerouslySetInnerHTML={{ __html: card.html }}
    />
  );
}
