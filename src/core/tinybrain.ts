import { lagrangianActivation, lagrangianHessianVec, lagrangianValue, type Lagrangian } from './lagrangians';
import type { Matrix } from './matrix';
import { checkTinyBrainParams, type TinyBrainEnergy, type TinyBrainParams } from './tinybrain-types';
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
    const { tauX, tauH, inputX, inputH } = checkTinyBrainParams(p);
    this.tauX = tauX;
    this.tauH = tauH;
    this.xi = p.xi;
    this.nh = p.xi.rows;
    this.nx = p.xi.cols;
    this.lx = p.lx;
    this.lh = p.lh;
    this.inputX = inputX;
    this.inputH = inputH;
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
