import {
  createHam, createHamState, createRng, FOUR_FROM_PARTS, hamActivate, hamEnergy, hamStep, patternsFromParts, trainPartsHam,
  type Ham, type HamEnergy, type HamLagrangian, type HamState, type Matrix,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import { TraceBuffer } from '../../lib/draw/trace';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;

export const MAX_TIME = 300;
const SUBSTEPS = 2;
/** The learned network: three windows of four features, two candidate parts per window, four patterns. */
export const WINDOWS = 3;
export const WINDOW = 4;
const PARTS_PER_WINDOW = 2;

/** What the learned network was shown: its stored patterns, the probe's pattern and the window hidden from it. */
export interface Probe {
  patterns: Matrix;
  pattern: number;
  hidden: number;
}

/** The figure's state: a core HAM, its state, per-layer speeds and the energy traces. */
export class HierarchyRun {
  ham: Ham | null = null;
  st: HamState | null = null;
  vel: Float64Array[] = [];
  /** ‖ẋ_ℓ‖ of each layer at the last step: how fast each layer is still moving. */
  speeds = new Float64Array(0);
  t = 0;
  dt = 0.05;
  lastV = Infinity;
  e: HamEnergy = { total: 0, layers: new Float64Array(0), synapses: new Float64Array(0) };
  traces = { total: new TraceBuffer(), layers: new TraceBuffer(), synapses: new TraceBuffer() };
  rises = 0;
  /** Set when the synapses were learned from patterns. */
  probe: Probe | null = null;
  private save: Float64Array[] = [];

  reset(p: Params, seed: number): void {
    if (p.synapses === 'trained') this.resetTrained(p, seed);
    else {
      const rng = createRng(seed * 7 + 3);
      const sizes = Array.from({ length: p.layers }, () => p.width);
      const lags: HamLagrangian[] = sizes.map((_, l) => (l === p.layers - 1 && p.top === 'softmax' ? { kind: 'softmax', beta: p.beta } : { kind: 'tanh' }));
      this.ham = createHam(sizes, lags, rng, p.scale);
      for (let i = 0; i < p.width; i++) this.ham.inputs[0][i] = p.input * (rng.uniform() < 0.5 ? -1 : 1);
      this.st = createHamState(this.ham, rng, 1.5);
      this.probe = null;
    }
    const sizes = this.ham!.layers.map((l) => l.size);
    this.vel = sizes.map((n) => new Float64Array(n));
    this.save = sizes.map((n) => new Float64Array(n));
    this.speeds = new Float64Array(sizes.length);
    this.e = { total: 0, layers: new Float64Array(sizes.length), synapses: new Float64Array(sizes.length - 1) };
    this.t = 0;
    this.dt = 0.05;
    this.lastV = Infinity;
    this.rises = 0;
    for (const tr of Object.values(this.traces)) tr.clear();
    this.record();
  }

  /**
   * Learns the three-layer network from four patterns built of shared parts (core trainPartsHam), and feeds it one
   * of them, chosen by the seed, with one window (also chosen by the seed) hidden: zero input current there.
   */
  private resetTrained(p: Params, seed: number): void {
    const rng = createRng(seed * 11 + 5);
    const { patterns } = patternsFromParts(FOUR_FROM_PARTS, WINDOW, PARTS_PER_WINDOW, rng);
    this.ham = trainPartsHam(patterns, { windows: WINDOWS, partsPerWindow: PARTS_PER_WINDOW, strength: p.scale, beta: p.beta }, rng);
    const pattern = (seed - 1) % patterns.rows;
    const hidden = Math.floor((seed - 1) / patterns.rows) % WINDOWS;
    const n = patterns.cols;
    for (let i = 0; i < n; i++) this.ham.inputs[0][i] = Math.floor(i / WINDOW) === hidden ? 0 : p.input * patterns.data[pattern * n + i];
    this.st = createHamState(this.ham, rng, 0.1);
    this.probe = { patterns, pattern, hidden };
  }

  /** For the learned network: the memory neuron most active, and how many features (and of the hidden window) match the probe's pattern in sign. */
  recall(): { memory: number; weight: number; match: number; hiddenMatch: number } | null {
    const pr = this.probe;
    const st = this.st;
    if (!pr || !st) return null;
    const top = st.g[2];
    let memory = 0;
    for (let k = 1; k < top.length; k++) if (top[k] > top[memory]) memory = k;
    const n = pr.patterns.cols;
    let match = 0;
    let hiddenMatch = 0;
    for (let i = 0; i < n; i++) {
      if (Math.sign(st.g[0][i]) !== pr.patterns.data[pr.pattern * n + i]) continue;
      match++;
      if (Math.floor(i / WINDOW) === pr.hidden) hiddenMatch++;
    }
    return { memory, weight: top[memory], match, hiddenMatch };
  }

  private record(): void {
    hamEnergy(this.ham!, this.st!, this.e);
    let lay = 0;
    for (const v of this.e.layers) lay += v;
    let syn = 0;
    for (const v of this.e.synapses) syn += v;
    this.traces.total.push(this.t, this.e.total);
    this.traces.layers.push(this.t, lay);
    this.traces.synapses.push(this.t, syn);
  }

  /** Advances all layers together (forward Euler); a step that would raise E is undone and halved. */
  step(): boolean {
    const ham = this.ham;
    const st = this.st;
    if (!ham || !st) return true;
    for (let k = 0; k < SUBSTEPS; k++) {
      const before = hamEnergy(ham, st, this.e).total;
      st.x.forEach((x, l) => this.save[l].set(x));
      let v = 0;
      for (let tries = 0; tries < 12; tries++) {
        v = hamStep(ham, st, this.dt, this.vel);
        const after = hamEnergy(ham, st, this.e).total;
        if (after <= before + 1e-12 * Math.max(1, Math.abs(before))) break;
        st.x.forEach((x, l) => x.set(this.save[l]));
        hamActivate(ham, st);
        this.dt /= 2;
        if (tries === 11) this.rises++;
      }
      this.t += this.dt;
      this.lastV = v;
    }
    for (let l = 0; l < this.vel.length; l++) {
      let s = 0;
      for (const a of this.vel[l]) s += a * a;
      this.speeds[l] = Math.sqrt(s);
    }
    this.record();
    return this.lastV < 1e-4 || this.t >= MAX_TIME;
  }

  describe(p: Params): string {
    if (!this.ham) return '';
    const r = this.recall();
    const learned = r
      ? ` Learned synapses: shown pattern ${this.probe!.pattern + 1} with window ${this.probe!.hidden + 1} hidden; memory neuron ${r.memory + 1} leads (activation ${r.weight.toFixed(2)}), and the features match pattern ${this.probe!.pattern + 1} on ${r.match} of ${this.probe!.patterns.cols} neurons, ${r.hiddenMatch} of ${WINDOW} in the hidden window.`
      : '';
    const settled = this.lastV < 1e-4;
    let fastest = 0;
    for (let l = 1; l < this.speeds.length; l++) if (this.speeds[l] > this.speeds[fastest]) fastest = l;
    const f = (v: number) => (Math.abs(v) < 5e-4 ? '0.000' : v.toFixed(3));
    const shape = r ? `3 layers (${this.ham.layers.map((l) => l.size).join(', ')} neurons)` : `${p.layers} layers of ${p.width} neurons`;
    return `${shape}, t = ${this.t.toFixed(2)}: E = ${f(this.e.total)} ${settled ? 'and settled: every layer has stopped' : `and falling; layer ${fastest + 1} is moving fastest`}${this.rises ? `; E rose ${this.rises} times` : '; E has never risen'}.${learned}`;
  }
}
