import type { Matrix } from './matrix';
import { logCosh } from './special';
import { checkFinite, checkLength, checkPositive } from './validate';

/*
 * TinyBrain: the survey's two-layer associative memory (Krotov & Hopfield 2021; HAMUX; MATH.md §2d, survey
 * Eqs. 12–18). Feature neurons x (N_x) and memory neurons h (N_h) coupled by ξ (N_h×N_x):
 *   E_x = (x − I_x)ᵀg − L_x(x),  g = ∇L_x          (Eq. 12, layer energy, Legendre transform)
 *   E_h = (h − I_h)ᵀf − L_h(h),  f = ∇L_h
 *   E_syn = −fᵀ ξ g                                (Eq. 13)
 *   E = E_x + E_h + E_syn                          (Eq. 14)
 *   τ_x dx/dt = ξᵀf − x + I_x,  τ_h dh/dt = ξg − h + I_h   (Eq. 16)
 *   dE/dt = −τ_x ẋᵀ∇²L_x ẋ − τ_h ḣᵀ∇²L_h ḣ ≤ 0 for convex Lagrangians.
 * As τ_h → 0, h = ξg(x) + I_h instantly and E reduces to E_x(x) − L_h(ξg(x) + I_h): with L_h = ½‖h‖² this is the
 * classical continuous network (Eqs. 17–18), with L_x = ½‖x‖², L_h = lse_β it is the modern Hopfield network.
 */

/** A layer's Lagrangian: ½‖x‖² (g = x), Σ log cosh x (g = tanh x), or β⁻¹ log Σ e^{βx} (g = softmax(βx)). */
export type Lagrangian = { kind: 'identity' } | { kind: 'tanh' } | { kind: 'softmax'; beta: number };

export function checkLagrangian(L: Lagrangian, name: string): void {
  if (!L || typeof L !== 'object') throw new Error(`${name}: expected { kind: 'identity' | 'tanh' | 'softmax' }`);
  if (L.kind === 'softmax') checkPositive(L.beta, `${name}.beta`);
  else if (L.kind !== 'identity' && L.kind !== 'tanh') throw new Error(`${name}.kind: must be 'identity', 'tanh' or 'softmax' (got ${(L as { kind: unknown }).kind})`);
}

/** L(x): ½‖x‖², Σ log cosh x_i, or β⁻¹ log Σ e^{βx_i} (max trick). Mutates nothing. */
export function lagrangianValue(L: Lagrangian, x: ArrayLike<number>): number {
  const n = x.length;
  if (L.kind === 'identity') {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * x[i];
    return 0.5 * s;
  }
  if (L.kind === 'tanh') {
    let s = 0;
    for (let i = 0; i < n; i++) s += logCosh(x[i]);
    return s;
  }
  const b = L.beta;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (b * x[i] > m) m = b * x[i];
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(b * x[i] - m);
  return (m + Math.log(s)) / b;
}

/** The activation g = ∇L(x) written into `out` (allocated if absent) and returned. `out` may alias `x`. */
export function lagrangianActivation(L: Lagrangian, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = x.length;
  const g = out ?? new Float64Array(n);
  if (L.kind === 'identity') for (let i = 0; i < n; i++) g[i] = x[i];
  else if (L.kind === 'tanh') for (let i = 0; i < n; i++) g[i] = Math.tanh(x[i]);
  else {
    const b = L.beta;
    let m = -Infinity;
    for (let i = 0; i < n; i++) if (b * x[i] > m) m = b * x[i];
    let s = 0;
    for (let i = 0; i < n; i++) {
      g[i] = Math.exp(b * x[i] - m);
      s += g[i];
    }
    for (let i = 0; i < n; i++) g[i] /= s;
  }
  return g;
}

/** The Hessian-vector product ∇²L(x)·v into `out` (allocated if absent): v, (1 − tanh²x)∘v, or β(p∘v − p(p·v)). */
export function lagrangianHessianVec(L: Lagrangian, x: ArrayLike<number>, v: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = x.length;
  const r = out ?? new Float64Array(n);
  if (L.kind === 'identity') for (let i = 0; i < n; i++) r[i] = v[i];
  else if (L.kind === 'tanh')
    for (let i = 0; i < n; i++) {
      const t = Math.tanh(x[i]);
      r[i] = (1 - t * t) * v[i];
    }
  else {
    const p = lagrangianActivation(L, x);
    let pv = 0;
    for (let i = 0; i < n; i++) pv += p[i] * v[i];
    for (let i = 0; i < n; i++) r[i] = L.beta * p[i] * (v[i] - pv);
  }
  return r;
}

/**
 * Layer energy (survey Eq. 12): (x − I)ᵀ g(x) − L(x). For softmax without input it equals β⁻¹ Σ p log p ∈ [−β⁻¹ log n, 0].
 * Mutates nothing.
 */
