import type { Matrix } from './matrix';
import { checkLagrangian, type Lagrangian } from './lagrangians';
import { checkFinite, checkLength, checkPositive } from './validate';

/* The shapes a TinyBrain takes and gives: its parameters (checked here) and the parts of its energy. */

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

/** TinyBrain parameters checked and with their defaults filled in; the input currents are fresh copies. */
export interface CheckedTinyBrainParams {
  tauX: number;
  tauH: number;
  inputX: Float64Array;
  inputH: Float64Array;
}

/** Throws naming the first bad parameter; returns the time constants and copies of the input currents (0 if absent). */
export function checkTinyBrainParams(p: TinyBrainParams): CheckedTinyBrainParams {
  if (!p || !p.xi || !(p.xi.rows >= 1) || !(p.xi.cols >= 1)) throw new Error('xi: need a non-empty N_h×N_x matrix (empty pattern set)');
  checkFinite(p.xi.data, 'xi');
  checkLagrangian(p.lx, 'lx');
  checkLagrangian(p.lh, 'lh');
  const tauX = p.tauX ?? 1;
  const tauH = p.tauH ?? 0.1;
  checkPositive(tauX, 'tauX');
  checkPositive(tauH, 'tauH');
  return { tauX, tauH, inputX: inputCurrent(p.inputX, p.xi.cols, 'inputX'), inputH: inputCurrent(p.inputH, p.xi.rows, 'inputH') };
}

function inputCurrent(src: ArrayLike<number> | undefined, n: number, name: string): Float64Array {
  const out = new Float64Array(n);
  if (src) {
    checkLength(src, n, name);
    checkFinite(src, name);
    out.set(src);
  }
  return out;
}
