import { useEffect, useState } from 'react';
import { loadAllChapters, useEssay } from '../content';
import { ChapterView } from '../content/runtime/ChapterView';
import { HoverCards } from '../content/runtime/HoverCards';
import { GlossaryTips } from '../lib/glossary/GlossaryTips';
import { Toc } from './Toc';
import { ThemeToggle } from './ThemeToggle';
import { LectureButton } from './lecture/EnterLecture';

/** Resolves in an idle moment (or soon, where requestIdleCallback is missing). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 30);
  });
}
import { watchScrollables } from './scrollables';
import { ESSAY_KICKER, ESSAY_SOURCE_HTML, ESSAY_SUBTITLE, ESSAY_TITLE } from '../content/titlePage';

/*
 * The essay: a title page, every chapter in one scrolling page, and the references. The first chapter
 * ships with the shell; the others load right after the first paint. A deep link (#section, #eq-…, #fig-…)
 * is honoured once the chapter that holds it has arrived.
 */
export function Essay() {
  const manifest = useEssay((s) => s.manifest);
  const contents = useEssay((s) => s.chapters);
  const [tocOpen, setTocOpen] = useState(false);

  // The first chapter ships with the shell. The others load when the reader does something (scrolls, clicks,
  // presses a key, follows a link) or arrives with a deep link, one at a time in idle moments, so the first
  // screen is quick and nothing heavy runs for a reader who has not started reading.
  useEffect(() => {
    let cancelled = false;
    let started = false;
    const goToHash = () => {
      const raw = window.location.hash.slice(1);
      let hash = raw;
      try {
        hash = decodeURIComponent(raw);
      } catch {
        /* a malformed escape (#%E0%A4%A): look the raw text up, which finds nothing, quietly */
      }
      if (hash) requestAnimationFrame(() => document.getElementById(hash)?.scrollIntoView());
    };
    const start = (then?: () => void) => {
      if (!started) {
        started = true;
        for (const ev of triggers) window.removeEventListener(ev, onFirst);
      }
      loadAllChapters(idle).then(() => !cancelled && then?.());
    };
    const onFirst = () => start();
    const onHash = () => start(goToHash);
    const onPrint = () => start();
    const triggers = ['scroll', 'pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const ev of triggers) window.addEventListener(ev, onFirst, { passive: true, once: true });
    window.addEventListener('hashchange', onHash);
    window.addEventListener('beforeprint', onPrint);
    if (window.location.hash) start(goToHash);
    return () => {
      cancelled = true;
      for (const ev of triggers) window.removeEventListener(ev, onFirst);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('beforeprint', onPrint);
    };
  }, []);

  useEffect(() => watchScrollables(document.getElementById('content')!), []);

  useEffect(() => {
    if (!tocOpen) return;
    const key = (e: KeyboardEvent) => e.key === 'Escape' && setTocOpen(false);
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, [tocOpen]);

  return (
    <>
      <a className="skip-link" href="#content">
        Skip to the essay
      </a>
      <header className="site-header">
        <a className="site-title" href="#title">
          {ESSAY_TITLE}
        </a>
        <div className="site-tools">
          <button type="button" className="btn toc-toggle" aria-expanded={tocOpen} aria-controls="toc" onClick={() => setTocOpen((o) => !o)}>
            Contents
          </button>
          <LectureButton />
          <ThemeToggle />
        </div>
      </header>
      <div className={`layout${tocOpen ? ' toc-is-open' : ''}`}>
        <div id="toc" className="toc-wrap">
          <Toc chapters={manifest.chapters} onNavigate={() => setTocOpen(false)} />
        </div>
        <main id="content" className="essay" tabIndex={-1}>
          <header className="title-page" id="title">
            <p className="kicker">{ESSAY_KICKER}</p>
            <h1>{ESSAY_TITLE}</h1>
            <p className="subtitle">{ESSAY_SUBTITLE}</p>
            <p className="title-source" dangerouslySetInnerHTML={{ __html: ESSAY_SOURCE_HTML }} />
            {manifest.chapters.length > 0 && (
              <ol className="title-chapters">
                {manifest.chapters.map((c) => (
                  <li key={c.slug}>
                    <a href={`#${c.slug}`}>{c.title}</a>
                    {c.summary && <span className="title-chapter-summary"> {c.summary}</span>}
                  </li>
                ))}
              </ol>
            )}
          </header>
          {manifest.chapters.map((c) => (
            <ChapterView key={c.slug} info={c} content={contents[c.slug]} />
          ))}
          <section className="references" id="references" aria-labelledby="references-title">
            <h2 id="references-title">References</h2>
            <ol className="bibliography">
              {manifest.bibliography.map((b) => (
                <li key={b.key} id={`ref-${b.key}`} value={b.number} dangerouslySetInnerHTML={{ __html: b.html }} />
              ))}
            </ol>
          </section>
        </main>
      </div>
      <footer className="site-footer">
        <p>
          Memory in Plain Sight, an explorable essay. Figures run in your browser; every one has a seed, so a run can be replayed. <a href="?catalogue">Figure catalogue</a>
        </p>
      </footer>
      <HoverCards manifest={manifest} />
      <GlossaryTips />
    </>
  );
}
