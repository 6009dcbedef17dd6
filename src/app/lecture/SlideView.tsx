import { useRef, useState } from 'react';
import { figureStoreFor } from '../../content/runtime/figureStores';
import { figureMeta } from '../../figures/registry';
import { FigureHost } from '../../figures/host/FigureHost';
import { ESSAY_SUBTITLE, ESSAY_TITLE } from '../../content/titlePage';
import type { Slide } from './slides';
import { useSlideZoom } from './slideZoom';

/*
 * What one slide shows (slides.ts decides which slides there are): the title, a chapter, a section with its key
 * sentence, an equation, or a figure: live on the projected deck, a still card in the presenter's previews.
 */

/** The slide's accessible name. */
export function slideLabel(s: Slide): string {
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
      return live ? <LiveFigure key={slide.id} slide={slide} /> : <FigureCard slide={slide} />;
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
  const body = useRef<HTMLDivElement>(null);
  useSlideZoom(body);
  return (
    <div className="slide slide-figure">
      <p className="slide-kicker">
        Figure {f.number} · {meta?.title ?? f.id}
      </p>
      <div className="slide-figure-body" ref={body}>
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
