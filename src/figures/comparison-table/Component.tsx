import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { PropControls } from '../../lib/figure/Controls';
import { Tex } from '../../lib/Tex';
import { meta } from './meta';
import { tableRows, type Row } from './sim';
import { rowClass } from './draw';
import './style.css';

function Cell({ row, value }: { row: Row; value: string }) {
  return row.text ? <>{value}</> : <Tex tex={value} />;
}

export default function ComparisonTable({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const params = useStore(store, (s) => s.params);
  return (
    <div className="fig-comparison-table">
      <div className="fig-comparison-table-scroll">
        <table>
          <caption className="fig-comparison-table-caption">Survey Table 1. * In theory; §5.2 of the survey (and the figures linked here) show how practice narrows the gap.</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="fig-comparison-table-sr">Property</span>
              </th>
              <th scope="col">Diffusion model</th>
              <th scope="col">Associative memory</th>
              <th scope="col">Shown in</th>
            </tr>
          </thead>
          <tbody>
            {tableRows(params).map((row) => (
              <tr key={row.key} data-row={row.key} className={rowClass(row)}>
                <th scope="row">{row.head}</th>
                <td data-label="Diffusion model">
                  <Cell row={row} value={row.dm} />
                </td>
                <td data-label="Associative memory">
                  <Cell row={row} value={row.am} />
                </td>
                <td data-label="Shown in">
                  <div className="fig-comparison-table-links">
                  {row.figures.map((f) => (
                    <a key={f.href} href={f.href} data-kind="figure">
                      figure: {f.label}
                    </a>
                  ))}
                  {row.equations.map((e) => (
                    <a key={e.href} href={e.href} data-kind="equation">
                      {e.label}
                    </a>
                  ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PropControls store={store} />
    </div>
  );
}
