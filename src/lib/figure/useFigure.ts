import type { FigureMeta, PropSpecs } from './spec';
import type { FigureStore } from './store';

/**
 * A figure component's typed handle on the store it was given. The registry hands every component a store of
 * unknown props; this checks that it was made for this figure's declaration and returns it typed by `meta`,
 * so `store.getState().params.sigma` is a number without a cast.
 */
export function useFigure<P extends PropSpecs>(meta: FigureMeta<P>, store: FigureStore<PropSpecs>): FigureStore<P> {
  const given = store.getState().meta;
  if (given.id !== meta.id) throw new Error(`figure "${meta.id}" was given the store of "${given.id}"`);
  return store as unknown as FigureStore<P>;
}
