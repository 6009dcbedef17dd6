import type { ComponentType } from 'react';
import type { FigureMeta } from '../lib/figure/spec';
import type { FigureStore } from '../lib/figure/store';

/*
 * The one place markdown names resolve. Each figure lives in `src/figures/<id>/` with a `meta.ts` (its
 * declaration, imported eagerly: it is small) and a `Component.tsx` (code-split, loaded when needed).
 * Adding a figure means adding a folder; nothing here changes.
 */

export interface FigureProps {
  store: FigureStore<any>;
}
export type FigureComponent = ComponentType<FigureProps>;

const metaModules = import.meta.glob<{ meta: FigureMeta }>('./*/meta.ts', { eager: true });
const componentModules = import.meta.glob<{ default: FigureComponent }>('./*/Component.tsx');

function folderOf(path: string): string {
  return path.split('/')[1];
}

export const figures: Record<string, FigureMeta> = {};
for (const [path, mod] of Object.entries(metaModules)) {
  const folder = folderOf(path);
  if (mod.meta.id !== folder) throw new Error(`figure folder "${folder}" declares id "${mod.meta.id}": they must match`);
  figures[mod.meta.id] = mod.meta;
}

export function figureMeta(id: string): FigureMeta | undefined {
  return Object.prototype.hasOwnProperty.call(figures, id) ? figures[id] : undefined;
}

export function loadFigure(id: string): Promise<{ default: FigureComponent }> {
  const loader = componentModules[`./${id}/Component.tsx`];
  if (!loader) return Promise.reject(new Error(`no component for figure "${id}"`));
  return loader();
}
