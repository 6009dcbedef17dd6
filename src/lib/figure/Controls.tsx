import { useStore } from 'zustand';
import type { FigureStore } from './store';
import { rangeOf, type NumberProp, type PropSpec } from './spec';
import { MathText } from '../MathText';
import { toUnicode } from '../notation';
import { speak } from '../speech';

/*
 * The controls every figure gets from its declaration: one labelled input per prop, and the transport
 * (play/pause, step, reset, speed, seed). All are native inputs and buttons, so keyboard and screen readers
 * work without extra code.
 */

function sliderToValue(spec: NumberProp, t: number): number {
  if (!spec.log) return t;
  const v = Math.exp(Math.log(spec.min) + t * (Math.log(spec.max) - Math.log(spec.min)));
  return roundNice(v);
}
function valueToSlider(spec: NumberProp, v: number): number {
  if (!spec.log) return v;
  return (Math.log(v) - Math.log(spec.min)) / (Math.log(spec.max) - Math.log(spec.min));
}
function roundNice(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
  return Math.round(v / p) * p;
}
export function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return v.toFixed(2).replace(/\.?0+$/, '');
  return v.toPrecision(2);
}

function PropControl({ store, name, spec }: { store: FigureStore; name: string; spec: PropSpec }) {
  const value = useStore(store, (s) => s.params[name]);
  // A prop constrained by others (e.g. picture μ ≤ K) shows its current range on a linear slider.
  const limited = spec.type === 'number' && !spec.log && store.getState().meta.constraints?.[name] !== undefined;
  const lo = useStore(store, (s) => (limited ? rangeOf(s.meta, name, s.params).min : undefined));
  const hi = useStore(store, (s) => (limited ? rangeOf(s.meta, name, s.params).max : undefined));
  const set = (v: unknown) => store.getState().setParam(name, v as never);
  // The label is typeset (σ_max with a real subscript) and read as words ("sigma max"); the tooltip takes no
  // markup, so it gets Unicode scripts.
  const spoken = spec.aria ?? speak(spec.label);
  const title = toUnicode(spec.description);
  const label = <MathText className="control-label" text={spec.label} spoken={false} />;
  if (spec.type === 'number') {
    const v = value as number;
    return (
      <label className="control control-number" title={title}>
        {label}
        <input
          type="range"
          name={name}
          aria-label={`${spoken}: ${speak(spec.description)}`}
          min={spec.log ? 0 : lo ?? spec.min}
          max={spec.log ? 1 : hi ?? spec.max}
          step={spec.log ? 0.001 : spec.step ?? (spec.integer ? 1 : (spec.max - spec.min) / 200)}
          value={valueToSlider(spec, v)}
          onChange={(e) => set(sliderToValue(spec, Number(e.currentTarget.value)))}
        />
        <output>{formatValue(v)}</output>
      </label>
    );
  }
  if (spec.type === 'boolean') {
    return (
      <label className="control control-boolean" title={title}>
        <input type="checkbox" name={name} aria-label={spoken} checked={value as boolean} onChange={(e) => set(e.currentTarget.checked)} />
        {label}
      </label>
    );
  }
  return (
    <label className="control control-enum" title={title}>
      {label}
      <select name={name} aria-label={spoken} value={value as string} onChange={(e) => set(e.currentTarget.value)}>
        {spec.options.map((o, i) => (
          <option key={o} value={o}>
            {toUnicode(spec.optionLabels?.[i] ?? o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One labelled control per declared prop, except those a figure draws itself (`hidden`). */
export function PropControls({ store, hidden = [] }: { store: FigureStore; hidden?: readonly string[] }) {
  const meta = store.getState().meta;
  const entries = Object.entries(meta.props).filter(([k]) => !hidden.includes(k));
  if (!entries.length) return null;
  return (
    <div className="figure-props" role="group" aria-label={`${meta.title} settings`}>
      {entries.map(([k, spec]) => (
        <PropControl key={k} store={store} name={k} spec={spec} />
      ))}
    </div>
  );
}

const SPEEDS = [1, 2, 4, 8, 16, 32];

/** Play/pause, step, reset, speed and seed. Shown for figures whose declaration says `animated`. */
export function Transport({ store }: { store: FigureStore }) {
  const playing = useStore(store, (s) => s.playing);
  const steps = useStore(store, (s) => s.steps);
  const speed = useStore(store, (s) => s.speed);
  const converged = useStore(store, (s) => s.converged);
  const meta = store.getState().meta;
  const st = () => store.getState();
  return (
    <div className="figure-transport" role="group" aria-label={`${meta.title} playback`}>
      <button type="button" className="btn btn-primary" aria-pressed={playing} onClick={() => st().toggle()} data-action="play">
        {playing ? 'Pause' : converged ? 'Play (settled)' : 'Play'}
      </button>
      <button type="button" className="btn" onClick={() => st().requestStep()} data-action="step">
        Step
      </button>
      <button type="button" className="btn" onClick={() => st().reset()} data-action="reset">
        Reset
      </button>
      <label className="control control-speed">
        <span className="control-label">speed</span>
        <select value={speed} onChange={(e) => st().setSpeed(Number(e.currentTarget.value))} aria-label="Updates per frame">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {meta.seeded !== false && <SeedControl store={store} />}
      <span className="figure-steps" aria-hidden="true">
        steps: {steps}
      </span>
    </div>
  );
}

/** The visible seed and a "New seed" action (inside Transport; static figures that use a seed show it alone). */
export function SeedControl({ store }: { store: FigureStore }) {
  const seed = useStore(store, (s) => s.seed);
  return (
    <span className="figure-seed">
      <span>
        seed <code data-testid="seed">{seed}</code>
      </span>
      <button type="button" className="btn" onClick={() => store.getState().newSeed()} data-action="new-seed">
        New seed
      </button>
    </span>
  );
}
