import { useEffect, useRef, useState } from 'react';
import { FigureHost } from '../../figures/host/FigureHost';
import { figureMeta } from '../../figures/registry';
import type { ChapterContent, ChapterInfo, FigureInfo } from '../types';
import { applyFigureAttrs, figureStoreFor } from './figureStores';

/*
 * One chapter: its title block, then its body as prose HTML (typeset at build time) interleaved with live
 * figures. Figures are React children keyed by their index in the chapter, so a live-reloaded chapter
 * keeps its figures mounted; their stores are kept outside React as well (figureStores.ts).
 * The HTML set here (segments, captions) is the compiler's output only: every fragment passed rehype-sanitize
 * with the essay's allowlist at build time (src/content/compiler/sanitize.ts), and a chapter with unsafe HTML
 * does not build. Nothing typed by a reader or read from a URL ever reaches dangerouslySetInnerHTML.
 */
export function ChapterView({ info, content }: { info: ChapterInfo; content?: ChapterContent }) {
  const figures = new Map(info.figures.map((f) => [f.number, f]));
  return (
    <article className="chapter" id={info.slug} aria-labelledby={`${info.slug}-title`} data-chapter={info.slug}>
      <header className="chapter-head">
        <p className="chapter-number">Chapter {info.number}</p>
        <h2 id={`${info.slug}-title`} className="chapter-title">
          {info.title}
        </h2>
        {info.summary && <p className="chapter-summary">{info.summary}</p>}
      </header>
      {content ? (
        content.segments.map((s, i) => {
          if (s.kind === 'html') return <div key={`p${i}`} className="prose" dangerouslySetInnerHTML={{ __html: s.html }} />;
          const f = figures.get(s.figure);
          return f ? <EssayFigure key={`f${f.index}`} chapter={info.slug} figure={f} /> : null;
        })
      ) : (
        <p className="chapter-loading" role="status">
          Loading chapter {info.number}…
        </p>
      )}
    </article>
  );
}

/*
 * Figures mount when they first come within a screen or two of the viewport (one shared observer), so
 * opening the essay runs only the figures a reader can reach; once mounted they stay (their loop pauses
 * off screen). Until then a placeholder holds their place, id and name, so deep links and tests find them.
 */
type NearListener = () => void;
const nearListeners = new Map<Element, NearListener>();
let nearObserver: IntersectionObserver | null = null;
function observeNear(el: Element, on: NearListener): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    on();
    return () => {};
  }
  nearObserver ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) nearListeners.get(e.target)?.();
    },
    { rootMargin: '1200px 0px' },
  );
  nearListeners.set(el, on);
  nearObserver.observe(el);
  return () => {
    nearListeners.delete(el);
    nearObserver?.unobserve(el);
  };
}

function EssayFigure({ chapter, figure }: { chapter: string; figure: FigureInfo }) {
  const [near, setNear] = useState(false);
  const placeholder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (near || !placeholder.current) return;
    return observeNear(placeholder.current, () => setNear(true));
  }, [near]);
  if (!near) {
    const meta = figureMeta(figure.id);
    return (
      <div ref={placeholder} className="figure figure-placeholder" id={figure.anchor} data-figure={figure.id} role="group" aria-label={`Figure ${figure.number}: ${meta?.title ?? figure.id}`}>
        <p className="figure-loading">Figure {figure.number} loads as you reach it.</p>
      </div>
    );
  }
  return <MountedFigure chapter={chapter} figure={figure} />;
}

function MountedFigure({ chapter, figure }: { chapter: string; figure: FigureInfo }) {
  const meta = figureMeta(figure.id);
  const store = meta ? figureStoreFor(chapter, figure.index, meta, figure.attrs) : undefined;
  const attrsKey = JSON.stringify(figure.attrs);
  useEffect(() => {
    if (meta) applyFigureAttrs(chapter, figure.index, meta, figure.attrs);
  }, [attrsKey]);
  return (
    <FigureHost
      id={figure.id}
      attrs={figure.attrs}
      number={figure.number}
      anchor={figure.anchor}
      store={store}
      caption={figure.caption ? <span className="figure-caption-text" dangerouslySetInnerHTML={{ __html: figure.caption }} /> : undefined}
    />
  );
}
