/*
 * Where a pointer is, in an element's own CSS pixels. `clientX - rect.left` is right only at zoom 1: on a
 * lecture slide a figure is enlarged with CSS `zoom` (src/app/lecture/lecture.css), and the bounding rect is
 * then in the page's (zoomed) pixels while the figure draws in its own. Dividing by the rect's size and
 * multiplying by the element's own size maps one onto the other at any zoom.
 */
export function localPoint(e: { clientX: number; clientY: number }, el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  const own = el as HTMLElement;
  const sx = r.width > 0 && own.offsetWidth ? own.offsetWidth / r.width : 1;
  const sy = r.height > 0 && own.offsetHeight ? own.offsetHeight / r.height : 1;
  return [(e.clientX - r.left) * sx, (e.clientY - r.top) * sy];
}

/** How much CSS `zoom` enlarges an element (1 where the browser does not say). */
export function cssZoom(el: Element | null | undefined): number {
  const z = (el as (Element & { currentCSSZoom?: number }) | null | undefined)?.currentCSSZoom;
  return typeof z === 'number' && z > 0 ? z : 1;
}
