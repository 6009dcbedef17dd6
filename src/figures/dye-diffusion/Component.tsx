import { useRef } from 'react';
import { useStore } from 'zustand';
import 'katex/dist/katex.min.css';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { fromPxInside } from '../../lib/draw/landscape';
import { Tex } from '../../lib/Tex';
import { centresFor, Dye, DOMAIN, HEAVY_WORK, N_STEPS, strokeCentres, type Params } from './sim';
import { DyeLayer, paint } from './draw';
import { meta } from './meta';
import './style.css';
import { localPoint } from '../../lib/pointer';
import { roundEdit } from '../../lib/figure/edits';

const EQ = {
  forward: String.raw`x_{k+1} = x_k + \sqrt{\sigma_{k+1}^2-\sigma_k^2}\;z,\quad z\sim\mathcal N(0,I)`,
  sde: String.raw`\begin{aligned}x_{k-1} &= x_k + \Delta_k\,\nabla_x\log p_{t_k}(x_k) + \sqrt{\Delta_k}\,z\\ \Delta_k &= \sigma_k^2-\sigma_{k-1}^2\end{aligned}`,
  ode: String.raw`\begin{aligned}x_{k-1} &= x_k + h_k\,\nabla_x\log p_{t_k}(x_k)\\ h_k &= \tilde\sigma_k(\tilde\sigma_k-\tilde\sigma_{k-1}),\ \tilde\sigma_k^2 = w^2+\sigma_k^2\end{aligned}`,
};

export default function DyeDiffusion({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(560, 560);
  const size = Math.max(240, Math.min(width, 560));
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const model = useRef(new Dye()).current;
  const canvas = useRef<HTMLCanvasElement>(null);
  const time = useRef<HTMLInputElement>(null);
  const timeOut = useRef<HTMLOutputElement>(null);
  const stroke = useRef<number[] | null>(null);
  const layer = useRef<DyeLayer | null>(null);
  const view = { width: size, height: size, ...DOMAIN };

  const draw = () => {
    if (!canvas.current) return;
    layer.current ??= new DyeLayer();
    paint(fitCanvas(canvas.current, size, size), model, view, palette, stroke.current, layer.current);
    if (time.current) time.current.value = String(model.k);
    if (timeOut.current) timeOut.current.textContent = `t = ${model.t.toFixed(2)}, σ(t) = ${model.sigmas[model.k].toFixed(2)}`;
  };

  const { redraw, edit } = useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p, deadline) => model.step(p, deadline),
      work: (p, deadline) => model.work(p, deadline),
      hasWork: () => model.hasWork(),
      dropWork: (e) => model.dropWork(e),
      applyEdit: (e, p, deadline) => model.applyEdit(e, p, deadline),
      carriedEdits: () => model.carriedEdits(),
      draw,
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  const run = (direction: 'forward' | 'reverse') => {
    const st = store.getState();
    if (direction === 'reverse' && model.k === 0) {
      st.setParam('direction', 'reverse');
      st.setStatus('Nothing to undo at t = 0: diffuse the dye first (or drag the time slider).');
      return;
    }
    st.setParam('direction', direction);
    st.play();
  };

  /**
   * The time slider (pointer or arrow keys) moves the particles along the forward path: the run goes on from
   * there, so it is an edit. Its moves while paused replace one another in a link (meta.edits.scrub).
   */
  const onScrub = (e: React.FormEvent<HTMLInputElement>) => {
    store.getState().pause();
    edit({ kind: 'scrub', args: [Number(e.currentTarget.value)] });
  };

  /** A pointer's place on the water, held inside it (an edit's coordinates must lie in the plane). */
  const toPlane = (e: React.PointerEvent<HTMLCanvasElement>) => {
    return fromPxInside(view, ...localPoint(e, e.currentTarget));
  };
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    store.getState().pause();
    stroke.current = [...toPlane(e)];
    redraw();
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s) return;
    const [x, y] = toPlane(e);
    if (Math.hypot(x - s[s.length - 2], y - s[s.length - 1]) < 0.06) return;
    s.push(x, y);
    redraw();
  };
  const onUp = () => {
    const s = stroke.current;
    stroke.current = null;
    if (!s) return;
    // The shape goes to the run as its droplet centres (what p₀ is made of), one edit, rounded here as the link
    // writes it (a centre on the edge stays inside the plane); then the dye starts from it.
    edit(roundEdit(meta.edits!.drawn, { kind: 'drawn', args: Array.from(strokeCentres(s).data) }));
    // A new start restarts the run; so does Reset when the start already was a drawn shape (in reverse too: a
    // direction of its own would only be a kept change, and the dye would not start again from the new shape).
    const st = store.getState();
    const sameStart = st.params.shape === 'drawn';
    st.setParams({ shape: 'drawn', direction: 'forward' });
    if (sameStart) st.reset();
    redraw();
  };

  return (
    <div className="fig-dye-diffusion" ref={box}>
      <div className="figure-canvas-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label="A glass of water seen from above: dye particles start in a shape and spread out; the dashed outline marks where they started."
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          style={{ touchAction: 'none', cursor: 'crosshair' }}
        />
      </div>
      <p className="figure-hint">Draw on the water to start from your own shape (a tap makes one droplet).</p>
      <div className="fig-dye-diffusion-time">
        <label className="control">
          <span className="control-label">t</span>
          <input
            ref={time}
            type="range"
            min={0}
            max={N_STEPS}
            step={1}
            defaultValue={0}
            aria-label="t: time of the forward process, from 0 (the drop) to 1 (spread out)"
            onInput={onScrub}
            data-testid="time"
          />
          <output ref={timeOut} data-testid="time-readout" />
        </label>
        <button type="button" className="btn" onClick={() => run('forward')} data-action="diffuse">
          Diffuse →
        </button>
        <button type="button" className="btn" onClick={() => run('reverse')} data-action="reverse">
          ← Reverse with the score
        </button>
      </div>
      {params.particles * centresFor(params.shape, model.drawn).rows > HEAVY_WORK && (
        <p className="figure-notice" role="status" data-testid="heavy">
          Heavy setting: {params.particles.toLocaleString('en')} particles × {centresFor(params.shape, model.drawn).rows} droplets per reverse step. Each step is spread over several frames, so the dye moves back more slowly; fewer particles make it quicker.
        </p>
      )}
      <div className="fig-dye-diffusion-eq" aria-live="off">
        <Tex tex={params.direction === 'forward' ? EQ.forward : params.sampler === 'ode' ? EQ.ode : EQ.sde} display />
      </div>
      <PropControls store={store} hidden={['direction']} />
      <Transport store={store} />
    </div>
  );
}
