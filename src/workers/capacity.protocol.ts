import type { CapacityCurve, CapacitySpec } from '../lib/capacity/spec';

/*
 * The messages between the capacity worker (capacity.worker.ts) and the page (capacity.client.ts). Types only:
 * both sides import this module, and neither imports the other.
 *
 * In:  { type: 'run', id, spec } | { type: 'cancel', id }
 * Out: { type: 'progress', id, done, total, curves } | { type: 'done', id, curves, ms }
 *      | { type: 'cancelled', id } | { type: 'error', id, message }
 */

export type CapacityRequest = { type: 'run'; id: number; spec: CapacitySpec } | { type: 'cancel'; id: number };
export type CapacityResponse =
  | { type: 'progress'; id: number; done: number; total: number; curves: CapacityCurve[] }
  | { type: 'done'; id: number; curves: CapacityCurve[]; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
