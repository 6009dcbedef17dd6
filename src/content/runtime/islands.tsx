import { StrictMode, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FigureHost } from '../../figures/host/FigureHost';
import { figureMeta, loadFigure } from '../../figures/registry';
import { getManifest } from '..';
import type { FigureInfo } from '../types';
import { applyFigureAttrs, figureStoreFor } from './figureStores';

/*
 * Figures as islands. The page arrives as static HTML (src/content/essayHtml.ts): each figure is a
 * `<div class="figure-island" data-island="<chapter>#<index>">` holding the figure's poster and caption. When an
 * island comes within a screen or two of the viewport (one shared observer), or a link asks for it, its code
 * loads and React takes the island over, showing the poster until the figure has drawn. Islands the reader never
 * approaches run no figure code. Once awake, an island stays (its loop pauses off screen).
 */

const roots = new Map<Element, { root: Root; poster: string }>();
let observer: IntersectionObserver | null = null;

/** The figure an island stands for, from the manifest. */
function figureOf(island: Element): { chapter: string; figure: FigureInfo } | null {
  const [chapter, index] = (island.getAttribute('data-island') ?? '').split('#');
  const info = getManifest().chapters.find((c) => c.slug === chapter);
  const figure = info?.figures.find((f) => f.index === Number(index));
  return figure ? { chapter, figure } : null;
}

/** Wakes one island now: loads its figure's code, then mounts the figure in place of the poster. */
export function wakeIsland(island: Element): void {
  if (roots.has(island) || island.hasAttribute('data-waking')) return;
  const found = figureOf(island);
  if (!found) return;
  observer?.unobserve(island);
  island.setAttribute('data-waking', '');
  const poster = island.querySelector('.figure-poster-frame')?.outerHTML ?? '';
  // Load the code first, so React replaces the poster with the drawn figure in one step (the Suspense
  // fallback shows the same poster if the figure suspends again).
  const ready = loadFigure(found.figure.id).catch(() => undefined);
  void ready.then(() => {
    if (!island.isConnected || roots.has(island)) return;
    roots.set(island, { root: createRoot(island), poster });
    refreshIsland(island);
  });
}

/** Renders an awake island again with its figure's current entry in the manifest (after live reload). */
export function refreshIsland(island: Element): void {
  const awake = roots.get(island);
  const found = figureOf(island);
  if (!awake || !found) return;
  awake.root.render(
    <StrictMode>
      <IslandFigure chapter={found.chapter} figure={found.figure} poster={awake.poster} />
    </StrictMode>,
  );
}

/** Wakes the island of the figure with this element id (a deep link), if there is one. */
export function wakeFigure(anchor: string): boolean {
  const island = document.getElementById(anchor)?.closest('.figure-island');
  if (!island) return false;
  wakeIsland(island);
  return true;
}

/** Watches every island under `container` that is not awake yet; call again after new islands are added. */
export function observeIslands(container: ParentNode): void {
  if (typeof IntersectionObserver === 'undefined') {
    for (const el of container.querySelectorAll('.figure-island')) wakeIsland(el);
    return;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) wakeIsland(e.target);
    },
    { rootMargin: '1200px 0px' },
  );
  for (const el of container.querySelectorAll('.figure-island')) if (!roots.has(el)) observer.observe(el);
}

/** Whether an island has been taken over by its figure. */
export const isAwake = (island: Element): boolean => roots.has(island);

/** Unmounts an island's figure (live reload removed it from the chapter). */
export function releaseIsland(island: Element): void {
  observer?.unobserve(island);
  roots.get(island)?.root.unmount();
  roots.delete(island);
}

function IslandFigure({ chapter, figure, poster }: { chapter: string; figure: FigureInfo; poster: string }) {
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
      fallback={poster ? <div className="figure-poster-wrap" dangerouslySetInnerHTML={{ __html: poster }} /> : undefined}
      caption={figure.caption ? <span className="figure-caption-text" dangerouslySetInnerHTML={{ __html: figure.caption }} /> : undefined}
    />
  );
}
