import { FigureHost } from '../lib/figure/FigureHost';
import { useApplyTheme } from '../lib/theme';

/** The shell. For now: the title and one live figure; the essay engine replaces the body with the chapters. */
export function App() {
  useApplyTheme();
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
