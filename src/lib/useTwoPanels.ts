import { useParentSize } from './useParentSize';

/**
 * Sizes two square panels that sit side by side, or stack on a narrow screen (below 520 px): each panel is
 * between 200 and `max` CSS pixels wide. `box` goes on the element whose width is measured.
 */
export function useTwoPanels(max = 330) {
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 320);
  const stacked = width < 520;
  const size = Math.max(200, Math.min(stacked ? width : (width - 16) / 2, max));
  return { box, width, stacked, size };
}
