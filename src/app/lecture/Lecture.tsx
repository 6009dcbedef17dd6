import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadAllChapters, useEssay } from '../../content';
import { figureStoreFor } from '../../content/runtime/figureStores';
import { figureMeta } from '../../figures/registry';
import { FigureHost } from '../../lib/figure/FigureHost';
import { useApplyTheme, useTheme } from '../../lib/theme';
import { ESSAY_SUBTITLE, ESSAY_TITLE } from '../../content/titlePage';
import { buildSlides, type Slide } from './slides';
import { exitLecture, presenterUrl, slideFromHash, type Mode } from './mode';
import { openSync, rememberChild, type Sync } from './sync';
import './lecture.css';

/*
 * Lecture mode: the essay as 16:9 slides (see slides.ts), and the presenter window. Keys:
 *   → ↓ Space PageDown   next slide          ← ↑ PageUp   previous slide (clickers send PageUp/PageDown)
 *   Home / End           first / last        P            open the presenter window
 *   H                    high contrast       Esc          leave the figure's controls, then lecture mode
 * Inside a figure's controls, arrows and Space belong to the figure; PageUp/PageDown still turn slides.
 */

const NEXT = new Set(['ArrowRight', 'ArrowDown', ' ', 'PageDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** True when a key press belongs to the element that has focus (a slider, a button, a figure's canvas). */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[data-figure], input, select, textarea, [contenteditable="true"], [role="slider"]')) return true;
  // A button or link outside a figure keeps Space and Enter (to press it); arrows still turn slides.
  return (key === ' ' || key === 'Enter') && !!target.closest('button, a[href]');
}

export function useDeck() {
  const manifest = useEssay((s) => s.manifest);
  const contents = useEssay((s) => s.chapters);
  useEffect(() => {
    void loadAllChapters();
  }, []);
  const slides = useMemo(() => buildSlides(manifest, contents), [manifest, contents]);
  const allLoaded = manifest.chapters.every((c) => contents[c.slug]);
  return { slides, allLoaded };
}

export default function LectureApp({ mode }: { mode: Exclude<Mode, 'essay'> }) {
  useApplyTheme();
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
    (delta: number | 'first' | 'last') => {
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

  const highContrast = useTheme((s) => s.highContrast);
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('contrast') === 'high') useTheme.getState().setHighContrast(true);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const owned = ownsKeys(e.target, e.key);
      if (e.key === 'PageDown' || e.key === 'PageUp') {
        e.preventDefault();
        go(e.key === 'PageDown' ? 1 : -1);
        return;
      }
      if (e.key === 'Escape') {
        if (owned && document.activeElement instanceof HTMLElement) {
          document.activeElement.blur();
          document.querySelector<HTMLElement>('.lecture-stage-focus')?.focus();
        } else if (mode === 'lecture') exitLecture(idRef.current);
        return;
      }
      if (owned) return;
      if (NEXT.has(e.key)) {
        e.preventDefault();
        go(1);
      } else if (PREV.has(e.key)) {
        e.preventDefault();
        go(-1);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        go(e.key === 'Home' ? 'first' : 'last');
      } else if ((e.key === 'p' || e.key === 'P') && mode === 'lecture') {
        openPresenter();
      } else if (e.key === 'h' || e.key === 'H') {
        useTheme.getState().setHighContrast(!useTheme.getState().highContrast);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, mode, openPresenter]);

  // Keep keyboard focus on the deck (not on a control of the previous slide) when the slide changes.
  const stage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!(document.activeElement instanceof Element) || !document.activeElement.closest('.lecture-presenter-tools')) stage.current?.focus({ preventScroll: true });
  }, [slide?.id]);

  const tools = (
    <div className="lecture-tools">
      <button type="button" className="btn" onClick={() => go(-1)} aria-label="Previous slide" disabled={index <= 0}>
        ←
      </button>
      <span className="lecture-count" data-testid="slide-count">
        {index + 1} / {slides.length}
      </span>
      <button type="button" className="btn" onClick={() => go(1)} aria-label="Next slide" disabled={index >= slides.length - 1}>
        →
      </button>
      {mode === 'lecture' && (
        <button type="button" className="btn" onClick={openPresenter}>
          Presenter <kbd>P</kbd>
        </button>
      )}
      <button type="button" className="btn" aria-pressed={highContrast} onClick={() => useTheme.getState().setHighContrast(!highContrast)}>
        High contrast <kbd>H</kbd>
      </button>
      {mode === 'lecture' && (
        <button type="button" className="btn" onClick={() => exitLecture(idRef.current)}>
          Leave <kbd>Esc</kbd>
        </button>
      )}
    </div>
  );

  if (mode === 'presenter') return <Presenter slides={slides} index={index} slide={slide} stage={stage} tools={tools} />;

  return (
    <div className="lecture" data-testid="lecture">
      <div className="lecture-stage lecture-stage-focus" ref={stage} tabIndex={-1} role="region" aria-roledescription="slide" aria-label={slide ? slideLabel(slide) : 'Loading'} data-slide={slide?.id} data-kind={slide?.kind}>
        {slide ? <SlideView slide={slide} live /> : <p className="lecture-loading">Loading the essay…</p>}
      </div>
      {tools}
      <p className="sr-only" aria-live="polite">
        {slide ? `Slide ${index + 1} of ${slides.length}: ${slideLabel(slide)}` : ''}
      </p>
    </div>
  );
}

