/*
 * What runs inside the page (added before any script of the essay): a requestAnimationFrame loop that records
 * frame intervals while a measurement is on, PerformanceObservers for 'longtask' and 'long-animation-frame',
 * window.__frameTimes (the per-frame work useSimulation records, src/lib/frameTimes.ts), and a keeper that
 * keeps one figure playing: it presses Play when the figure pauses, and Reset first when it has settled.
 */
export function instrument() {
  const b = {
    rec: false,
    t0: 0,
    intervals: [],
    long: [],
    loaf: [],
    observers: [],
    keeper: null,
    advanced: false,
    restarts: 0,
  };
  window.__bench = b;
  window.__frameTimes = {};
  let last = 0;
  const tick = (t) => {
    if (b.rec && last) b.intervals.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // A long animation frame's style-and-layout time runs from styleAndLayoutStart to the frame's end.
  const entry = (e) => ({ start: e.startTime, ms: e.duration, blocking: e.blockingDuration, layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : undefined });
  const observe = (type, sink) => {
    try {
      const o = new PerformanceObserver((l) => {
        for (const e of l.getEntries()) sink.push(entry(e));
      });
      o.observe({ type, buffered: true });
      b.observers.push([o, sink]);
      return true;
    } catch {
      return false;
    }
  };
  b.hasLongtask = observe('longtask', b.long);
  b.hasLoaf = observe('long-animation-frame', b.loaf);

  const stepsOf = (fig) => Number(/(\d+)/.exec(fig.querySelector('.figure-steps')?.textContent ?? '')?.[1] ?? NaN);

  /** Keeps the figure with this element id playing; `advanced` turns true once its step counter goes up. */
  b.keep = (anchor) => {
    const fig = document.getElementById(anchor);
    const play = fig.querySelector('[data-action="play"]');
    b.advanced = false;
    b.restarts = 0;
    let steps = stepsOf(fig);
    const check = () => {
      const now = stepsOf(fig);
      if (now > steps) b.advanced = true;
      steps = now;
      if (play.getAttribute('aria-pressed') !== 'true' && !play.disabled) {
        if (/settled/.test(play.textContent)) fig.querySelector('[data-action="reset"]')?.click();
        play.click();
        b.restarts++;
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(play.closest('.figure-transport') ?? fig, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-pressed'] });
    b.keeper = mo;
    check();
  };
  b.unkeep = () => {
    b.keeper?.disconnect();
    b.keeper = null;
  };

  /** Starts recording; `id` names the figure whose per-frame work (window.__frameTimes[id]) is wanted. */
  b.start = (id) => {
    b.intervals = [];
    b.workFrom = (window.__frameTimes[id] ?? []).length;
    b.restarts = 0;
    last = 0;
    b.t0 = performance.now();
    b.rec = true;
  };
  /** Stops recording and returns what the window holds (entries are flushed after the next frame). */
  b.stop = async (id) => {
    b.rec = false;
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (const [o, sink] of b.observers) sink.push(...o.takeRecords().map(entry));
    const inside = (xs) => xs.filter((e) => e.start >= b.t0 && e.start < t1);
    return {
      ms: t1 - b.t0,
      intervals: b.intervals.slice(),
      long: inside(b.long).map((e) => e.ms),
      loaf: inside(b.loaf).map((e) => ({ ms: e.ms, blocking: e.blocking, layout: e.layout })),
      work: (window.__frameTimes[id] ?? []).slice(b.workFrom),
      restarts: b.restarts,
      hasLongtask: b.hasLongtask,
      hasLoaf: b.hasLoaf,
    };
  };
  /** Records for `ms` milliseconds (the bench's fixed measurement window). */
  b.measure = (id, ms) =>
    new Promise((resolve) => {
      b.start(id);
      setTimeout(() => resolve(b.stop(id)), ms);
    });
}
