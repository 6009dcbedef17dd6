import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useTwoPanels } from '../../lib/useTwoPanels';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { fromPx } from '../../lib/draw/landscape';
import { Tex } from '../../lib/Tex';
import { ConservativeField, DOMAIN, PARTICLES, drawnLoop, drawnLoopProblem, type Params } from './sim';
import { curlLayer, energyLayer, paintPanel, plainLayer, sharedScale, type Layer } from './draw';
import { meta } from './meta';
import './style.css';
import { formatNumber } from '../../lib/format';
import { localPoint } from '../../lib/pointer';
import { roundEdit } from '../../lib/figure/edits';
import { MathText, mathNodes } from '../../lib/MathText';

type Term = 'none' | 'jac' | 'std';
const EQ20 = String.raw`\begin{aligned} F_\theta(x) &= -\nabla_x E_\theta(x) \\ &= \htmlClass{cf-jac}{\tfrac{1}{\sigma^2}\Big(\tfrac{\partial f_\theta}{\partial x}\Big)^{\!\top}(x - f_\theta(x))} \htmlClass{cf-std}{\,-\,\tfrac{1}{\sigma^2}(x - f_\theta(x))} \end{aligned}`;
const EQ19 = String.raw`E_\theta(x) = \frac{\lVert x - f_\theta(x)\rVert^2}{2\sigma^2}`;

/** One readout line, typeset. */
function mathSpan(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.append(...mathNodes(text));
  return span;
}

/** The two readout lines: the work round the loop so far, or how the particles fare on each side. */
function readoutLines(m: ConservativeField): string[] {
  const right = m.jacobian ? '−∇E_θ' : 'no Jacobian term';
  if (!m.particles) return [`∮ F·dl, unconstrained: ${formatNumber(m.cumFree[m.pos], { decimals: 4 })}`, `∮ F·dl, ${right}: ${formatNumber(m.cumRight[m.pos], { decimals: 4 })}`];
  const line = (name: string, f: typeof m.flowFree) => {
    const s = m.flowSummary(f);
    return `${name}: E_θ rose on ${s.rose} of ${PARTICLES} paths; ${s.resting} at rest${s.restingAbove ? `, ${s.restingAbove} where E_θ > 0` : ''}`;
  };
  return [line('unconstrained', m.flowFree), line(right, m.flowRight)];
}

