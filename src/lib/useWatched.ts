import { useEffect, useState } from 'react';

/*
 * Whether the reader is looking at an element: at least `share` of it (or of the viewport, for an element taller
 * than that) has been on screen for `ms` without a break. A figure that costs real work to start (the capacity
 * experiment) waits for this rather than for "near the viewport", so a reader scrolling past does not start it,
 * and one who comes back does. Without IntersectionObserver (old browsers, Node) it reports true.
 */
export function useWatched(ref: React.RefObject<Element | null>, share = 0.5, ms = 600): boolean {
  const [watched, setWatched] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setWatched(true);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const obs = new IntersectionObserver(
      ([e]) => {
        const viewH = e.rootBounds?.height ?? window.innerHeight;
        const seen = e.isIntersecting && (e.intersectionRatio >= share || e.intersectionRect.height >= share * viewH);
        clearTimeout(timer);
        if (seen) timer = setTimeout(() => setWatched(true), ms);
        else setWatched(false);
      },
      { threshold: [0, 0.1, 0.25, share, 0.75, 1] },
    );
    obs.observe(el);
    return () => {
      clearTimeout(timer);
      obs.disconnect();
    };
  }, [ref, share, ms]);
  return watched;
}
