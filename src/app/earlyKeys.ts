/*
 * The app's modules load after the page is painted (src/scripts/cspPlugin.ts), so a reader can press a key
 * before anything listens. index.html's first script keeps such keys in `window.mipsEarlyKeys` (the last 8)
 * until the essay's shortcut listener starts and takes them.
 */
declare global {
  interface Window {
    mipsEarlyKeys?: string[];
  }
}

/** Whether one of `keys` was pressed before the app listened. Ends the keeping: later keys reach listeners. */
export function takeEarlyKey(keys: readonly string[]): boolean {
  const early = window.mipsEarlyKeys ?? [];
  window.mipsEarlyKeys = undefined;
  return early.some((k) => keys.includes(k));
}
