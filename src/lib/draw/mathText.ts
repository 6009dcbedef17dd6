import { mathPieces, type MathPiece } from '../notation';

/*
 * Canvas text in the essay's notation: "E_β(x(t))" is drawn with a real subscript (smaller, lowered), so a
 * canvas never shows TeX syntax. Honours the context's font, fill and textAlign (left/start, center, right/end).
 * Painting only.
 */

const SCRIPT_SCALE = 0.72;

function scriptFont(font: string): { font: string; size: number } {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  const size = m ? Number(m[1]) : 10;
  return { font: m ? font.replace(m[0], `${(size * SCRIPT_SCALE).toFixed(1)}px`) : font, size };
}

function widthOf(ctx: CanvasRenderingContext2D, pieces: MathPiece[], base: string, small: string): number {
  let w = 0;
  for (const p of pieces) {
    ctx.font = p.kind === 'text' ? base : small;
    w += ctx.measureText(p.text).width;
  }
  ctx.font = base;
  return w;
}

/** The width `fillMath` will take for `text` in the current font. */
export function measureMath(ctx: CanvasRenderingContext2D, text: string): number {
  return widthOf(ctx, mathPieces(text), ctx.font, scriptFont(ctx.font).font);
}

/**
 * Draws `text` like fillText (squeezed into `maxWidth` if given), with its sub- and superscripts typeset.
 * Returns the width drawn.
 */
export function fillMath(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number): number {
  const pieces = mathPieces(text);
  if (pieces.length === 1 && pieces[0].kind === 'text') {
    if (maxWidth === undefined) ctx.fillText(text, x, y);
    else ctx.fillText(text, x, y, maxWidth);
    return Math.min(ctx.measureText(text).width, maxWidth ?? Infinity);
  }
  const base = ctx.font;
  const { font: small, size } = scriptFont(base);
  const total = widthOf(ctx, pieces, base, small);
  const squeeze = maxWidth !== undefined && total > maxWidth ? maxWidth / total : 1;
  const drawn = total * squeeze;
  const align = ctx.textAlign;
  const left = align === 'center' ? x - drawn / 2 : align === 'right' || align === 'end' ? x - drawn : x;
  ctx.save();
  ctx.translate(left, y);
  ctx.scale(squeeze, 1);
  ctx.textAlign = 'left';
  let cx = 0;
  for (const p of pieces) {
    ctx.font = p.kind === 'text' ? base : small;
    const dy = p.kind === 'sub' ? 0.3 * size : p.kind === 'sup' ? -0.38 * size : 0;
    ctx.fillText(p.text, cx, dy);
    cx += ctx.measureText(p.text).width;
  }
  ctx.restore();
  return drawn;
}
