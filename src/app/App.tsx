import { FigureHost } from '../lib/figure/FigureHost';
import { ThemeToggle } from './ThemeToggle';
import { Essay } from './Essay';
import { Catalogue } from './Catalogue';

/*
 * Routes, by query string (the build is static files, so no server routing):
 *   (none)                 the essay
 *   ?catalogue             the figure catalogue, for authors
 *   ?figure=<id>&attr=…    one figure alone (for development and embeds); seed, steps, speed also work
 */
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

function int(v: string | undefined): number | undefined {
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function App() {
  const single = singleFigureFromUrl();
  if (single) {
    const { seed, steps, speed, ...attrs } = single.attrs;
    return (
      <main className="essay single-figure" id="content">
        <div className="single-figure-tools">
          <ThemeToggle />
        </div>
        <FigureHost id={single.id} attrs={attrs} init={{ seed: int(seed), steps: int(steps), speed: int(speed) }} />
      </main>
    );
  }
  if (new URLSearchParams(window.location.search).has('catalogue')) return <Catalogue />;
  return <Essay />;
}
