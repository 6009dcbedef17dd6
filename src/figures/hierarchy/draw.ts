import type { Palette } from '../../lib/theme';
import { drawTraces } from '../../lib/draw/trace';
import { withAlpha } from '../../lib/draw/colour';
import { WINDOW, type HierarchyRun, type Probe } from './sim';
import { newPath } from '../../lib/draw/surface';
import { fillMath } from '../../lib/draw/mathText';

/**
 * The stack: layer 1 (bottom, receiving the input current) to layer L (top). Each neuron's fill is its
 * activation g (blue positive, orange negative); synapses between adjacent layers are drawn by sign, brighter
 * where both ends are active. On the right, a bar per layer shows how fast that layer is still moving, ‖ẋ_ℓ‖.
 */
export function paintStack(ctx: CanvasRenderingContext2D, run: HierarchyRun, width: number, height: number, palette: Palette): void {
  ctx.clearRect(0, 0, width, height);
  const ham = run.ham;
  const st = run.st;
  if (!ham || !st) return;
  const L = ham.layers.length;
  const barW = 70;
  const left = 64;
  const right = width - barW - 12;
  const top = 30;
  const bottom = height - 18;
  const yOf = (l: number) => bottom - (l / Math.max(1, L - 1)) * (bottom - top);
  const xOf = (i: number, n: number) => left + ((i + 0.5) / n) * (right - left);
  const r = Math.max(4, Math.min(11, Math.min((right - left) / (2.6 * Math.max(...ham.layers.map((l) => l.size))), (bottom - top) / (2.8 * L))));

  // Synapses, batched into a few strength buckets per sign so the stack costs a handful of strokes, not
  // one per synapse (8 layers of 12 have 1,008 of them).
  const BUCKETS = 6;
  const paths = [0, 1].map(() => Array.from({ length: BUCKETS }, () => newPath()));
  for (let l = 0; l + 1 < L; l++) {
    const W = ham.weights[l];
    let wMax = 0;
    for (const v of W.data) wMax = Math.max(wMax, Math.abs(v));
    const lo = st.g[l];
    const hi = st.g[l + 1];
    const boost = ham.layers[l + 1].lagrangian.kind === 'softmax' ? W.rows : 1;
    for (let a = 0; a < W.rows; a++) {
      for (let b = 0; b < W.cols; b++) {
        const w = W.data[a * W.cols + b] / (wMax || 1);
        const act = Math.min(1, Math.abs(lo[b]) * Math.abs(hi[a]) * boost);
        const k = Math.min(BUCKETS - 1, Math.floor(Math.abs(w) * act * BUCKETS));
        const path = paths[w > 0 ? 0 : 1][k];
        path.moveTo(xOf(b, W.cols), yOf(l) - r);
        path.lineTo(xOf(a, W.rows), yOf(l + 1) + r);
      }
    }
  }
  for (let sign = 0; sign < 2; sign++) {
    for (let k = 0; k < BUCKETS; k++) {
      const strength = (k + 0.5) / BUCKETS;
      ctx.strokeStyle = withAlpha(sign === 0 ? palette.accent : palette.accent2, 0.06 + 0.5 * strength);
      ctx.lineWidth = 0.5 + 1.5 * strength;
      ctx.stroke(paths[sign][k]);
    }
  }
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let l = 0; l < L; l++) {
    const n = ham.layers[l].size;
    const y = yOf(l);
    const soft = ham.layers[l].lagrangian.kind === 'softmax';
    for (let i = 0; i < n; i++) {
      const g = st.g[l][i];
      const a = soft ? Math.min(1, g * n * 0.5) : Math.abs(g);
      ctx.beginPath();
      ctx.arc(xOf(i, n), y, r, 0, 2 * Math.PI);
      ctx.fillStyle = palette.bg;
      ctx.fill();
      ctx.fillStyle = withAlpha(g >= 0 ? palette.accent : palette.accent2, a);
      ctx.fill();
      ctx.strokeStyle = palette.fg;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    ctx.fillStyle = palette.fg;
    ctx.textAlign = 'left';
    ctx.fillText(run.probe ? LEARNED_NAMES[l] : `layer ${l + 1}`, 4, y - 6);
    ctx.fillStyle = palette.muted;
    ctx.fillText(soft ? 'softmax' : 'tanh', 4, y + 8);
    // Speed bar ‖ẋ_ℓ‖ on a log scale from 10⁻⁴ (empty) to 10 (full), so the slow final approach stays visible.
    const s = run.speeds[l];
    const frac = s > 0 ? Math.max(0, Math.min(1, (Math.log10(s) + 4) / 5)) : 0;
    ctx.fillStyle = palette.grid;
    ctx.fillRect(right + 12, y - 4, barW - 4, 8);
    ctx.fillStyle = palette.score;
    ctx.fillRect(right + 12, y - 4, (barW - 4) * frac, 8);
  }
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'left';
  fillMath(ctx, 'speed ‖ẋ_ℓ‖', right + 12, 10);
  if (run.probe) paintProbe(ctx, run.probe, ham.layers[0].size, xOf, yOf(0), r, palette);
}

const LEARNED_NAMES = ['features', 'parts', 'memories'];

/** Under the feature layer: the probe's stored pattern as small squares (blue +1, orange −1), and a dashed box round the hidden window. */
function paintProbe(ctx: CanvasRenderingContext2D, probe: Probe, n: number, xOf: (i: number, n: number) => number, y: number, r: number, palette: Palette): void {
  const side = Math.max(4, Math.min(8, r * 0.8));
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = probe.patterns.data[probe.pattern * n + i] > 0 ? palette.accent : palette.accent2;
    ctx.fillRect(xOf(i, n) - side / 2, y + r + 3, side, side);
  }
  const x0 = xOf(probe.hidden * WINDOW, n) - r - 3;
  const x1 = xOf(probe.hidden * WINDOW + WINDOW - 1, n) + r + 3;
  ctx.save();
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = palette.fg;
  ctx.strokeRect(x0, y - r - 4, x1 - x0, 2 * r + 8);
  ctx.restore();
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'center';
  ctx.fillText('no input here', (x0 + x1) / 2, y - r - 10);
}

export function paintEnergy(ctx: CanvasRenderingContext2D, run: HierarchyRun, width: number, height: number, palette: Palette): void {
  drawTraces(
    ctx,
    width,
    height,
    [
      { trace: run.traces.total, color: palette.fg, label: 'E (total)', width: 2.5 },
      { trace: run.traces.layers, color: palette.accent, label: 'Σ layer energies', dashed: true, width: 1.5 },
      { trace: run.traces.synapses, color: palette.score, label: 'Σ synaptic energies', dashed: true, width: 1.5 },
    ],
    { xLabel: 'time t (τ = 1)', yLabel: 'energy', xMax: 5, fg: palette.fg, muted: palette.muted, grid: palette.grid, legendBg: palette.bg },
  );
}
