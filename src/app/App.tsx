import { ThemeToggle } from './ThemeToggle';
import { Catalogue } from './Catalogue';
import { SingleFigure } from './embed/SingleFigure';

/*
 * The tool routes, rendered by React in place of the essay page (src/main.tsx decides):
 *   ?figure=<id>&attr=…     one figure alone; add &embed (or open embed.html?figure=…) for no chrome
 *   ?catalogue              the figure catalogue, for authors
 * Everything else is the essay page, static HTML woken in place (src/app/essayPage.tsx):
 *   (none)                  the essay; `#id` scrolls to a section, `eq-…` equation or `fig-…` figure
 *   ?fig=<anchor>&attr=…    the essay, scrolled to that figure with its state restored (src/app/DeepLinks.tsx)
 *   ?mode=lecture, L key    lecture mode; ?mode=presenter is the presenter window (src/app/lecture/)
 */
export function App() {
  const q = new URLSearchParams(window.location.search);
  if (q.has('figure')) return <SingleFigure tools={<ThemeToggle />} />;
  return <Catalogue />;
}

/** Whether this address is one of the tool routes above. */
export function isToolRoute(search: string): boolean {
  const q = new URLSearchParams(search);
  return q.has('figure') || q.has('catalogue');
}
