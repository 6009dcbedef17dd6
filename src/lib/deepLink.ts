import type { FigureMeta, PropIssue } from './figure/spec';
import type { FigureStore } from './figure/store';
import type { FigureStateSnapshot, FigureUrlState } from './urlState';

/*
 * Applying a figure state read from a URL (urlState.ts) to a live figure store. The simulation then resets
 * and replays `steps` updates with the link's history (useSimulation, replayDriver.ts), so the run replays
 * exactly from the seed. A restored
 * state that has moved in time is shown paused, as it was when the link was copied.
 */
export function applyUrlState(store: FigureStore, state: FigureUrlState): void {
  const s = store.getState();
  store.setState({
    params: state.values as typeof s.params,
    seed: state.seed ?? s.seed,
    speed: state.speed ?? s.speed,
    targetSteps: state.steps ?? 0,
    targetHistory: state.history ?? [],
    resetToken: s.resetToken + 1,
    playing: state.steps ? false : s.playing,
    notices: state.notices,
  });
}

/** Store state → the snapshot urlState serialises. */
export function snapshotOf(store: FigureStore): FigureStateSnapshot & { meta: FigureMeta } {
  const s = store.getState();
  return { meta: s.meta, params: s.params as Record<string, unknown>, seed: s.seed, steps: s.steps, speed: s.speed, base: s.base as Record<string, unknown>, history: s.history };
}

/** Page-level notices (a link to a figure that does not exist, settings with no figure to apply to). */
type Listener = (n: string[]) => void;
let pageNotices: string[] = [];
const listeners = new Set<Listener>();
export function addPageNotice(message: string): void {
  if (pageNotices.includes(message)) return;
  pageNotices = [...pageNotices, message];
  for (const l of listeners) l(pageNotices);
}
export function dismissPageNotices(): void {
  pageNotices = [];
  for (const l of listeners) l(pageNotices);
}
export function subscribePageNotices(l: Listener): () => void {
  listeners.add(l);
  l(pageNotices);
  return () => listeners.delete(l);
}
export function issuesText(issues: PropIssue[]): string {
  return issues.map((i) => i.message).join('; ');
}