function slideLabel(s: Slide): string {
  switch (s.kind) {
    case 'title':
      return ESSAY_TITLE;
    case 'chapter':
      return `Chapter ${s.chapter.number}: ${s.chapter.title}`;
    case 'section':
      return s.section.title;
    case 'equation':
      return `Equation ${s.number}${s.survey ? ` (survey Eq. ${s.survey})` : ''}`;
    case 'figure':
      return `Figure ${s.figure.number}: ${figureMeta(s.figure.id)?.title ?? s.figure.id}`;
  }
}

/** One slide. `live` mounts the figure; previews (presenter window) show a still card instead. */
export function SlideView({ slide, live }: { slide: Slide; live: boolean }) {
  const kicker = slide.chapter ? (
    <p className="slide-kicker">
      {slide.chapter.number}. {slide.chapter.title}
    </p>
  ) : null;
  switch (slide.kind) {
    case 'title':
      return (
        <div className="slide slide-title">
          <p className="slide-kicker">An explorable essay</p>
          <h1>{ESSAY_TITLE}</h1>
          <p className="slide-key">{ESSAY_SUBTITLE}</p>
          <p className="slide-help">→ or PageDown: next · P: presenter window · H: high contrast · Esc: back to the essay</p>
        </div>
      );
    case 'chapter':
      return (
        <div className="slide slide-chapter">
          <p className="slide-kicker">Chapter {slide.chapter.number}</p>
          <h1>{slide.chapter.title}</h1>
          {slide.chapter.summary && <p className="slide-summary">{slide.chapter.summary}</p>}
        </div>
      );
    case 'section':
      return (
        <div className="slide slide-section">
          {kicker}
          <h1 dangerouslySetInnerHTML={{ __html: slide.section.titleHtml ?? escape(slide.section.title) }} />
          {slide.keyHtml && <p className="slide-key" dangerouslySetInnerHTML={{ __html: slide.keyHtml }} />}
        </div>
      );
    case 'equation':
      return (
        <div className="slide slide-equation">
          {kicker}
          {slide.section && <h2 dangerouslySetInnerHTML={{ __html: slide.section.titleHtml ?? escape(slide.section.title) }} />}
          <div className="slide-math" dangerouslySetInnerHTML={{ __html: slide.html }} />
          <p className="slide-eqnum">
            ({slide.number}){slide.survey ? ` · survey Eq. ${slide.survey}` : ''}
          </p>
        </div>
      );
    case 'figure':
      return live ? <LiveFigure slide={slide} /> : <FigureCard slide={slide} />;
  }
}

