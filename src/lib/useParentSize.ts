import { useEffect, useRef, useState } from 'react';

/** Tracks an element's content-box size with a ResizeObserver; disconnects on unmount. */
export function useParentSize<T extends HTMLElement = HTMLDivElement>(initialWidth = 600, initialHeight = 400) {
  const ref = useRef<T | null>(null);
  const [size, setSize] = useState({ width: initialWidth, height: initialHeight });
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((s) => (Math.abs(s.width - width) < 1 && Math.abs(s.height - height) < 1 ? s : { width: Math.round(width), height: Math.round(height) }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, ...size };
}
