import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { contourPath, drawMemories, heatImage, px, py, quantileClip, strokeContours, type View } from '../../lib/draw/landscape';
import type { MethodId, Race } from './sim';

export interface Background {
  image: HTMLCanvasElement;
  contours: Path2D;
}

export function paintBackground(grid: Grid, view: View, palette: Palette): Background {
  const clip = quantileClip(grid);
  return { image: heatImage(grid, palette, false, clip), contours: contourPath(grid, view, 14, clip) };
}

/** Colour and dash of each method (shared by the canvas and the table's swatches): no two share a dash, so the paths part without colour. */
export function methodStyle(id: MethodId, palette: Palette): { color: string; dash: number[] } {
  switch (id) {
    case 'gd':
      return { color: palette.accent, dash: [] };
    case 'momentum':
      return { color: palette.accent2, dash: [12, 3] };
    case 'adam':
      return { color: palette.score, dash: [6, 3] };
    case 'lbfgs':
      return { color: palette.memory, dash: [9, 3, 2, 3] };
    default:
      return { color: palette.fg, dash: [2, 3] };
  }
}

/** Paints the landscape, every path so far, the current points and the starts. Computes only pixel positions. */
export function paint(ctx: CanvasRenderingContext2D, race: Race, bg: Background, view: View, palette: Palette, hidden: Set<MethodId>): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  drawMemories(ctx, race.memories.data, race.memories.rows, view, palette);
  for (const r of race.runs) {
    if (hidden.has(r.method)) continue;
    const st = methodStyle(r.method, palette);
    ctx.save();
    ctx.setLineDash(st.dash);
    ctx.lineJoin = 'round';
    const trace = () => {
      ctx.beginPath();
      for (let k = 0; k < r.path.length; k += 2) {
        const cx = px(view, r.path[k]);
        const cy = py(view, r.path[k + 1]);
        if (k === 0) ctx.moveTo(cx, cy);
        else ctx.lineTo(cx, cy);
      }
      ctx.stroke();
    };
    ctx.strokeStyle = palette.bg;
    ctx.globalAlpha = 0.6;
    ctx.lineWidth = 4;
    trace();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = st.color;
    ctx.lineWidth = 2;
    trace();
    ctx.setLineDash([]);
    // Iterates as small dots for the methods that take few, large steps.
    if (r.method === 'lbfgs' || r.method === 'diffusion') {
      ctx.fillStyle = st.color;
      for (let k = 2; k < r.path.length; k += 2) {
        ctx.beginPath();
        ctx.arc(px(view, r.path[k]), py(view, r.path[k + 1]), 2.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.fillStyle = st.color;
    ctx.strokeStyle = palette.bg;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(px(view, r.x[0]), py(view, r.x[1]), 4.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  }
  // Starts: hollow rings with their number.
  ctx.save();
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let s = 0; s < race.starts.length / 2; s++) {
    const cx = px(view, race.starts[2 * s]);
    const cy = py(view, race.starts[2 * s + 1]);
    ctx.fillStyle = palette.bg;
    ctx.beginPath();
    ctx.arc(cx, cy, 9, 0, 2 * Math.PI);
    ctx.fill();
    ctx.strokeStyle = palette.fg;
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.fillStyle = palette.fg;
    ctx.fillText(String(s + 1), cx, cy + 0.5);
  }
  ctx.restore();
}
