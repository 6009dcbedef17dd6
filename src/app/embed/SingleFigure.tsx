import { useState } from 'react';
import { figureMeta } from '../../figures/registry';
import { FigureHost } from '../../figures/host/FigureHost';
import { PageNotices } from '../DeepLinks';
import { addPageNotice } from '../../lib/deepLink';
import { parseFigureState, queryEntries } from '../../lib/urlState';
import { prefersReducedMotion } from '../../lib/theme';

/*
 * One figure alone: `?figure=<id>&prop=value&seed=7&at=120` (development, the catalogue, shared links), and
 * the embed `embed.html?figure=<id>&…` (= `?figure=<id>&embed`), which drops all chrome for an iframe.
 * The query is validated exactly like the controls (urlState.ts); what was ignored or clamped is shown
 * under the figure. `theme=dark|light` picks the embed's theme.
 */
const RESERVED = ['figure', 'embed', 'theme'];

export function SingleFigure({ tools }: { tools?: React.ReactNode }) {
  const [route] = useState(() => {
    const entries = queryEntries(window.location.search);
    const id = entries.find(([k]) => k === 'figure')?.[1] ?? '';
    const embed = entries.some(([k]) => k === 'embed');
    const theme = entries.find(([k]) => k === 'theme')?.[1];
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
    else if (theme !== undefined) addPageNotice(`theme must be light or dark (got “${theme.slice(0, 20)}”); ignored.`);
    const meta = figureMeta(id);
    const state = meta ? parseFigureState(meta, entries, RESERVED) : null;
    // In a small iframe the figure fills the frame: say what was ignored or clamped above it, not below.
    if (embed && state?.notices.length) addPageNotice(state.notices.map((n) => n.message).join('; '));
    return { id, embed, meta, state };
  });
  const { id, embed, meta, state } = route;
  if (embed) document.documentElement.dataset.embed = '';
  return (
    <main className={`essay single-figure${embed ? ' embed' : ''}`} id="content">
      {!embed && tools && <div className="single-figure-tools">{tools}</div>}
      <PageNotices />
      {meta && state ? (
        <FigureHost
          id={id}
          attrs={state.values}
          init={{
            seed: state.seed,
            steps: state.steps,
            history: state.history,
            speed: state.speed,
            autoplay: meta.animated && !prefersReducedMotion() && !state.steps,
          }}
          onStore={(s) => s.setState({ notices: embed ? [] : state.notices })}
        />
      ) : (
        <FigureHost id={id.slice(0, 80)} />
      )}
    </main>
  );
}
