import { lazy, startTransition, StrictMode, Suspense, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAllChapters, useEssay } from '../content';
import { HoverCards } from '../content/runtime/HoverCards';
import { observeIslands } from '../content/runtime/islands';
import { wakeTypeset } from '../content/runtime/typesetMath';
import { GlossaryTips } from '../lib/glossary/GlossaryTips';
import { EssayDeepLinks } from './DeepLinks';
import { takeEarlyClicks } from './earlyInput';
import { LectureButton, LectureKey } from './lecture/EnterLecture';
import { slideFromHash, useMode } from './lecture/mode';
import { watchScrollables } from './scrollables';
import { loadPosters, measureChaptersWhenIdle, settleAnchorJumps, settleOn } from './anchorScroll';
import { ThemeToggle } from './ThemeToggle';
import { Toc } from './Toc';

const Lecture = lazy(() => import('./lecture/Lecture'));

/*
 * The essay page. Its text is already on screen: the build wrote every chapter into index.html
 * (src/content/compiler/prerender.ts), so this never renders prose. It wakes what is interactive, in place:
 * the header's buttons, the contents (which follow the reader), the hover cards and glossary tips, deep links,
 * lecture mode, the figure islands (src/content/runtime/islands.tsx) and the chapters' typeset math
 * (src/content/runtime/typesetMath.ts), each when the reader comes near it.
 */
export function bootEssay(page: HTMLElement): void {
  // Rendered as transitions: React then renders in slices of a few milliseconds, and the page answers in between.
  const mount = (el: Element | null, node: React.ReactNode) => {
    if (!el) return;
    const root = createRoot(el);
    startTransition(() => root.render(<StrictMode>{node}</StrictMode>));
  };
  const layout = page.querySelector('.layout');
  const content = page.querySelector<HTMLElement>('#content')!;
  // Each step is a task of its own, after the one that evaluated the app's code: issue 13's budget is no task over
  // 50 ms on a phone, whose CPU is some 4 times slower than a laptop's.
  inTasks([
    () => mount(page.querySelector('.site-tools'), <HeaderTools layout={layout} />),
    () => mount(page.querySelector('#toc'), <EssayToc layout={layout} />),
    () => {
      const overlays = document.body.appendChild(document.createElement('div'));
      overlays.className = 'essay-overlays';
      mount(overlays, <Overlays />);
    },
    () => {
      settleAnchorJumps();
      observeIslands(content);
      watchScrollables(content);
    },
    () => {
      wakeTypeset(content);
      measureChaptersWhenIdle(content);
      window.addEventListener('beforeprint', loadPosters);
      if (import.meta.hot) {
        // Authors: load every chapter's module so that an edit hot-swaps it, and write edited chapters back.
        void loadAllChapters();
        void import('../content/runtime/livePatch').then((m) => m.followLiveEdits());
      }
      document.documentElement.dataset.app = 'ready';
    },
  ]);
}

/** Runs the steps in order, each in a task of its own. */
function inTasks(steps: (() => void)[]): void {
  const next = (i: number) => {
    steps[i]();
    if (i + 1 < steps.length) setTimeout(next, 0, i + 1);
  };
  setTimeout(next, 0, 0);
}

/** Contents (on narrow screens), lecture, theme. The contents toggle opens the drawer by a class on the layout. */
function HeaderTools({ layout }: { layout: Element | null }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    layout?.classList.toggle('toc-is-open', open);
    if (!open) return;
    const key = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const navigated = (e: Event) => e.target instanceof Element && e.target.closest('#toc a') && setOpen(false);
    document.addEventListener('keydown', key);
    document.addEventListener('click', navigated);
    return () => {
      document.removeEventListener('keydown', key);
      document.removeEventListener('click', navigated);
    };
  }, [open, layout]);
  // Taps on these buttons before they listened (index.html keeps them): replayed once, in order.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const tools = first.current?.parentElement;
    for (const name of takeEarlyClicks()) tools?.querySelector<HTMLButtonElement>(`button[class="${CSS.escape(name)}"]`)?.click();
  }, []);
  return (
    <>
      <button ref={first} type="button" className="btn toc-toggle" aria-expanded={open} aria-controls="toc" onClick={() => setOpen((o) => !o)}>
        Contents
      </button>
      <LectureButton />
      <ThemeToggle />
    </>
  );
}

function EssayToc({ layout }: { layout: Element | null }) {
  const manifest = useEssay((s) => s.manifest);
  return <Toc chapters={manifest.chapters} onNavigate={() => layout?.classList.remove('toc-is-open')} />;
}

/** What floats over the page: hover cards, glossary tips, link notices, and lecture mode when it is on. */
function Overlays() {
  const manifest = useEssay((s) => s.manifest);
  const mode = useMode((s) => s.mode);
  const [shown, setShown] = useState(mode);
  useEffect(() => {
    if (mode !== 'essay') document.documentElement.dataset.deck = mode;
    // The inline script may have guessed "deck" from a query this app reads as the essay (`?mode=lecture💥`).
    else if (document.documentElement.dataset.deck === 'loading') delete document.documentElement.dataset.deck;
    else if (shown !== 'essay') {
      // Back from the deck: show the essay at the element the last slide came from (exitLecture set the hash).
      delete document.documentElement.dataset.deck;
      settleOn(slideFromHash() || 'title');
    }
    setShown(mode);
  }, [mode]);
  return (
    <>
      <HoverCards manifest={manifest} />
      <GlossaryTips />
      <EssayDeepLinks />
      {mode === 'essay' && <LectureKey />}
      {mode !== 'essay' && (
        <Suspense fallback={<p className="lecture-loading">Loading lecture mode…</p>}>
          <Lecture mode={mode} />
        </Suspense>
      )}
    </>
  );
}
