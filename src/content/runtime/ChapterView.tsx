import { useEffect } from 'react';
import { FigureHost } from '../../lib/figure/FigureHost';
import { figureMeta } from '../../figures/registry';
import type { ChapterContent, ChapterInfo, FigureInfo } from '../types';
import { applyFigureAttrs, figureStoreFor } from './figureStores';

/*
 * One chapter: its title block, then its body as prose HTML (typeset at build time) interleaved with live
 * figures. Figures are React children keyed by their index in the chapter, so a live-reloaded chapter
 * keeps its figures mounted; their stores are kept outside React as well (figureStores.ts).
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

function EssayFigure({ chapter, figure }: { chapter: string; figure: FigureInfo }) {
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
