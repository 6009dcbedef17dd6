import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadAllChapters, useEssay } from '../../content';
import { buildSlides, type Slide } from './slides';
import { presenterUrl, slideFromHash, type Mode } from './mode';
import { openSync, rememberChild, type Sync } from './sync';

/*
 * The deck's state: the slides built from the whole essay (all chapters are loaded), which one is shown, and
 * moving between them. A move is written to the URL hash (#slide-id) and told to the other window (the
 * presenter's, or the projected deck) through sync.ts; a move from the other window, or a followed #link,
 * moves this deck.
 */

function useDeck() {
  const manifest = useEssay((s) => s.manifest);
  const contents = useEssay((s) => s.chapters);
  useEffect(() => {
    void loadAllChapters();
  }, []);
  const slides = useMemo(() => buildSlides(manifest, contents), [manifest, contents]);
  const allLoaded = manifest.chapters.every((c) => contents[c.slug]);
  return { slides, allLoaded };
}

export type Step = number | 'first' | 'last';

export interface DeckPosition {
  slides: Slide[];
  /** Index of the shown slide, or -1 while its chapter is still loading. */
  index: number;
  slide: Slide | undefined;
  /** The shown slide's id, current even inside event handlers registered earlier. */
  idRef: { readonly current: string };
  go: (step: Step) => void;
  openPresenter: () => void;
}

export function useDeckPosition(mode: Exclude<Mode, 'essay'>): DeckPosition {
  const { slides, allLoaded } = useDeck();
  const [id, setId] = useState(() => slideFromHash() || 'title');
  const idRef = useRef(id);
  idRef.current = id;
  const sync = useRef<Sync | null>(null);
  let index = slides.findIndex((s) => s.id === id);
  // An id that names nothing (yet): wait for the chapters, then fall back to the first slide.
  if (index < 0 && allLoaded) index = 0;
  const slide: Slide | undefined = index >= 0 ? slides[index] : undefined;

  const show = useCallback((next: string, broadcast = true) => {
    setId(next);
    history.replaceState(null, '', `${window.location.search}#${encodeURIComponent(next)}`);
    if (broadcast) sync.current?.send({ type: 'goto', id: next });
  }, []);

  const go = useCallback(
    (delta: Step) => {
      const i = Math.max(0, slides.findIndex((s) => s.id === idRef.current));
      const j = delta === 'first' ? 0 : delta === 'last' ? slides.length - 1 : Math.max(0, Math.min(slides.length - 1, i + delta));
      if (slides[j] && slides[j].id !== idRef.current) show(slides[j].id);
    },
    [slides, show],
  );

  useEffect(() => {
    const s = openSync((m) => {
      if (m.type === 'goto') show(m.id, false);
      else if (m.type === 'hello' && mode === 'lecture') s.send({ type: 'goto', id: idRef.current });
    });
    sync.current = s;
    // The presenter asks where the deck is; a deck that opens (or reloads) says where it is.
    if (mode === 'presenter') s.send({ type: 'hello', role: mode });
    else s.send({ type: 'goto', id: idRef.current });
    // A link followed inside the page (#slide-id) moves the deck too.
    const onHash = () => {
      const next = slideFromHash();
      if (next && next !== idRef.current) show(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      s.close();
      window.removeEventListener('hashchange', onHash);
    };
  }, [mode, show]);

  const openPresenter = useCallback(() => {
    rememberChild(window.open(presenterUrl(idRef.current), 'mips-presenter', 'width=1200,height=760'));
  }, []);

  return { slides, index, slide, idRef, go, openPresenter };
}
