import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import 'katex/dist/katex.min.css';
import type { FigureProps } from '../registry';
import { seedStream } from '../../core/placement';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { prefersReducedMotion, usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { fromPx, px, py, type View } from '../../lib/draw/landscape';
import { Tex } from '../../lib/Tex';
import { TermButton, useTermHighlight } from '../../lib/termHighlight';
import { Duality, DOMAIN, MAX_PARTICLES, type Params } from './sim';
import { landscapeBackground, paintPanel, particleArrows, type Background, type Term } from './draw';
import { meta } from './meta';
import { MathText } from '../../lib/MathText';
import { speak } from '../../lib/speech';
import './style.css';
import { localPoint } from '../../lib/pointer';

const TERMS: Exclude<Term, null>[] = ['x', 'step', 'score', 'energy', 'memory'];
const TERM_TEXT: Record<Exclude<Term, null>, string> = {
  x: 'the particle x^t: the dots, the same on both sides',
  step: 'the step α: how far each update moves a particle (the trails)',
  score: 'the score ∇log p_θ = F_θ: the arrows on the log-probability side',
  energy: 'the energy gradient ∇E_θ: the contours and force arrows on the energy side',
  memory: 'the memories ξ_μ: the two draggable rings',
};

const TERM_SYMBOL: Record<Exclude<Term, null>, string> = { x: 'xᵗ', step: 'α', score: '∇log p_θ', energy: '∇E_θ', memory: 'ξ_μ' };

const UPDATE_TEX = String.raw`\begin{aligned}
\htmlClass{ld-term ld-x}{x^{t+1}} &= \htmlClass{ld-term ld-x}{x^{t}} + \htmlClass{ld-term ld-step}{\alpha}\,\htmlClass{ld-term ld-score}{\nabla_{x}\log p_\theta(x^{t})}\\
&= \htmlClass{ld-term ld-x}{x^{t}} - \htmlClass{ld-term ld-step}{\alpha}\,\htmlClass{ld-term ld-energy}{\nabla_{x}E_\theta(x^{t})}
\end{aligned}`;
// exp(…) rather than e^{…} (no fraction in a superscript, whose tiny type a lecture slide would have to raise), on
// two lines, so it fits the narrow column between the two landscapes.
const ENERGY_TEX = String.raw`\begin{aligned}\htmlClass{ld-term ld-energy}{E_\theta(x)} &= -\tfrac{1}{\beta}\log\sum_{\mu=1}^{2} \\ &\qquad \exp\!\Big(-\tfrac{\beta}{2}\,\lVert x-\htmlClass{ld-term ld-memory}{\xi_\mu}\rVert^2\Big)\end{aligned}`;

const clampCoord = (v: number) => Math.round(Math.max(-2.7, Math.min(2.7, v)) * 100) / 100;

export default function LandscapeDuality({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const model = useRef(new Duality()).current;
  const bg = useRef<Background | null>(null);
  const scratch = useRef({ score: new Float64Array(2 * MAX_PARTICLES), arrows: new Float64Array(2 * MAX_PARTICLES) }).current;
  const left = useRef<HTMLCanvasElement>(null);
  const right = useRef<HTMLCanvasElement>(null);
  const eqBox = useRef<HTMLDivElement>(null);
  const { hl, setHl, hlRef } = useTermHighlight<Term>(null);

  // Wide: panel | equation | panel (as in the survey). Medium: two panels, the equation below. Narrow: stacked.
  const layout = width >= 900 ? 'wide' : width >= 520 ? 'medium' : 'narrow';
  const size = Math.floor(layout === 'wide' ? (width - 340) / 2 : layout === 'medium' ? (width - 16) / 2 : Math.min(width, 420));
  const view: View = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);

  const draw = () => {
    const b = bg.current;
    if (!b || !left.current || !right.current) return;
    const p = store.getState().params as Params;
    particleArrows(model, p.beta, scratch);
    paintPanel(fitCanvas(left.current, size, size), 'logp', model, b, scratch.arrows, view, palette, hlRef.current);
    paintPanel(fitCanvas(right.current, size, size), 'energy', model, b, scratch.arrows, view, palette, hlRef.current);
  };

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p) => model.step(p),
      onKeptChange: (p, prev, changed) => model.onKeptChange(p, prev, changed),
      draw,
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  // The landscapes and the score lattice change only with ξ, β, the size and the theme.
  useEffect(() => {
    bg.current = landscapeBackground(model, params.beta, view, palette);
    redraw();
  }, [params.beta, params.x1, params.y1, params.x2, params.y2, seed, palette, view]);

  useEffect(() => {
    redraw();
    const root = eqBox.current;
    if (!root) return;
    for (const t of TERMS) {
      root.querySelectorAll<HTMLElement>(`.ld-${t}`).forEach((el) => el.classList.toggle('is-hl', hl === t));
    }
  }, [hl]);

  const onEqOver = (e: React.SyntheticEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.ld-term');
    setHl(el ? termOf(el) : null);
  };

  /** Hovering the picture highlights the equation: a particle ⇒ x, the left panel ⇒ the score, the right ⇒ the energy. */
  const onCanvasMove = (side: 'logp' | 'energy') => (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'touch') return;
    const [cx, cy] = localPoint(e, e.currentTarget);
    let near = false;
    for (let i = 0; i < model.n && !near; i++) near = Math.hypot(px(view, model.xs[2 * i]) - cx, py(view, model.xs[2 * i + 1]) - cy) < 9;
    setHl(near ? 'x' : side === 'logp' ? 'score' : 'energy');
  };

  const clicks = useRef(0);
  const onCanvasDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const [x, y] = fromPx(view, ...localPoint(e, e.currentTarget));
    model.drop(x, y, 6, store.getState().seed * 1009 + ++clicks.current);
    // Under reduced motion the new particles wait for Play or Step.
    if (!prefersReducedMotion()) store.getState().play();
    redraw();
  };

  /** The keyboard's way to drop particles: a seeded random spot, so the same seed and clicks replay the same drops. */
  const dropRandom = () => {
    const n = ++clicks.current;
    const rng = seedStream(store.getState().seed, 'landscape-duality.drops', n);
    model.drop(DOMAIN.x0 + 0.5 + (DOMAIN.x1 - DOMAIN.x0 - 1) * rng.uniform(), DOMAIN.y0 + 0.5 + (DOMAIN.y1 - DOMAIN.y0 - 1) * rng.uniform(), 6, store.getState().seed * 1009 + n);
    if (!prefersReducedMotion()) store.getState().play();
    redraw();
  };

  const moveMemory = (k: 1 | 2, x: number, y: number) => {
    const st = store.getState();
    st.setParams(k === 1 ? { x1: clampCoord(x), y1: clampCoord(y) } : { x2: clampCoord(x), y2: clampCoord(y) });
    if (model.n > 0 && !st.playing && !prefersReducedMotion()) st.play();
  };

  const panel = (side: 'logp' | 'energy') => (
    <div className={`fig-landscape-duality-panel fig-landscape-duality-${side}`}>
      <div className="fig-landscape-duality-caption">
        {side === 'logp' ? <Tex tex={String.raw`\log p_\theta(x)\ \text{and the score}\ \nabla_x \log p_\theta`} /> : <Tex tex={String.raw`E_\theta(x)\ \text{and the force}\ {-\nabla_x E_\theta}`} />}
      </div>
      <div className="fig-landscape-duality-stage" style={{ width: size, height: size }}>
        <canvas
          ref={side === 'logp' ? left : right}
          data-side={side}
          role="img"
          aria-label={
            side === 'logp'
              ? 'Log-probability landscape: bright peaks at the two memories, arrows of the score pointing uphill toward them, and the particles.'
              : 'Energy landscape of the associative memory: dark valleys at the two memories, with the same particles rolling downhill.'
          }
          onPointerDown={onCanvasDown}
          onPointerMove={onCanvasMove(side)}
          onPointerLeave={() => setHl(null)}
        />
        {([1, 2] as const).map((k) => (
          <MemoryHandle
            key={k}
            k={k}
            x={k === 1 ? params.x1 : params.x2}
            y={k === 1 ? params.y1 : params.y2}
            view={view}
            focusable={side === 'energy'}
            onMove={moveMemory}
            onHover={(on) => setHl(on ? 'memory' : null)}
          />
        ))}
      </div>
    </div>
  );

  return (
    <div className={`fig-landscape-duality fig-landscape-duality-${layout}`} ref={box}>
      <div className="fig-landscape-duality-row">
        {panel('logp')}
        <div
          className="fig-landscape-duality-eq"
          ref={eqBox}
          onPointerOver={onEqOver}
          onPointerLeave={() => setHl(null)}
          data-testid="update-equation"
        >
          <Tex tex={UPDATE_TEX} display />
          <Tex tex={ENERGY_TEX} display className="fig-landscape-duality-energy-eq" />
          <div className="fig-landscape-duality-terms" role="group" aria-label="Terms of the update equation">
            {TERMS.map((t) => (
              <TermButton key={t} term={t} none={null} setHl={setHl} label={speak(`Highlight ${TERM_TEXT[t]}`)} className={`ld-${t}-button`}>
                <MathText text={TERM_SYMBOL[t]} spoken={false} />
              </TermButton>
            ))}
          </div>
          <p className="fig-landscape-duality-legend" aria-live="polite">
            <MathText text={hl ? `Showing ${TERM_TEXT[hl]}.` : 'Point at a term to find it in the picture.'} />
          </p>
        </div>
        {panel('energy')}
      </div>
      <p className="figure-hint">
        Drag the rings ξ₁, ξ₂ (or focus one and use the arrow keys). Click or tap a landscape to drop particles, or{' '}
        <button type="button" className="btn" onClick={dropRandom} data-action="drop">
          drop 6 particles
        </button>
      </p>
      <PropControls store={store} hidden={['x1', 'y1', 'x2', 'y2']} />
      <Transport store={store} />
    </div>
  );
}