function escape(t: string): string {
  return t.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function LiveFigure({ slide }: { slide: Extract<Slide, { kind: 'figure' }> }) {
  const f = slide.figure;
  const meta = figureMeta(f.id);
  // The essay's own store for this figure: its state is the same in the essay and on its slide.
  const store = meta ? figureStoreFor(slide.chapter.slug, f.index, meta, f.attrs) : undefined;
  return (
    <div className="slide slide-figure">
      <p className="slide-kicker">
        Figure {f.number} · {meta?.title ?? f.id}
      </p>
      <div className="slide-figure-body">
        <FigureHost key={f.anchor} id={f.id} attrs={f.attrs} store={store} anchor={f.anchor} number={f.number} />
      </div>
    </div>
  );
}

function FigureCard({ slide }: { slide: Extract<Slide, { kind: 'figure' }> }) {
  const meta = figureMeta(slide.figure.id);
  const [img, setImg] = useState(true);
  return (
    <div className="slide slide-figure-card">
      <p className="slide-kicker">Figure {slide.figure.number}</p>
      <h1>{meta?.title ?? slide.figure.id}</h1>
      {img && <img src={`snapshots/${slide.figure.id}.png`} alt="" onError={() => setImg(false)} />}
      {meta && <p className="slide-key">{meta.summary}</p>}
    </div>
  );
}

function Presenter({ slides, index, slide, stage, tools }: { slides: Slide[]; index: number; slide?: Slide; stage: React.RefObject<HTMLDivElement | null>; tools: React.ReactNode }) {
  const next = index >= 0 ? slides[index + 1] : undefined;
  return (
    <div className="lecture-presenter" data-testid="presenter">
      <div className="lecture-presenter-main">
        <section className="lecture-presenter-current" aria-label="Current slide">
          <h2 className="lecture-presenter-label">Now</h2>
          <div className="lecture-stage lecture-stage-focus lecture-stage-preview" ref={stage} tabIndex={-1} data-slide={slide?.id} data-kind={slide?.kind}>
            {slide ? <SlideView slide={slide} live={false} /> : <p className="lecture-loading">Loading…</p>}
          </div>
        </section>
        <section className="lecture-presenter-next" aria-label="Next slide">
          <h2 className="lecture-presenter-label">Next</h2>
          <div className="lecture-stage lecture-stage-preview" data-slide={next?.id}>
            {next ? <SlideView slide={next} live={false} /> : <p className="lecture-loading">End of the essay</p>}
          </div>
        </section>
      </div>
      <aside className="lecture-presenter-side">
        <Timer />
        <section className="lecture-notes-panel" aria-label="Speaker notes" data-testid="notes">
          <h2 className="lecture-presenter-label">Notes</h2>
          {slide && slide.notes.length ? slide.notes.map((n, i) => <div key={i} dangerouslySetInnerHTML={{ __html: n }} />) : <p className="lecture-muted">No notes for this slide.</p>}
          {slide?.chapter?.lecture && slide.kind !== 'chapter' && (
            <>
              <h3 className="lecture-presenter-label">Chapter</h3>
              <p>{slide.chapter.lecture}</p>
            </>
          )}
        </section>
        <div className="lecture-presenter-tools">{tools}</div>
      </aside>
    </div>
  );
}

function Timer() {
  const [start, setStart] = useState(() => Date.now());
  const [paused, setPaused] = useState<number | null>(null);
  const [, tick] = useState(0);
  useEffect(() => {
    const t = window.setInterval(() => tick((n) => n + 1), 500);
    return () => window.clearInterval(t);
  }, []);
  const elapsed = Math.max(0, (paused ?? Date.now()) - start);
  const s = Math.floor(elapsed / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <div className="lecture-timer" role="timer" aria-label="Elapsed time">
      <span className="lecture-timer-time" data-testid="timer">
        {text}
      </span>
      <button
        type="button"
        className="btn"
        onClick={() => {
          if (paused === null) setPaused(Date.now());
          else {
            setStart(start + (Date.now() - paused));
            setPaused(null);
          }
        }}
      >
        {paused === null ? 'Pause' : 'Resume'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => {
          setStart(Date.now());
          setPaused(paused === null ? null : Date.now());
        }}
      >
        Restart
      </button>
    </div>
  );
}
