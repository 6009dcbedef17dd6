import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { PropControls } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { LinePlot } from '../../lib/LinePlot';
import { capacities, curves, formatCount } from './sim';
import { capacityPlot, capacitySeries } from './draw';
import { meta } from './meta';
import './style.css';

export default function ScalingCapacity({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(560, 300);
  const { neurons: n, degree } = useStore(store, (s) => s.params);
  const c = useMemo(() => curves(degree), [degree]);
  const series = useMemo(() => capacitySeries(c, degree), [c, degree]);
  const at = capacities(n, degree);
  return (
    <div className="fig-scaling-capacity">
      <div ref={box} className="fig-scaling-capacity-plot">
        <LinePlot {...capacityPlot(series, n, degree, Math.max(260, Math.min(width, 640)))} />
      </div>
      <table className="fig-scaling-capacity-table">
        <caption>
          Random patterns that fit in N = {n} neurons with no wrong bits (first three rows), and the classical load at which about 1.5 % of bits are wrong
        </caption>
        <tbody>
          <tr data-row="classical">
            <th scope="row">
              <span className="fig-scaling-capacity-swatch" style={{ background: 'var(--accent)' }} aria-hidden="true" /> classical, F(x) = x²
            </th>
            <td>N / (2 ln N)</td>
            <td data-value="classical">{formatCount(at.classical)}</td>
          </tr>
          <tr data-row="poly">
            <th scope="row">
              <span className="fig-scaling-capacity-swatch is-dashed" style={{ borderColor: 'var(--accent-2)' }} aria-hidden="true" /> polynomial, F(x) = x
              <sup>{degree}</sup>
            </th>
            <td>
              N<sup>{degree - 1}</sup> / (2·{oddDf(2 * degree - 3)}·ln N)
            </td>
            <td data-value="poly">{formatCount(at.poly)}</td>
          </tr>
          <tr data-row="exp">
            <th scope="row">
              <span className="fig-scaling-capacity-swatch" style={{ background: 'var(--memory)' }} aria-hidden="true" /> exponential, F(x) = e<sup>x</sup>
            </th>
            <td>
              2<sup>N/2</sup>
            </td>
            <td data-value="exp">{formatCount(at.exp)}</td>
          </tr>
          <tr data-row="classical-errors">
            <th scope="row">
              <span className="fig-scaling-capacity-swatch is-dashed" style={{ borderColor: 'var(--muted)' }} aria-hidden="true" /> classical, about 1.5 % of bits wrong
            </th>
            <td>0.138 N</td>
            <td data-value="classical-errors">{formatCount(at.classicalErrors)}</td>
          </tr>
        </tbody>
      </table>
      <PropControls store={store} />
    </div>
  );
}

function oddDf(m: number): number {
  let p = 1;
  for (let k = m; k > 1; k -= 2) p *= k;
  return p;
}
