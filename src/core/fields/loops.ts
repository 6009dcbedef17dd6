import { checkFinite, checkPositive } from '../validate';

/*
 * Vector fields in the plane, and the one question the survey's Misconception 4 asks of them: is the field the
 * gradient of an energy? A field F is conservative when its circulation ∮ F·dl around every closed loop is zero,
 * equivalently (on the simply connected plane) when its curl ∂F_y/∂x − ∂F_x/∂y vanishes everywhere.
 */

/** A planar vector field: writes F(x, y) into out[0], out[1]. */
export type Field2 = (x: number, y: number, out: Float64Array) => void;

/**
 * The curl (the scalar vorticity) ∂F_y/∂x − ∂F_x/∂y at (x, y), by central differences with step h.
 * Error O(h²) for smooth fields. Mutates nothing the caller owns.
 */
export function curl2(field: Field2, x: number, y: number, h = 1e-4): number {
  checkPositive(h, 'h');
  const a = new Float64Array(2);
  const b = new Float64Array(2);
  field(x + h, y, a);
  field(x - h, y, b);
  const dFydx = (a[1] - b[1]) / (2 * h);
  field(x, y + h, a);
  field(x, y - h, b);
  const dFxdy = (a[0] - b[0]) / (2 * h);
  return dFydx - dFxdy;
}

const GL3_T = [0.5 - Math.sqrt(15) / 10, 0.5, 0.5 + Math.sqrt(15) / 10];
const GL3_W = [5 / 18, 8 / 18, 5 / 18];

/**
 * The circulation ∮ F·dl around the closed polygon through `loop` = [x0, y0, x1, y1, …] (the last vertex joins
 * the first). Each edge is cut into pieces no longer than `maxPiece` and each piece is integrated with 3-point
 * Gauss–Legendre quadrature (exact for cubics along the piece), so for smooth fields the error falls as maxPiece⁶.
 * Counter-clockwise loops (in y-up coordinates) give the sign of Stokes' theorem: ∮ F·dl = ∬ curl F dA.
 * Needs at least 3 vertices. Mutates nothing.
 */
export function circulation(field: Field2, loop: ArrayLike<number>, maxPiece = 0.02): number {
  const n = checkLoop(loop, maxPiece);
  const f = new Float64Array(2);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const ax = loop[2 * k];
    const ay = loop[2 * k + 1];
    const bx = loop[(2 * k + 2) % (2 * n)];
    const by = loop[(2 * k + 3) % (2 * n)];
    const dx = bx - ax;
    const dy = by - ay;
    const pieces = Math.max(1, Math.ceil(Math.hypot(dx, dy) / maxPiece));
    const px = dx / pieces;
    const py = dy / pieces;
    for (let p = 0; p < pieces; p++) {
      for (let q = 0; q < 3; q++) {
        const s = p + GL3_T[q];
        field(ax + s * px, ay + s * py, f);
        total += GL3_W[q] * (f[0] * px + f[1] * py);
      }
    }
  }
  return total;
}

/** Twice the signed area of a polygon (shoelace), positive when counter-clockwise in y-up coordinates. */
export function loopArea(loop: ArrayLike<number>): number {
  const n = Math.floor(loop.length / 2);
  let s = 0;
  for (let k = 0; k < n; k++) {
    const j = (k + 1) % n;
    s += loop[2 * k] * loop[2 * j + 1] - loop[2 * j] * loop[2 * k + 1];
  }
  return s / 2;
}

/**
 * The line integral of F along the closed polygon `loop`, piece by piece (same pieces and quadrature as
 * `circulation`), for animating a walker that accumulates ∮ F·dl. Returns the piece endpoints
 * `points` ((m+1)×2, flat, starting and ending at the first vertex) and `cumulative` (length m+1, cumulative[0] = 0,
 * cumulative[m] = circulation(field, loop, maxPiece)). Allocates both arrays; mutates nothing else.
 */
export function lineIntegralAlong(field: Field2, loop: ArrayLike<number>, maxPiece = 0.02): { points: Float64Array; cumulative: Float64Array } {
  const n = checkLoop(loop, maxPiece);
  const counts: number[] = [];
  let m = 0;
  for (let k = 0; k < n; k++) {
    const dx = loop[(2 * k + 2) % (2 * n)] - loop[2 * k];
    const dy = loop[(2 * k + 3) % (2 * n)] - loop[2 * k + 1];
    const c = Math.max(1, Math.ceil(Math.hypot(dx, dy) / maxPiece));
    counts.push(c);
    m += c;
  }
  const points = new Float64Array(2 * (m + 1));
  const cumulative = new Float64Array(m + 1);
  const f = new Float64Array(2);
  let idx = 0;
  let total = 0;
  points[0] = loop[0];
  points[1] = loop[1];
  for (let k = 0; k < n; k++) {
    const ax = loop[2 * k];
    const ay = loop[2 * k + 1];
    const px = (loop[(2 * k + 2) % (2 * n)] - ax) / counts[k];
    const py = (loop[(2 * k + 3) % (2 * n)] - ay) / counts[k];
    for (let p = 0; p < counts[k]; p++) {
      for (let q = 0; q < 3; q++) {
        const s = p + GL3_T[q];
        field(ax + s * px, ay + s * py, f);
        total += GL3_W[q] * (f[0] * px + f[1] * py);
      }
      idx++;
      points[2 * idx] = ax + (p + 1) * px;
      points[2 * idx + 1] = ay + (p + 1) * py;
      cumulative[idx] = total;
    }
  }
  return { points, cumulative };
}

/** Throws unless `loop` is a finite closed polygon of ≥ 3 vertices and maxPiece > 0; returns the vertex count. */
function checkLoop(loop: ArrayLike<number>, maxPiece: number): number {
  checkFinite(loop, 'loop');
  if (loop.length % 2 !== 0) throw new Error('loop: needs an even number of coordinates [x0, y0, x1, y1, …]');
  const n = loop.length / 2;
  if (n < 3) throw new Error(`loop: a closed loop needs at least 3 vertices (got ${n})`);
  checkPositive(maxPiece, 'maxPiece');
  return n;
}
