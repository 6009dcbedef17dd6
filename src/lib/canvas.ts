import { cssZoom } from './pointer';
import { raiseSlideText } from './slideText';

/**
 * Sizes a canvas for the device pixel ratio and returns its 2-D context with CSS-pixel coordinates.
 * Call whenever the CSS size changes; it only reallocates the backing store when the size really changed.
 */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  // Enlarged by CSS zoom (a lecture slide), the backing store grows with it so lines and text stay sharp.
  const dpr = Math.min(3, Math.min(2, typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1) * cssZoom(canvas));
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas: 2-D context unavailable');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  raiseSlideText(ctx);
  return ctx;
}
