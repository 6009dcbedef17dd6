import { useEffect, useState } from 'react';
import { loadAllChapters, useEssay } from '../content';
import { ChapterView } from '../content/runtime/ChapterView';
import { HoverCards } from '../content/runtime/HoverCards';
import { Toc } from './Toc';
import { ThemeToggle } from './ThemeToggle';
import { watchScrollables } from './scrollables';

/*
 * The essay: a title page, every chapter in one scrolling page, and the references. The first chapter
 * ships with the shell; the others load right after the first paint. A deep link (#section, #eq-…, #fig-…)
 * is honoured once the chapter that holds it has arrived.
 */
export function Essay() {
  const manifest = useEssay((s) => s.manifest);
  const contents = useEssay((s) => s.chapters);
  const [tocOpen, setTocOpen] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    loadAllChapters().then(() => {
      if (cancelled || !hash) return;
      // Let React commit the last chapter, then scroll to the target.
      requestAnimationFrame(() => document.getElementById(hash)?.scrollIntoView());
    });
    return () => {
      cancelled = true;
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
          Memory in Plain Sight
        </a>
        <div className="site-tools">
          <button type="button" className="btn toc-toggle" aria-expanded={tocOpen} aria-controls="toc" onClick={() => setTocOpen((o) => !o)}>
            Contents
          </button>
          <ThemeToggle />
        </div>
      </header>
      <div className={`layout${tocOpen ? ' toc-is-open' : ''}`}>
        <div id="toc" className="toc-wrap">
          <Toc chapters={manifest.chapters} onNavigate={() => setTocOpen(false)} />
        </div>
        <main id="content" className="essay" tabIndex={-1}>
          <header className="title-page" id="title">
            <p className="kicker">An explorable essay</p>
            <h1>Memory in Plain Sight</h1>
            <p className="subtitle">How associative memories and diffusion models turn out to be the same machine: particles rolling downhill on an energy landscape.</p>
            <p className="title-source">
              After the survey by Hoover, Strobelt, Krotov, Hoffman, Kira and Chau, with Ambrogioni’s <i>In search of dispersed memories</i> and Pham et al.’s{' '}
              <i>Memorization to Generalization</i>.
            </p>
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
    </>
  );
}
