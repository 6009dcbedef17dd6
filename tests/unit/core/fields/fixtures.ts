import { matrixFromRows } from '../../../../src/core';

/** Three 2-D memories shared by the field tests. */
export const mem = matrixFromRows([
  [1.2, 0.9],
  [-1.1, -0.8],
  [1.4, -1.3],
]);
/** n vertices of the circle of radius r around (cx, cy), counter-clockwise, flat [x0, y0, …]. */
export const circle = (cx: number, cy: number, r: number, n = 64) => {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n));
  return out;
};
