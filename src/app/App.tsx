import { lazy, Suspense } from 'react';
import { ThemeToggle } from './ThemeToggle';
import { Essay } from './Essay';
import { Catalogue } from './Catalogue';
import { SingleFigure } from './embed/SingleFigure';
import { EssayDeepLinks } from './DeepLinks';
import { LectureKey } from './lecture/EnterLecture';
import { useMode } from './lecture/mode';

const Lecture = lazy(() => import('./lecture/Lecture'));

/*
 * Routes, by query string (the build is static files, so no server routing):
 *   (none)                  the essay; `#id` scrolls to a section, `eq-…` equation or `fig-…` figure
 *   ?fig=<anchor>&attr=…    the essay, scrolled to that figure with its state restored (src/app/DeepLinks.tsx)
 *   ?mode=lecture, L key    lecture mode; ?mode=presenter is the presenter window (src/app/lecture/)
 *   ?catalogue              the figure catalogue, for authors
 *   ?figure=<id>&attr=…     one figure alone; add &embed (or open embed.html?figure=…) for no chrome
 */
export function App() {
  const mode = useMode((s) => s.mode);
  const q = new URLSearchParams(window.location.search);
  if (q.has('figure')) return <SingleFigure tools={<ThemeToggle />} />;
  if (mode !== 'essay') {
    return (
      <Suspense fallback={<p className="lecture-loading">Loading lecture mode…</p>}>
        <Lecture mode={mode} />
      </Suspense>
    );
  }
  if (q.has('catalogue')) return <Catalogue />;
  return (
    <>
      <Essay />
      <EssayDeepLinks />
      <LectureKey />
    </>
  );
}
