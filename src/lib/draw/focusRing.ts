/*
 * The ring round a handle the keyboard has selected inside a canvas, in two tones (a white ring inside a near-black
 * one), like the page's :focus-visible outline, so it stands out over the darkest valley and the palest plateau
 * alike. Painting only.
 */
export function focusRing(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, dashed = false): void {
  ctx.save();
  ctx.setLineDash(dashed ? [4, 3] : []);
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.lineWidth = 4.5;
  ctx.strokeStyle = '#111';
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  ctx.restore();
}
