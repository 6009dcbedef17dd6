import { useParentSize } from './useParentSize';

/** Two square panels in a container `width` px wide: side by side, or stacked below 520 px; each 200 to `max` px. */
export function twoPanels(width: number, max = 330): { stacked: boolean; size: number } {
  const stacked = width < 520;
  return { stacked, size: Math.max(200, Math.min(stacked ? width : (width - 16) / 2, max)) };
}

/**
 * Sizes two square panels that sit side by side, or stack on a narrow screen (below 520 px): each panel is
 * between 200 and `max` CSS pixels wide. `box` goes on the element whose width is measured.
 */
export function useTwoPanels(max = 330) {
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 320);
  return { box, width, ...twoPanels(width, max) };
}
