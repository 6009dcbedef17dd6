import { useCallback, useEffect, useRef } from 'react';
import { useApplyTheme, useTheme } from '../../lib/theme';
import { useDeckPosition, type DeckPosition } from './deck';
import { toggleHighContrast, useDeckKeys } from './keys';
import { exitLecture, type Mode } from './mode';
import { Presenter } from './Presenter';
import { slideLabel, SlideView } from './SlideView';
import './lecture.css';

/*
 * Lecture mode: the essay as 16:9 slides, and the presenter window. The slides are built in slides.ts, shown
 * by SlideView.tsx; deck.ts holds the position (and keeps the two windows together), keys.ts the keys.
 */

export default function LectureApp({ mode }: { mode: Exclude<Mode, 'essay'> }) {
  useApplyTheme();
  const deck = useDeckPosition(mode);
  const { slides, index, slide, idRef, go, openPresenter } = deck;
  const leave = useCallback(() => exitLecture(idRef.current), [idRef]);
  useDeckKeys(mode === 'lecture' ? { go, leave, openPresenter } : { go });

  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('contrast') === 'high') useTheme.getState().setHighContrast(true);
  }, []);

  // Keep keyboard focus on the deck (not on a control of the previous slide) when the slide changes.
  const stage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!(document.activeElement instanceof Element) || !document.activeElement.closest('.lecture-presenter-tools')) stage.current?.focus({ preventScroll: true });
  }, [slide?.id]);

  const tools = <DeckTools deck={deck} mode={mode} leave={leave} />;
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

/** Previous / next, the slide count, and the buttons for the keys P, H and Esc. */
function DeckTools({ deck: { slides, index, go, openPresenter }, mode, leave }: { deck: DeckPosition; mode: Exclude<Mode, 'essay'>; leave: () => void }) {
  const highContrast = useTheme((s) => s.highContrast);
  return (
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
      <button type="button" className="btn" aria-pressed={highContrast} onClick={toggleHighContrast}>
        High contrast <kbd>H</kbd>
      </button>
      {mode === 'lecture' && (
        <button type="button" className="btn" onClick={leave}>
          Leave <kbd>Esc</kbd>
        </button>
      )}
    </div>
  );
}
