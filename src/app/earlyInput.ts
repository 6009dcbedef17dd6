/*
 * The app's modules load after the page is painted (src/scripts/cspPlugin.ts), so a reader can press a key or
 * tap a header button before anything listens. index.html's first script keeps the last few of each in
 * `window.mipsEarly` until the listener that owns them starts and takes them; from then on nothing is kept.
 */
declare global {
  interface Window {
    mipsEarly?: { keys?: string[]; clicks?: string[] };
  }
}

/** Whether one of `keys` was pressed before the app listened. */
export function takeEarlyKey(keys: readonly string[]): boolean {
  const early = window.mipsEarly?.keys ?? [];
  if (window.mipsEarly) window.mipsEarly.keys = undefined;
  return early.some((k) => keys.includes(k));
}

/** The header buttons (by class name) tapped before the app listened, in order. */
export function takeEarlyClicks(): string[] {
  const early = window.mipsEarly?.clicks ?? [];
  if (window.mipsEarly) window.mipsEarly.clicks = undefined;
  return early;
}
