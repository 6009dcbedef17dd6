import { useEffect, useState } from 'react';
import { cssZoom } from './pointer';
import { onSlide, SLIDE_MIN_TEXT_PX } from './slideText';
import { REPAINT_EVENT } from './theme';

/**
 * How much an SVG or DOM chart must enlarge type designed at `basePx` so that it reaches the lecture slide's floor
 * (src/lib/slideText.ts) at the slide's zoom: 1 in the essay. A chart multiplies its font sizes, and the room it
 * keeps for its labels, by it, so raised labels do not crowd. Follows the zoom (REPAINT_EVENT); rounded to 0.05
 * so small changes of zoom do not re-render.
 */
export function useSlideTypeScale(ref: React.RefObject<Element | null>, basePx: number): number {
  const [k, setK] = useState(1);
  useEffect(() => {
    const measure = () => {
      const el = ref.current;
      const next = el && onSlide(el) ? Math.max(1, Math.ceil((SLIDE_MIN_TEXT_PX / cssZoom(el) / basePx) * 20) / 20) : 1;
      setK(next);
    };
    measure();
    window.addEventListener(REPAINT_EVENT, measure);
    return () => window.removeEventListener(REPAINT_EVENT, measure);
  }, [ref, basePx]);
  return k;
}
