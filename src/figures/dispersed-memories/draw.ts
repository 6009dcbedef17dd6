import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { contourPath, drawMemories, drawParticles, heatImage, px, py, quantileClip, strokeContours, type View } from '../../lib/draw/landscape';
import { DIAGRAM_SIGMAS, SIGMA_MAX, SIGMA_MIN, type Dispersed } from './sim';
import { focusRing } from '../../lib/draw/focusRing';

/** The parts of the landscape that change only with σ, the patterns, the size or the theme. */
export interface Background {
  image: HTMLCanvasElement;
  contours: Path2D;
}

export function paintBackground(grid: Grid, view: View, palette: Palette): Background {
  const clip = quantileClip(grid, 0.8);
  return { image: heatImage(grid, palette, false, clip), contours: contourPath(grid, view, 14, clip) };
}

/** The landscape: heat map, contours, particles, critical points at the current σ and the patterns. */
export function paintLandscape(ctx: CanvasRenderingContext2D, model: Dispersed, bg: Background, view: View, palette: Palette): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  // A halo in the background colour keeps the particles visible on both ends of the colour ramp.
  const r = model.n > 2000 ? 1.3 : 2;
  drawParticles(ctx, model.xs, model.n, view, palette.bg, r + 1.2);
  drawParticles(ctx, model.xs, model.n, view, palette.accent2, r);
  ctx.save();
  for (const c of model.current) {
    const cx = px(view, c.x[0]);
    const cy = py(view, c.x[1]);
    if (c.kind === 'min') {
      ctx.fillStyle = palette.bg;
      ctx.beginPath();
      ctx.arc(cx, cy, 5.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = palette.accent;
      ctx.beginPath();
      ctx.arc(cx, cy, 4, 0, 2 * Math.PI);
      ctx.fill();
    } else if (c.kind === 'saddle') {
      ctx.strokeStyle = palette.fg;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(cx - 4, cy - 4);
      ctx.lineTo(cx + 4, cy + 4);
      ctx.moveTo(cx + 4, cy - 4);
      ctx.lineTo(cx - 4, cy + 4);
      ctx.stroke();
    }
  }
  ctx.restore();
  drawMemories(ctx, model.patterns, model.k, view, palette);
  // The selected pattern gets a second ring, so keyboard editing shows its target.
  if (model.k > 0) focusRing(ctx, px(view, model.patterns[2 * model.selected]), py(view, model.patterns[2 * model.selected + 1]), 12, true);
}

/** The landscape's side and the diagram's size in a container `width` px wide: side by side from 700 px, else stacked. */
export function panelSizes(width: number): { wide: boolean; size: number; diagW: number; diagH: number } {
  const wide = width >= 700;
  const size = Math.max(240, Math.min(wide ? Math.floor((width - 16) / 2) : width, 520));
  return { wide, size, diagW: wide ? size : Math.max(240, Math.min(width, 520)), diagH: wide ? size : 240 };
}

/** The bifurcation diagram's margins at its size (more room below for the axis label when it is narrow). */
export function diagramLayout(width: number, height: number): DiagramLayout {
  return { width, height, left: 40, right: 10, top: 14, bottom: width - 50 < 330 ? 46 : 34 };
}

export interface DiagramLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const diagramX = (l: DiagramLayout, sigma: number) => l.left + ((Math.log(sigma) - Math.log(SIGMA_MIN)) / (Math.log(SIGMA_MAX) - Math.log(SIGMA_MIN))) * (l.width - l.left - l.right);
export const diagramSigma = (l: DiagramLayout, x: number) => {
  const t = Math.min(1, Math.max(0, (x - l.left) / (l.width - l.left - l.right)));
  return Math.exp(Math.log(SIGMA_MIN) + t * (Math.log(SIGMA_MAX) - Math.log(SIGMA_MIN)));
};

/**
 * The bifurcation diagram: for every σ slice computed so far, the critical points' coordinates along the patterns'
 * principal axis (minima as dots, saddles as faint crosses), the patterns' own coordinates at the left edge, and
 * a vertical line at the current σ.
 */
export function paintDiagram(ctx: CanvasRenderingContext2D, model: Dispersed, l: DiagramLayout, palette: Palette): void {
  ctx.clearRect(0, 0, l.width, l.height);
  const [lo, hi] = model.projRange();
  const y = (v: number) => l.top + (1 - (v - lo) / (hi - lo)) * (l.height - l.top - l.bottom);
  const x0 = l.left;
  const x1 = l.width - l.right;
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  // Axes and σ ticks.
  ctx.strokeStyle = palette.grid;
  ctx.fillStyle = palette.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x0, l.height - l.bottom + 0.5);
  ctx.lineTo(x1, l.height - l.bottom + 0.5);
  ctx.stroke();
  ctx.textAlign = 'center';
  for (const t of [0.05, 0.1, 0.2, 0.5, 1, 2, 3]) {
    const tx = diagramX(l, t);
    ctx.beginPath();
    ctx.moveTo(tx, l.top);
    ctx.lineTo(tx, l.height - l.bottom);
    ctx.globalAlpha = 0.5;
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillText(String(t), tx, l.height - l.bottom + 14);
  }
  ctx.fillStyle = palette.fg;
  ctx.font = 'italic 12px system-ui, sans-serif';
  // Narrow diagrams put the recall/creation ends on their own line, under the ticks.
  const narrow = x1 - x0 < 330;
  ctx.fillText('noise σ (log scale)', (x0 + x1) / 2, l.height - 4);
  ctx.font = '11px system-ui, sans-serif';
  const endsY = narrow ? l.height - 18 : l.height - 4;
  ctx.textAlign = 'left';
  ctx.fillText('← recall', x0, endsY);
  ctx.textAlign = 'right';
  ctx.fillText('creation →', x1, endsY);
  ctx.save();
  ctx.translate(12, (l.top + l.height - l.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText('fixed point along the main axis', 0, 0);
  ctx.restore();
  // Slices.
  const dx = Math.max(2, (x1 - x0) / DIAGRAM_SIGMAS.length);
  ctx.fillStyle = palette.muted;
  for (const s of model.slices) {
    const sx = diagramX(l, s.sigma);
    for (const v of s.saddles) ctx.fillRect(sx - 1, y(v) - 1, 2, 2);
  }
  ctx.fillStyle = palette.accent;
  for (const s of model.slices) {
    const sx = diagramX(l, s.sigma);
    for (const v of s.minima) ctx.fillRect(sx - dx / 2, y(v) - 1.5, dx, 3);
  }
  // Pattern coordinates at the left edge.
  ctx.strokeStyle = palette.memory;
  ctx.lineWidth = 2;
  for (let m = 0; m < model.k; m++) {
    const v = (model.patterns[2 * m] - model.axis.mean[0]) * model.axis.axis[0] + (model.patterns[2 * m + 1] - model.axis.mean[1]) * model.axis.axis[1];
    ctx.beginPath();
    ctx.moveTo(x0 - 8, y(v));
    ctx.lineTo(x0 - 2, y(v));
    ctx.stroke();
  }
  // Current σ.
  const cx = diagramX(l, model.sigma);
  ctx.strokeStyle = palette.accent2;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(cx, l.top - 4);
  ctx.lineTo(cx, l.height - l.bottom);
  ctx.stroke();
  if (!model.diagramDone()) {
    ctx.fillStyle = palette.muted;
    ctx.textAlign = 'right';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(`computing… ${model.slices.length}/${DIAGRAM_SIGMAS.length}`, x1, l.top + 10);
  }
  ctx.restore();
}
