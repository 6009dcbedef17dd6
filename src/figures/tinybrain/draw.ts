import type { Palette } from '../../lib/theme';
import { drawTraces } from '../../lib/draw/trace';
import { withAlpha } from '../../lib/draw/colour';
import type { TinyBrainRun } from './sim';
import { fillMath, measureMath } from '../../lib/draw/mathText';

function scaleOf(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/**
 * The network: memory neurons h (top) and feature neurons x (bottom) joined by ξ. A neuron's fill is its
 * activation (blue positive, orange negative, stronger = larger); the bar beside it is its internal state.
 * Above each memory neuron, its stored pattern p_μ as a strip of squares.
 */
export function paintNetwork(ctx: CanvasRenderingContext2D, run: TinyBrainRun, width: number, height: number, palette: Palette): void {
  ctx.clearRect(0, 0, width, height);
  const b = run.brain;
  if (!b) return;
  const { nx, nh } = b;
  const padX = 28;
  const xPos = (i: number, n: number) => padX + ((i + 0.5) / n) * (width - 2 * padX);
  const yMem = 78;
  const yFeat = height - 58;
  const r = Math.max(6, Math.min(15, (width - 2 * padX) / (2.8 * nx)));
  const rh = Math.max(8, Math.min(18, (width - 2 * padX) / (2.8 * nh)));
  const fScale = b.lh.kind === 'identity' ? Math.max(1e-9, scaleOf(b.f)) : 1;
  const gScale = b.lx.kind === 'identity' ? Math.max(1e-9, scaleOf(b.g)) : 1;
  const xScale = Math.max(1, scaleOf(b.x));
  const hScale = Math.max(1, scaleOf(b.h));
  const xiScale = scaleOf(b.xi.data) || 1;

  // Synapses ξ_μi: sign by colour, and brighter where the memory neuron is active.
  ctx.lineWidth = 1;
  for (let m = 0; m < nh; m++) {
    const act = Math.abs(b.f[m]) / fScale;
    for (let i = 0; i < nx; i++) {
      const w = b.xi.data[m * nx + i] / xiScale;
      ctx.strokeStyle = withAlpha(w > 0 ? palette.accent : palette.accent2, 0.12 + 0.6 * act * Math.abs(w));
      ctx.lineWidth = 0.6 + 2.2 * act;
      ctx.beginPath();
      ctx.moveTo(xPos(m, nh), yMem + rh);
      ctx.lineTo(xPos(i, nx), yFeat - r);
      ctx.stroke();
    }
  }

  const neuron = (cx: number, cy: number, rad: number, act: number, state: number, barUp: boolean) => {
    ctx.beginPath();
    ctx.arc(cx, cy, rad, 0, 2 * Math.PI);
    ctx.fillStyle = palette.bg;
    ctx.fill();
    ctx.fillStyle = withAlpha(act >= 0 ? palette.accent : palette.accent2, Math.min(1, Math.abs(act)));
    ctx.fill();
    ctx.strokeStyle = palette.fg;
    ctx.lineWidth = 1.2;
    ctx.stroke();
    // Internal state: a bar from the neuron's edge, up (memory) or down (features), signed by colour.
    const len = Math.max(-1, Math.min(1, state)) * 22;
    const bx = cx - 2;
    const by = barUp ? cy - rad - 3 : cy + rad + 3;
    ctx.fillStyle = state >= 0 ? palette.accent : palette.accent2;
    const h = Math.abs(len);
    ctx.fillRect(bx, barUp ? by - h : by, 4, Math.max(1, h));
  };

  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (let m = 0; m < nh; m++) {
    const cx = xPos(m, nh);
    // The stored pattern p_μ above its memory neuron.
    const cell = Math.max(2, Math.min(6, (width / nh - 10) / nx));
    const x0 = cx - (cell * nx) / 2;
    for (let i = 0; i < nx; i++) {
      ctx.fillStyle = run.patterns[m * nx + i] > 0 ? palette.accent : palette.accent2;
      ctx.fillRect(x0 + i * cell, 8, cell - 0.5, cell * 1.6);
    }
    neuron(cx, yMem, rh, b.f[m] / fScale, b.h[m] / hScale, true);
    ctx.fillStyle = palette.fg;
    ctx.textAlign = 'left';
    ctx.fillText(`f = ${b.f[m].toFixed(2)}`, cx + rh + 4, yMem + 4);
    ctx.textAlign = 'center';
  }
  for (let i = 0; i < nx; i++) neuron(xPos(i, nx), yFeat, r, b.g[i] / gScale, b.x[i] / xScale, false);

  // Layer labels on a backing box, so the synapses under them do not scribble through the text.
  const label = (text: string, y: number) => {
    ctx.textAlign = 'left';
    const w = measureMath(ctx, text);
    ctx.fillStyle = palette.bg;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(2, y - 11, w + 6, 15);
    ctx.globalAlpha = 1;
    ctx.fillStyle = palette.muted;
    fillMath(ctx, text, 4, y);
  };
  label('memory neurons h, activation f = ∇L_h(h)', yMem + rh + 16 > yFeat - r - 10 ? yMem - rh - 28 : yMem + rh + 16);
  label('feature neurons x, activation g = ∇L_x(x)', height - 6);
}

export function paintEnergy(ctx: CanvasRenderingContext2D, run: TinyBrainRun, width: number, height: number, palette: Palette): void {
  const tr = run.traces;
  drawTraces(
    ctx,
    width,
    height,
    [
      { trace: tr.total, color: palette.fg, label: 'E (total, Eq. 14)', width: 2.5 },
      { trace: tr.ex, color: palette.accent, label: 'E_x (layer)', dashed: true, width: 1.5 },
      { trace: tr.eh, color: palette.memory, label: 'E_h (layer)', dashed: true, width: 1.5 },
      { trace: tr.esyn, color: palette.score, label: 'E_syn (synapses)', dashed: true, width: 1.5 },
    ],
    { xLabel: 'time t (τ_x = 1)', yLabel: 'energy', xMax: 5, fg: palette.fg, muted: palette.muted, grid: palette.grid, legendBg: palette.bg },
  );
}
