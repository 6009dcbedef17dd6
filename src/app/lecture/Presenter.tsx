import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import type { Slide } from './slides';
import { SlideView } from './SlideView';

/*
 * The presenter window: the current and the next slide as previews, the speaker notes (the section's `:::notes`
 * and the chapter's frontmatter `lecture`), a timer, and the deck's tools.
 */

export function Presenter({ slides, index, slide, stage, tools }: { slides: Slide[]; index: number; slide?: Slide; stage: RefObject<HTMLDivElement | null>; tools: ReactNode }) {
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
