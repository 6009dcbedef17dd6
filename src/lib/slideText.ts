import { cssZoom } from './pointer';

/*
 * Type that reads from the back row. On a lecture slide (an element inside `.slide-figure-body`) no text inside a
 * figure is drawn smaller than SLIDE_MIN_TEXT_PX on the page, whatever the slide's zoom: the DOM's small type is
 * raised by the slide (src/app/lecture/slideText.ts), and a canvas's by the context `fitCanvas` hands out, which
 * raises every font it is given to that floor. In the essay nothing changes.
 */
export const SLIDE_MIN_TEXT_PX = 24;

/** Whether an element sits on a lecture slide's figure. */
export function onSlide(el: Element): boolean {
  return el.closest('.slide-figure-body') !== null;
}

const raised = new WeakSet<CanvasRenderingContext2D>();

/** The font a canvas on a slide draws with instead of `font` ("11px system-ui" → "12.5px system-ui" at zoom 2). */
export function slideFont(font: string, zoom: number): string {
  // 4 % to spare: a canvas drawn for a box a little wider than the one it is shown in is squeezed that much.
  const floor = Math.ceil((SLIDE_MIN_TEXT_PX * 1.04 * 10) / zoom) / 10;
  return font.replace(/(\d+(?:\.\d+)?)px/, (all, px: string) => (Number(px) < floor ? `${floor}px` : all));
}

/**
 * Makes a slide's canvas context raise every font set on it to the slide's floor (read at each set, so it follows
 * the zoom). The context's drawing coordinates are the canvas's CSS pixels (fitCanvas), so a font of `px` shows
 * at `px × zoom` page pixels.
 */
export function raiseSlideText(ctx: CanvasRenderingContext2D): void {
  if (raised.has(ctx) || typeof HTMLCanvasElement === 'undefined' || !(ctx.canvas instanceof HTMLCanvasElement) || !onSlide(ctx.canvas)) return;
  const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ctx), 'font');
  if (!own?.get || !own.set) return;
  raised.add(ctx);
  const { get, set } = own;
  Object.defineProperty(ctx, 'font', {
    configurable: true,
    get() {
      return get.call(ctx);
    },
    set(v: string) {
      set.call(ctx, slideFont(v, cssZoom(ctx.canvas)));
    },
  });
}

/**
 * How much larger than `basePx` the context really sets a font of `basePx` (1 in the essay; more on a slide,
 * where the floor raised it). Painters multiply the room they keep for text by it, so raised labels still fit.
 */
export function typeScale(ctx: CanvasRenderingContext2D, basePx: number): number {
  const saved = ctx.font;
  ctx.font = `${basePx}px sans-serif`;
  const px = Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? basePx);
  ctx.font = saved;
  return Math.max(1, px / basePx);
}
