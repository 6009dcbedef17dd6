import type { FigureProps } from '../registry';
import { Tex } from '../../lib/Tex';
import { notationRows } from './sim';
import { firstUseLabel } from './draw';
import './style.css';

export default function Notation(_props: FigureProps) {
  return (
    <div className="fig-notation">
      <table className="fig-notation-table">
        <caption>Every symbol below is also explained where it appears: hover it in any equation, or focus an equation and use ← →.</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Meaning</th>
            <th scope="col">First use</th>
          </tr>
        </thead>
        <tbody>
          {notationRows().map(({ entry: g, href }) => (
            <tr key={g.id} data-symbol={g.id}>
              <th scope="row">
                <Tex tex={g.tex} />
              </th>
              <td>{g.meaning}</td>
              <td>
                <a href={href} aria-label={firstUseLabel(g)}>
                  ↗
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