function termOf(el: Element): Term {
  for (const t of TERMS) if (el.classList.contains(`ld-${t}`)) return t;
  return null;
}

/** A memory ξ_k as a draggable, focusable handle over a panel. Arrow keys move it by 0.05 (Shift: 0.25). */
function MemoryHandle(props: {
  k: 1 | 2;
  x: number;
  y: number;
  view: View;
  focusable: boolean;
  onMove: (k: 1 | 2, x: number, y: number) => void;
  onHover: (on: boolean) => void;
}) {
  const { k, x, y, view, focusable, onMove, onHover } = props;
  const dragging = useRef(false);
  const toPlane = (e: React.PointerEvent<HTMLElement>) => {
    return fromPx(view, ...localPoint(e, e.currentTarget.parentElement!));
  };
  return (
    <button
      type="button"
      className="fig-landscape-duality-handle"
      style={{ left: px(view, x), top: py(view, y) }}
      tabIndex={focusable ? 0 : -1}
      aria-hidden={focusable ? undefined : true}
      aria-label={`Memory ξ${k === 1 ? '₁' : '₂'} at (${x.toFixed(2)}, ${y.toFixed(2)}). Drag it, or use the arrow keys to move it.`}
      data-memory={k}
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        dragging.current = true;
        onHover(true);
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return;
        const [px2, py2] = toPlane(e);
        onMove(k, px2, py2);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerEnter={() => onHover(true)}
      onPointerLeave={() => !dragging.current && onHover(false)}
      onFocus={() => onHover(true)}
      onBlur={() => onHover(false)}
      onKeyDown={(e) => {
        const d = e.shiftKey ? 0.25 : 0.05;
        const moves: Record<string, [number, number]> = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
        const m = moves[e.key];
        if (!m) return;
        e.preventDefault();
        onMove(k, x + m[0], y + m[1]);
      }}
    >
      <span aria-hidden="true">ξ{k === 1 ? '₁' : '₂'}</span>
    </button>
  );
}
