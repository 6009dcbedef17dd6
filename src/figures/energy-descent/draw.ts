import type { Palette } from '../../lib/theme';
import type { ContourBackground } from '../../lib/draw/contourBackground';
import { drawMemories, px, py, strokeContours, type View } from '../../lib/draw/landscape';
import { drawTraces, type TraceBuffer } from '../../lib/draw/trace';
import type { DescentPair } from './sim';

function drawPath(ctx: CanvasRenderingContext2D, path: TraceBuffer, view: View, color: string, dots: boolean): void {
  const { data, n } = path;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const x = px(view, data[2 * i]);
    const y = py(view, data[2 * i + 1]);
    if (i) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  }
  ctx.stroke();
  if (dots) {
    ctx.fillStyle = color;
    const from = Math.max(0, n - 300);
    for (let i = from; i < n; i++) {
      ctx.beginPath();
      ctx.arc(px(view, data[2 * i]), py(view, data[2 * i + 1]), 2.6, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}

function marker(ctx: CanvasRenderingContext2D, x: number, y: number, fill: string, stroke: string, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

/** One panel: the landscape, the memories, a trajectory, its start x⁰ (ring) and where it is now (disc). */
export function paintPanel(
  ctx: CanvasRenderingContext2D,
  model: DescentPair,
  which: 'continuous' | 'discrete',
  bg: ContourBackground,
  view: View,
  palette: Palette,
  memories: Float64Array | null,
): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  if (memories) drawMemories(ctx, memories, memories.length / 2, view, palette, 5);
  const path = which === 'continuous' ? model.pathC : model.pathD;
  const color = which === 'continuous' ? palette.accent : palette.accent2;
  const x = which === 'continuous' ? model.xc : model.xd;
  ctx.save();
  ctx.shadowColor = palette.dark ? 'rgba(0,0,0,0.8)' : 'rgba(255,255,255,0.9)';
  ctx.shadowBlur = 3;
  drawPath(ctx, path, view, color, which === 'discrete');
  ctx.restore();
  marker(ctx, px(view, path.data[0]), py(view, path.data[1]), 'transparent', palette.fg, 6);
  if (which === 'discrete' && model.diverged) {
    ctx.fillStyle = palette.danger;
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText('escaped: x left the plane', view.width / 2, 18);
  } else {
    marker(ctx, px(view, x[0]), py(view, x[1]), color, palette.bg, 6);
  }
  ctx.fillStyle = palette.dark ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.75)';
  ctx.fillRect(0, view.height - 22, view.width, 22);
  ctx.fillStyle = palette.fg;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const narrow = view.width < 230;
  const label = which === 'continuous' ? (narrow ? 'continuous (Eq. 10)' : 'continuous: τ dx/dt = −∇E') : narrow ? 'discrete (Eq. 11)' : 'discrete: x ← x − α∇E';
  ctx.fillText(label, 6, view.height - 11);
}

/** The energy of both runs against time: a line for the flow, dots for the discrete steps. */
export function paintTrace(ctx: CanvasRenderingContext2D, model: DescentPair, width: number, height: number, tau: number, palette: Palette): void {
  let lo = Infinity;
  const { data, n } = model.traceC;
  for (let i = 0; i < n; i++) lo = Math.min(lo, data[2 * i + 1]);
  const d = model.traceD;
  for (let i = 0; i < d.n; i++) if (Number.isFinite(d.data[2 * i + 1])) lo = Math.min(lo, d.data[2 * i + 1]);
  const hi = model.startE;
  // A flat or single-point trace still gets a readable range (never identical tick labels).
  const pad = Math.max(0.06 * (hi - lo), 0.02 * Math.max(1, Math.abs(hi)));
  drawTraces(
    ctx,
    width,
    height,
    [
      { trace: model.traceC, color: palette.accent, label: 'continuous E(x(t))' },
      { trace: model.traceD, color: palette.accent2, label: 'discrete E(xᵗ)', dots: true, width: 1.5 },
    ],
    { xLabel: 'time t', yLabel: 'energy E', xMax: 6 * tau, yDomain: [lo - pad, hi + pad], fg: palette.fg, muted: palette.muted, grid: palette.grid, legendBg: palette.bg },
  );
}
