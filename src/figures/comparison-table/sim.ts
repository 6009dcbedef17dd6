import type { PropValues } from '../../lib/figure/spec';
import type { meta, ROWS } from './meta';

/*
 * The table as a function of props. A static figure (meta `animated: false`): nothing steps, and its only prop
 * picks the highlighted row. No DOM.
 */

export type Params = PropValues<typeof meta.props>;

export interface Link {
  href: string;
  label: string;
}
export interface Row {
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
 * blurs them. Equation anchors are the labels of chapter 5 (content/05-uncanny-resemblance.md), except survey
 * Eq. 2, which is displayed once, in chapter 2. Links to a survey equation say "survey Eq. N": the equation they
 * land on carries its own essay number (n) with that tag under it.
 */
export const TABLE: Row[] = [
  {
    key: 'parameterizes',
    head: 'Parameterizes the',
    dm: String.raw`\text{score function } F_\theta`,
    am: String.raw`\text{energy function } E_\theta`,
    figures: [{ href: '#fig-conservative-field', label: 'conservative field' }],
    equations: [{ href: '#eq-particles-score', label: 'survey Eq. 2' }],
  },
  {
    key: 'continuous',
    head: 'Continuous update',
    dm: String.raw`\tau(t)\,\frac{dx}{dt} = F_\theta(x,t)`,
    am: String.raw`\tau\,\frac{dx}{dt} = -\nabla_x E_\theta(x)`,
    figures: [{ href: '#fig-side-by-side', label: 'side by side' }],
    equations: [
      { href: '#eq-res-dm-flow', label: 'survey Eq. 9' },
      { href: '#eq-res-am-flow', label: 'survey Eq. 10' },
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
      { href: '#eq-res-am-step', label: 'survey Eq. 11' },
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
    equations: [{ href: '#eq-res-dm-flow', label: 'survey Eq. 9' }],
  },
  {
    key: 'fixed-point',
    head: 'Fixed-point attractor?',
    dm: 'No*',
    am: 'Yes',
    text: true,
    figures: [{ href: '#fig-fixed-points', label: 'fixed points' }],
    equations: [{ href: '#eq-res-am-step', label: 'survey Eq. 11' }],
  },
  {
    key: 'energy',
    head: 'Tractable energy?',
    dm: 'No*',
    am: 'Yes',
    text: true,
    figures: [{ href: '#fig-conservative-field', label: 'conservative field' }],
    equations: [
      { href: '#eq-res-sm-energy', label: 'survey Eq. 19' },
      { href: '#eq-res-sm-score', label: 'survey Eq. 20' },
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

/** The rows to show, each marked when it is the one the props highlight. */
export function tableRows(p: Params): (Row & { highlighted: boolean })[] {
  return TABLE.map((row) => ({ ...row, highlighted: p.highlight === row.key }));
}