export function layerEnergy(L: Lagrangian, x: ArrayLike<number>, input?: ArrayLike<number>): number {
  const g = lagrangianActivation(L, x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - (input ? input[i] : 0)) * g[i];
  return s - lagrangianValue(L, x);
}

/** The parameters of a TinyBrain: ξ (N_h×N_x), the two Lagrangians, time constants and optional input currents. */
export interface TinyBrainParams {
  xi: Matrix;
  lx: Lagrangian;
  lh: Lagrangian;
  /** τ_x > 0 (default 1). */
  tauX?: number;
  /** τ_h > 0 (default 0.1). */
  tauH?: number;
  /** Input current into the feature layer, length N_x (default 0). */
  inputX?: ArrayLike<number>;
  /** Input current into the memory layer, length N_h (default 0). */
  inputH?: ArrayLike<number>;
}

/** The parts of the total energy (survey Eq. 14). */
export interface TinyBrainEnergy {
  ex: number;
  eh: number;
  esyn: number;
  total: number;
}

/**
 * A TinyBrain with its state. `x` (N_x) and `h` (N_h) are mutated in place by step(); `g` and `f` hold the
 * activations of the current state after any call (they are refreshed on every evaluation). All scratch arrays
 * are allocated once in the constructor: step(), energy() and velocities() allocate nothing.
 */
export class TinyBrain {
  readonly nx: number;
  readonly nh: number;
  readonly xi: Matrix;
  readonly lx: Lagrangian;
  readonly lh: Lagrangian;
  tauX: number;
  tauH: number;
  readonly inputX: Float64Array;
  readonly inputH: Float64Array;
  readonly x: Float64Array;
  readonly h: Float64Array;
  readonly g: Float64Array;
  readonly f: Float64Array;
  /** Velocities ẋ, ḣ from the last velocities()/step() call. */
  readonly vx: Float64Array;
  readonly vh: Float64Array;
  private readonly tmpX: Float64Array;
  private readonly tmpH: Float64Array;

  constructor(p: TinyBrainParams) {
    if (!p || !p.xi || !(p.xi.rows >= 1) || !(p.xi.cols >= 1)) throw new Error('xi: need a non-empty N_h×N_x matrix (empty pattern set)');
    checkFinite(p.xi.data, 'xi');
    checkLagrangian(p.lx, 'lx');
    checkLagrangian(p.lh, 'lh');
    this.tauX = p.tauX ?? 1;
    this.tauH = p.tauH ?? 0.1;
    checkPositive(this.tauX, 'tauX');
    checkPositive(this.tauH, 'tauH');
    this.xi = p.xi;
    this.nh = p.xi.rows;
    this.nx = p.xi.cols;
    this.lx = p.lx;
    this.lh = p.lh;
    this.inputX = new Float64Array(this.nx);
    this.inputH = new Float64Array(this.nh);
    if (p.inputX) {
      checkLength(p.inputX, this.nx, 'inputX');
      checkFinite(p.inputX, 'inputX');
      this.inputX.set(p.inputX);
    }
    if (p.inputH) {
      checkLength(p.inputH, this.nh, 'inputH');
      checkFinite(p.inputH, 'inputH');
      this.inputH.set(p.inputH);
    }
    this.x = new Float64Array(this.nx);
    this.h = new Float64Array(this.nh);
    this.g = new Float64Array(this.nx);
    this.f = new Float64Array(this.nh);
    this.vx = new Float64Array(this.nx);
    this.vh = new Float64Array(this.nh);
    this.tmpX = new Float64Array(this.nx);
    this.tmpH = new Float64Array(this.nh);
  }

  /** Sets the state (copies). h defaults to ξ g(x) + I_h, the memory layer's equilibrium for this x. */
  setState(x: ArrayLike<number>, h?: ArrayLike<number>): void {
    checkLength(x, this.nx, 'x');
    checkFinite(x, 'x');
    this.x.set(x);
    if (h) {
      checkLength(h, this.nh, 'h');
      checkFinite(h, 'h');
      this.h.set(h);
    } else {
      lagrangianActivation(this.lx, this.x, this.g);
      this.memoryDrive(this.h);
    }
  }

  /** out = ξ g + I_h (g must be current). */
  private memoryDrive(out: Float64Array): void {
    const { nx, nh } = this;
    const d = this.xi.data;
    for (let m = 0; m < nh; m++) {
      let s = 0;
      const o = m * nx;
      for (let i = 0; i < nx; i++) s += d[o + i] * this.g[i];
      out[m] = s + this.inputH[m];
    }
  }

  /** out = ξᵀ f + I_x (f must be current). */
  private featureDrive(out: Float64Array): void {
    const { nx, nh } = this;
    const d = this.xi.data;
    for (let i = 0; i < nx; i++) out[i] = this.inputX[i];
    for (let m = 0; m < nh; m++) {
      const fm = this.f[m];
      const o = m * nx;
      for (let i = 0; i < nx; i++) out[i] += d[o + i] * fm;
    }
  }

