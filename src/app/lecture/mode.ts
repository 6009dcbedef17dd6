import { create } from 'zustand';
import { queryEntries } from '../../lib/urlState';

/*
 * Which face the page shows: the essay, the projected deck (`?mode=lecture`) or the presenter window
 * (`?mode=presenter`). Switching keeps the page (and every figure's store), so a figure the lecturer set up
 * in the essay is in the same state on its slide. The URL follows, so a reload lands in the same place.
 */
export type Mode = 'essay' | 'lecture' | 'presenter';

function modeFromUrl(): Mode {
  if (typeof window === 'undefined') return 'essay';
  const entries = queryEntries(window.location.search);
  // A figure link (?fig=…) is the essay, whatever else it says; `mode` may be one of that figure's props.
  if (entries.some(([k]) => k === 'fig' || k === 'figure')) return 'essay';
  const m = entries.find(([k]) => k === 'mode')?.[1];
  return m === 'lecture' || m === 'presenter' ? m : 'essay';
}

export const useMode = create<{ mode: Mode }>()(() => ({ mode: modeFromUrl() }));

if (typeof window !== 'undefined') window.addEventListener('popstate', () => useMode.setState({ mode: modeFromUrl() }));

function contrastQuery(): string {
  return document.documentElement.dataset.contrast === 'high' ? '&contrast=high' : '';
}

/** Switches to the deck at the slide with this id (an essay element id). */
export function enterLecture(slideId: string): void {
  history.pushState(null, '', `?mode=lecture${contrastQuery()}#${encodeURIComponent(slideId)}`);
  useMode.setState({ mode: 'lecture' });
}

/** Back to the essay, at the element the current slide came from. */
export function exitLecture(slideId: string): void {
  history.pushState(null, '', `${window.location.pathname}#${encodeURIComponent(slideId)}`);
  useMode.setState({ mode: 'essay' });
}

/** The presenter window's address for a given slide. */
export function presenterUrl(slideId: string): string {
  return `${window.location.pathname}?mode=presenter${contrastQuery()}#${encodeURIComponent(slideId)}`;
}

/** The slide id in the hash (tolerates malformed escapes). */
export function slideFromHash(): string {
  const h = window.location.hash.slice(1);
  try {
    return decodeURIComponent(h);
  } catch {
    return h;
  }
}
