import { FigureHost } from '../lib/figure/FigureHost';
import { useApplyTheme } from '../lib/theme';

/** `?figure=<id>&attr=value…` shows one figure alone (for development now, for embeds later). */
function singleFigureFromUrl(): { id: string; attrs: Record<string, string> } | null {
  const q = new URLSearchParams(window.location.search);
  const id = q.get('figure');
  if (!id) return null;
  const attrs: Record<string, string> = {};
  q.forEach((v, k) => {
    if (k !== 'figure') attrs[k] = v;
  });
  return { id, attrs };
}

/** The shell. For now: the title and one live figure; the essay engine replaces the body with the chapters. */
export function App() {
  useApplyTheme();
  const single = singleFigureFromUrl();
  if (single) {
    return (
      <main className="essay">
        <FigureHost id={single.id} attrs={single.attrs} />
      </main>
    );
  }
  return (
    <main className="essay">
      <header className="title-page">
        <h1>Memory in Plain Sight</h1>
        <p className="subtitle">How associative memories and diffusion models turn out to be the same machine.</p>
      </header>
      <FigureHost id="energy-landscape" number={1} />
    </main>
  );
}
