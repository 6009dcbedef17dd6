/*
 * Frame-time recording for the benchmarks in tests/bench/. A benchmark page sets
 * `window.__frameTimes = {}` before figures mount; figures then append each frame's duration (ms) under
 * their id. When the object is absent this costs one property read per frame.
 */
declare global {
  interface Window {
    __frameTimes?: Record<string, number[]>;
  }
}

export function recordFrame(id: string, ms: number): void {
  const sink = typeof window !== 'undefined' ? window.__frameTimes : undefined;
  if (!sink) return;
  (sink[id] ??= []).push(ms);
}