export default function ConservativeFieldFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { box, stacked, size } = useTwoPanels();
  const left = useRef<HTMLCanvasElement>(null);
  const right = useRef<HTMLCanvasElement>(null);
  const eq = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const model = useRef(new ConservativeField()).current;
  const layers = useRef<{ left: Layer; right: Layer } | null>(null);
  const draft = useRef<number[] | null>(null);
  const [term, setTerm] = useState<Term>('none');
  const termRef = useRef<Term>('none');
  termRef.current = term;
  const [hint, setHint] = useState('Draw a closed loop on either panel with a finger or the mouse, or pick a preset loop below.');
  const view = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);

  const draw = () => {
    if (!layers.current) return;
    const s = sharedScale(model, 20);
    const t = termRef.current;
    if (left.current) paintPanel(fitCanvas(left.current, size, size), model, layers.current.left, model.vFree, s, view, palette, { emphasise: t === 'std', draft: draft.current, flow: model.flowFree });
    if (right.current) paintPanel(fitCanvas(right.current, size, size), model, layers.current.right, model.vRight, s, view, palette, { jacArrows: t === 'jac' && model.jacobian, draft: draft.current, flow: model.flowRight });
    if (readout.current) readout.current.replaceChildren(...readoutLines(model).map(mathSpan));
  };

  const { redraw, edit } = useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p) => model.step(p),
      applyEdit: (e, p) => model.applyEdit(e, p),
      carriedEdits: () => model.carriedEdits(),
      draw,
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  useEffect(() => {
    layers.current = {
      left: curlLayer(model.curlGrid(), palette),
      right: params.jacobian ? energyLayer(model.energyGrid(), view, palette) : plainLayer(palette),
    };
    redraw();
  }, [params.memories, params.sigma, params.eps, params.jacobian, seed, palette, view]);
  useEffect(redraw, [term]);

  // Pointer: the KaTeX spans of the two terms. Keyboard: the two term buttons (KaTeX's HTML is hidden from screen readers).
  useEffect(() => {
    eq.current?.querySelectorAll<HTMLElement>('.cf-jac, .cf-std').forEach((el) => (el.dataset.term = el.classList.contains('cf-jac') ? 'jac' : 'std'));
  });
  const termOf = (el: EventTarget | null): Term => ((el instanceof Element ? el.closest<HTMLElement>('[data-term]')?.dataset.term : undefined) as Term) ?? 'none';

  // Drawing a loop: pointer down starts, move adds points, up closes it. Works with touch (touch-action: none).
  const toPlane = (e: React.PointerEvent<HTMLCanvasElement>) => {
    return fromPx(view, ...localPoint(e, e.currentTarget));
  };
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    draft.current = [...toPlane(e)];
    store.getState().pause();
    redraw();
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = draft.current;
    if (!d) return;
    const [x, y] = toPlane(e);
    if (Math.hypot(x - d[d.length - 2], y - d[d.length - 1]) > 0.06) {
      d.push(x, y);
      redraw();
    }
  };
  /**
   * Lifting closes the loop. It goes to the run as one edit (its vertices, thinned and rounded as the link
   * writes them, so the check below sees what the sim will), then the walk starts again on it, as before.
   */
  const onUp = () => {
    const d = draft.current;
    draft.current = null;
    if (!d) return;
    const loop = roundEdit(meta.edits!.drawn, { kind: 'drawn', args: drawnLoop(d) });
    const problem = drawnLoopProblem(loop.args);
    if (problem) {
      setHint(problem);
      redraw();
      return;
    }
    setHint('Your loop is closed from where you lifted back to where you started. Press Play to walk it.');
    edit(loop);
    const st = store.getState();
    if (st.params.loop === 'drawn' && st.params.walk === 'loop') st.reset();
    else st.setParams({ loop: 'drawn', walk: 'loop' });
    st.play();
  };
  const canvasProps = { onPointerDown: onDown, onPointerMove: onMove, onPointerUp: onUp, onPointerCancel: onUp, style: { touchAction: 'none' as const, cursor: 'crosshair' } };

  return (
    <div className="fig-conservative-field" data-term={term === 'none' ? undefined : term}>
      <div ref={box} className={`fig-conservative-field-panels${stacked ? ' is-stacked' : ''}`}>
        <div>
          <h4>
            <MathText text="Unconstrained score (f_θ − x)/σ², shaded by its curl" />
          </h4>
          <canvas ref={left} role="img" aria-label="The unconstrained score field as arrows; blue and orange shading show counter-clockwise and clockwise curl. The dashed loop is the path being walked, or the dots are particles following the field." {...canvasProps} />
        </div>
        <div>
          <h4>
            <MathText text={params.jacobian ? 'Gradient of the energy: −∇E_θ (Eq. 20), over E_θ' : 'Eq. 20 without its Jacobian term (no energy)'} />
          </h4>
          <canvas ref={right} role="img" aria-label="The score of Eq. 20, the gradient of the energy of Eq. 19, over a heatmap of that energy, with the same loop or particles." {...canvasProps} />
        </div>
      </div>
      <p className="figure-hint">{hint}</p>
      <p ref={readout} className="fig-conservative-field-readout" aria-hidden="true" />
      <div
        ref={eq}
        className="fig-conservative-field-eq"
        onMouseOver={(e) => setTerm(termOf(e.target))}
        onMouseLeave={() => setTerm('none')}
        onFocus={(e) => setTerm(termOf(e.target))}
        onBlur={() => setTerm('none')}
      >
        <Tex tex={EQ19} display />
        <span className="fig-conservative-field-eqno">survey Eq. 19</span>
        <Tex tex={EQ20} display />
        <span className="fig-conservative-field-eqno">survey Eq. 20 — point at a term: the green arrows on the right are the Jacobian term alone</span>
        <div className="fig-conservative-field-terms" role="group" aria-label="Terms of Eq. 20">
          <button type="button" className="btn" data-term="jac" aria-pressed={term === 'jac'} onMouseEnter={() => setTerm('jac')}>
            <MathText text="Jacobian term (∂f_θ/∂x)ᵀ(x − f_θ)/σ²" />
          </button>
          <button type="button" className="btn" data-term="std" aria-pressed={term === 'std'} onMouseEnter={() => setTerm('std')}>
            <MathText text="standard term −(x − f_θ)/σ²" />
          </button>
        </div>
      </div>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