  /** E_x, E_h, E_syn and their sum at the current state (survey Eqs. 12–14). */
  energies(): TinyBrainEnergy {
    const { nx, nh } = this;
    lagrangianActivation(this.lx, this.x, this.g);
    lagrangianActivation(this.lh, this.h, this.f);
    let ex = -lagrangianValue(this.lx, this.x);
    for (let i = 0; i < nx; i++) ex += (this.x[i] - this.inputX[i]) * this.g[i];
    let eh = -lagrangianValue(this.lh, this.h);
    for (let m = 0; m < nh; m++) eh += (this.h[m] - this.inputH[m]) * this.f[m];
    let esyn = 0;
    const d = this.xi.data;
    for (let m = 0; m < nh; m++) {
      let s = 0;
      for (let i = 0; i < nx; i++) s += d[m * nx + i] * this.g[i];
      esyn -= this.f[m] * s;
    }
    return { ex, eh, esyn, total: ex + eh + esyn };
  }

  /** The total energy E = E_x + E_h + E_syn (survey Eq. 14). */
  energy(): number {
    return this.energies().total;
  }

  /** Computes ẋ = (ξᵀf − x + I_x)/τ_x and ḣ = (ξg − h + I_h)/τ_h into this.vx, this.vh (survey Eq. 16). */
  velocities(): void {
    lagrangianActivation(this.lx, this.x, this.g);
    lagrangianActivation(this.lh, this.h, this.f);
    this.featureDrive(this.vx);
    this.memoryDrive(this.vh);
    for (let i = 0; i < this.nx; i++) this.vx[i] = (this.vx[i] - this.x[i]) / this.tauX;
    for (let m = 0; m < this.nh; m++) this.vh[m] = (this.vh[m] - this.h[m]) / this.tauH;
  }

  /** One Euler step of Eq. 16 for both layers: x += dt ẋ, h += dt ḣ. Returns max(|ẋ|, |ḣ|) before the step. */
  step(dt: number): number {
    checkPositive(dt, 'dt');
    this.velocities();
    let v = 0;
    for (let i = 0; i < this.nx; i++) {
      this.x[i] += dt * this.vx[i];
      v = Math.max(v, Math.abs(this.vx[i]));
    }
    for (let m = 0; m < this.nh; m++) {
      this.h[m] += dt * this.vh[m];
      v = Math.max(v, Math.abs(this.vh[m]));
    }
    return v;
  }

  /** dE/dt = −τ_x ẋᵀ∇²L_x ẋ − τ_h ḣᵀ∇²L_h ḣ at the current state (≤ 0 for convex Lagrangians). */
  energyRate(): number {
    this.velocities();
    lagrangianHessianVec(this.lx, this.x, this.vx, this.tmpX);
    lagrangianHessianVec(this.lh, this.h, this.vh, this.tmpH);
    let a = 0;
    for (let i = 0; i < this.nx; i++) a += this.vx[i] * this.tmpX[i];
    let b = 0;
    for (let m = 0; m < this.nh; m++) b += this.vh[m] * this.tmpH[m];
    return -this.tauX * a - this.tauH * b;
  }

  /**
   * The τ_h → 0 reduction: h is slaved to ξg(x) + I_h and the energy of x alone is E_x(x) − L_h(ξg(x) + I_h).
   * L_h = identity gives the classical continuous network (survey Eq. 17); L_x = identity with L_h = softmax(β)
   * gives ½‖x‖² − I_xᵀx − β⁻¹ log Σ_μ exp(β ξ_μ·x) (modern Hopfield). Sets h to its slaved value.
   */
  reducedEnergy(): number {
    lagrangianActivation(this.lx, this.x, this.g);
    this.memoryDrive(this.h);
    let ex = -lagrangianValue(this.lx, this.x);
    for (let i = 0; i < this.nx; i++) ex += (this.x[i] - this.inputX[i]) * this.g[i];
    return ex - lagrangianValue(this.lh, this.h);
  }

  /**
   * One Euler step of the reduced dynamics τ_x dx/dt = ξᵀ f(ξg(x) + I_h) − x + I_x (survey Eq. 18 when
   * L_h = identity; τ_x ẋ = ξᵀ softmax(βξx) − x for the modern network). Sets h to its slaved value.
   * Returns max |ẋ|.
   */
  stepReduced(dt: number): number {
    checkPositive(dt, 'dt');
    lagrangianActivation(this.lx, this.x, this.g);
    this.memoryDrive(this.h);
    lagrangianActivation(this.lh, this.h, this.f);
    this.featureDrive(this.vx);
    let v = 0;
    for (let i = 0; i < this.nx; i++) {
      const d = (this.vx[i] - this.x[i]) / this.tauX;
      this.vx[i] = d;
      this.x[i] += dt * d;
      v = Math.max(v, Math.abs(d));
    }
    return v;
  }
}
