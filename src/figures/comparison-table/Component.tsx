import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { PropControls } from '../../lib/figure/Controls';
import { Tex } from '../../lib/Tex';
import { meta, type ROWS } from './meta';
import './style.css';

interface Link {
  href: string;
  label: string;
}
interface Row {
  key: (typeof ROWS)[number];
  head: string;
  dm: string;
  am: string;
  /** Cells that are prose rather than TeX. */
  text?: boolean;
  figures: Link[];
  equations: Link[];
}

/*
 * Survey Table 1. The update equations follow MATH.md (reconstructed from the survey's prose); the asterisks are
 * the survey's: each "No" and the "noise it was trained on" hold only in theory, and §5.2 shows how practice
 * blurs them. Equation anchors are the labels of chapter 5 (content/05-uncanny-resemblance.md).
 */
const TABLE: Row[] = [
  {
    key: 'parameterizes',
    head: 'Parameterizes the',
    dm: String.raw`\text{score function } F_\theta`,
    am: String.raw`\text{energy function } E_\theta`,
    figures: [{ href: '#fig-conservative-field', label: 'conservative field' }],
    equations: [{ href: '#eq-res-score-energy', label: 'Eq. 2' }],
  },
  {
    key: 'continuous',
    head: 'Continuous update',
    dm: String.raw`\tau(t)\,\frac{dx}{dt} = F_\theta(x,t)`,
    am: String.raw`\tau\,\frac{dx}{dt} = -\nabla_x E_\theta(x)`,
    figures: [{ href: '#fig-side-by-side', label: 'side by side' }],
    equations: [
      { href: '#eq-res-dm-flow', label: 'Eq. 9' },
      { href: '#eq-res-am-flow', label: 'Eq. 10' },
    ],
  },
  {
    key: 'discrete',
    head: 'Discrete update',
    dm: String.raw`x^{t+1} = x^t + \alpha(t)\,F_\theta(x^t,t)`,
    am: String.raw`x^{t+1} = x^t - \alpha\,\nabla_x E_\theta(x^t)`,
    figures: [{ href: '#fig-side-by-side', label: 'side by side' }],
    equations: [
      { href: '#eq-res-dm-step', label: 'DM step' },
      { href: '#eq-res-am-step', label: 'Eq. 11' },
    ],
  },
  {
    key: 'time',
    head: 'Valid time domain',
    dm: String.raw`t \in [0, T]`,
    am: String.raw`t \in [0, \infty)`,
    figures: [
      { href: '#fig-fixed-points', label: 'fixed points' },
      { href: '#fig-side-by-side', label: 'side by side' },
    ],
    equations: [{ href: '#eq-res-dm-flow', label: 'Eq. 9' }],
  },
  {
    key: 'fixed-point',
    head: 'Fixed-point attractor?',
    dm: 'No*',
    am: 'Yes',
    text: true,
    figures: [{ href: '#fig-fixed-points', label: 'fixed points' }],
    equations: [{ href: '#eq-res-am-step', label: 'Eq. 11' }],
  },
  {
    key: 'energy',
    head: 'Tractable energy?',
    dm: 'No*',
    am: 'Yes',
    text: true,
    figures: [{ href: '#fig-conservative-field', label: 'conservative field' }],
    equations: [
      { href: '#eq-res-sm-energy', label: 'Eq. 19' },
      { href: '#eq-res-sm-score', label: 'Eq. 20' },
    ],
  },
  {
    key: 'corruption',
    head: 'Undoes corruption of',
    dm: 'the noise it was trained on*',
    am: 'any kind',
    text: true,
    figures: [{ href: '#fig-any-corruption', label: 'any corruption' }],
    equations: [{ href: '#eq-res-tweedie', label: 'one-step denoiser' }],
  },
];

function Cell({ row, value }: { row: Row; value: string }) {
  return row.text ? <>{value}</> : <Tex tex={value} />;
}

export default function ComparisonTable({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const highlight = useStore(store, (s) => s.params.highlight);
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
            {TABLE.map((row) => (
              <tr key={row.key} data-row={row.key} className={highlight === row.key ? 'is-highlighted' : undefined}>
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
