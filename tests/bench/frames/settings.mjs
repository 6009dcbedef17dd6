/*
 * The figures to bench and their settings, read from the figures' own declarations (src/figures/<id>/meta.ts,
 * loaded with tsx as the content checker loads them), so a new figure is benched without editing this file.
 *
 * "Heaviest" = every declared prop at the value that costs most. The default rule: a number prop at its max
 * (counts of particles, memories, steps, layers, pieces, sizes: more of them is more work per frame), an enum or
 * boolean left at its default. HEAVIER lists the exceptions, each with its reason.
 */
import { tsImport } from 'tsx/esm/api';

const { loadFigureMetas } = await tsImport('../../../src/content/compiler/figureMetas.ts', import.meta.url);
/** The project's own URL-state code: links are built and read back exactly as the essay does. */
export const urlState = await tsImport('../../../src/lib/urlState.ts', import.meta.url);

/**
 * Per figure: 'min' = the low end of a number prop's range costs more; 'default' = leave it (cost-neutral);
 * any other value is used as is.
 *   α / eps (a step size) and T or τ_h (a temperature or time constant) at their minimum: the dynamics take
 *   more updates to settle, so the figure keeps animating (the per-frame cost is the same, the run is longer).
 *   Enums and booleans: the option that does more work per frame or never stops.
 */
const HEAVIER = {
  'any-corruption': { alpha: 'min' },
  // Iterated attention at a low β: many small steps before the state stops changing.
  'attention-step': { beta: 'min', iterate: true },
  boltzmann: { T: 'min' },
  // The wide loop crosses every memory's basin: the most line-integral pieces to evaluate.
  'conservative-field': { loop: 'wide' },
  'dispersed-memories': { alpha: 'min' },
  // A drawn shape samples from the most detailed density; the reverse run evaluates the score every step.
  'dye-diffusion': { shape: 'drawn', direction: 'reverse' },
  // The stiff valley at its largest κ and α: the most sub-steps per update (and it oscillates, so never settles).
  'energy-descent': { energy: 'valley' },
  'energy-landscape': { alpha: 'min' },
  'energy-transformer': { alpha: 'min' },
  // Without halting, every particle keeps updating after it reaches its fixed point.
  'fixed-points': { halt: false },
  // The largest picture, updated a whole sweep per frame rather than one flip.
  'hopfield-images': { size: '64', mode: 'sweep' },
  // The memories' positions cost nothing either way, and all at their max would put both on one point.
  'landscape-duality': { alpha: 'min', x1: 'default', y1: 'default', x2: 'default', y2: 'default' },
  // The widest network with a shipped result (128 units must be trained first: see the interaction rows).
  'memorization-generalization': { width: '64' },
  'optimizer-sampling': { alpha: 'min' },
  // Holding at the last noise level keeps every particle stepping after T.
  'side-by-side': { afterT: 'hold' },
  tinybrain: { tauH: 'min' },
};

/** Every figure's declaration, by id. */
export async function loadMetas(root) {
  const { figures, diagnostics } = await loadFigureMetas(root);
  for (const d of diagnostics) console.warn(`${d.file}: ${d.reason}`);
  return figures;
}

/** Every prop's default (the declaration's). */
export function defaultValues(meta) {
  return Object.fromEntries(Object.entries(meta.props).map(([k, p]) => [k, p.default]));
}

/** Every prop at its costliest value (see HEAVIER). */
export function heaviestValues(meta) {
  const over = HEAVIER[meta.id] ?? {};
  const out = {};
  for (const [k, p] of Object.entries(meta.props)) {
    const o = over[k];
    if (o === 'default') out[k] = p.default;
    else if (p.type === 'number') out[k] = o === 'min' ? p.min : o !== undefined ? o : p.max;
    else out[k] = o !== undefined ? o : p.default;
  }
  return out;
}

/** The props where `values` differ from the defaults, as "k=v" text for the table. */
export function describeValues(meta, values) {
  const d = defaultValues(meta);
  return Object.entries(values)
    .filter(([k, v]) => v !== d[k])
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

/** Whether the props read back from a figure's "Copy link" match `values` (the state was applied). */
export function linkHolds(meta, link, values, reserved) {
  const got = urlState.parseFigureState(meta, urlState.queryEntries(new URL(link).search), reserved).values;
  return Object.entries(values).every(([k, v]) => got[k] === v);
}

/** Checks the override table against the declarations, so a renamed prop is caught rather than ignored. */
export function checkOverrides(metas) {
  const bad = [];
  for (const [id, over] of Object.entries(HEAVIER)) {
    const meta = metas[id];
    if (!meta) bad.push(`${id}: no such figure`);
    else for (const k of Object.keys(over)) if (!meta.props[k]) bad.push(`${id}: no prop "${k}"`);
  }
  if (bad.length) throw new Error(`tests/bench/frames/settings.mjs HEAVIER is out of date: ${bad.join('; ')}`);
}
