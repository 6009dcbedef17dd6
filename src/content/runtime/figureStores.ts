import { hostAttrs, transportAttr, validateProps, type FigureMeta } from '../../lib/figure/spec';
import { createFigureStore, type FigureStore } from '../../lib/figure/store';
import { prefersReducedMotion } from '../../lib/theme';

/*
 * Figure stores live here, keyed by chapter slug + the figure's index in its chapter, not inside React:
 * when live reload re-renders a chapter, each figure reattaches to the store it had, so the reader's
 * sliders, seed and play state survive an edit of the prose. An edit of the figure's attributes in the
 * markdown is applied to the existing store.
 */
const stores = new Map<string, { store: FigureStore; attrs: string }>();

export function figureStoreFor(chapter: string, index: number, meta: FigureMeta, attrs: Record<string, string>): FigureStore {
  const key = `${chapter}#${index}`;
  const json = JSON.stringify(attrs);
  const hit = stores.get(key);
  if (hit && hit.store.getState().meta.id === meta.id) return hit.store;
  const store = createFigureStore(meta, {
    attrs,
    autoplay: meta.animated && !prefersReducedMotion(),
    seed: transportAttr(meta, attrs, 'seed'),
    steps: transportAttr(meta, attrs, 'steps'),
    speed: transportAttr(meta, attrs, 'speed'),
  });
  stores.set(key, { store, attrs: json });
  return store;
}

/** Applies attributes edited in the markdown (live reload) to the figure's existing store. Call from an effect. */
export function applyFigureAttrs(chapter: string, index: number, meta: FigureMeta, attrs: Record<string, string>): void {
  const hit = stores.get(`${chapter}#${index}`);
  const json = JSON.stringify(attrs);
  if (!hit || hit.attrs === json || hit.store.getState().meta.id !== meta.id) return;
  hit.attrs = json;
  const { values, issues } = validateProps(meta, attrs, hostAttrs(meta));
  hit.store.setState({ params: values, notices: issues });
}

/** The store of a mounted essay figure (lecture mode drives figures through it), if it exists yet. */
export function essayFigureStore(chapter: string, index: number): FigureStore | undefined {
  return stores.get(`${chapter}#${index}`)?.store;
}
