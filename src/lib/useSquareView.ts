import { useMemo } from 'react';
import type { Domain } from '../core';
import type { View } from './draw/landscape';
import { useParentSize } from './useParentSize';

/**
 * A square canvas that fills its parent's width between `min` and `max` px, and the View mapping `domain` onto it.
 * `box` goes on the parent element (it is also the root useSimulation watches for visibility).
 */
export function useSquareView(domain: Domain, max = 560, min = 240) {
  const { ref: box, width } = useParentSize<HTMLDivElement>(max, max);
  const size = Math.max(min, Math.min(width, max));
  const view: View = useMemo(() => ({ width: size, height: size, ...domain }), [size, domain]);
  return { box, size, view };
}
