import { useEffect, useRef, useState } from 'react';
import type { ChapterInfo } from '../content';

/*
 * The table of contents: chapters and their `##` sections. It follows the reader: the entry of the section
 * under the top of the viewport is highlighted (aria-current) and kept in view inside the contents list.
 */
export function Toc({ chapters, onNavigate }: { chapters: ChapterInfo[]; onNavigate?: () => void }) {
  const active = useActiveSection(chapters);
  const nav = useRef<HTMLElement>(null);

  useEffect(() => {
    const list = nav.current;
    const a = list?.querySelector<HTMLElement>('a[aria-current="location"]');
    if (!list || !a || list.scrollHeight <= list.clientHeight) return;
    const top = a.offsetTop - list.clientHeight / 3;
    list.scrollTo({ top, behavior: 'auto' });
  }, [active]);

  return (
    <nav className="toc" aria-label="Contents" ref={nav}>
      <p className="toc-title">Contents</p>
      <ol className="toc-chapters">
        {chapters.map((c) => (
          <li key={c.slug} className={active.chapter === c.slug ? 'toc-open' : undefined}>
            <a href={`#${c.slug}`} aria-current={active.id === c.slug ? 'location' : undefined} onClick={onNavigate}>
              <span className="toc-num">{c.number}</span> {c.title}
            </a>
            {c.sections.some((s) => s.depth === 2) && (
              <ol className="toc-sections">
                {c.sections
                  .filter((s) => s.depth === 2)
                  .map((s) => (
                    <li key={s.id}>
                      <a href={`#${s.id}`} aria-current={active.id === s.id ? 'location' : undefined} onClick={onNavigate}>
                        {s.titleHtml ? <span dangerouslySetInnerHTML={{ __html: s.titleHtml }} /> : s.title}
                      </a>
                    </li>
                  ))}
              </ol>
            )}
          </li>
        ))}
        <li>
          <a href="#references" aria-current={active.id === 'references' ? 'location' : undefined} onClick={onNavigate}>
            References
          </a>
        </li>
      </ol>
    </nav>
  );
}

/** The chapter and section whose heading was last scrolled past the top fifth of the viewport. */
function useActiveSection(chapters: ChapterInfo[]): { id: string; chapter: string } {
  const [active, setActive] = useState({ id: '', chapter: '' });
  useEffect(() => {
    const ids: { id: string; chapter: string }[] = [];
    for (const c of chapters) {
      ids.push({ id: c.slug, chapter: c.slug });
      for (const s of c.sections) if (s.depth === 2) ids.push({ id: s.id, chapter: c.slug });
    }
    ids.push({ id: 'references', chapter: '' });
    let raf = 0;
    const update = () => {
      raf = 0;
      const line = window.innerHeight * 0.2;
      let best = { id: '', chapter: '' };
      for (const entry of ids) {
        const el = document.getElementById(entry.id);
        if (!el) continue;
        if (el.getBoundingClientRect().top <= line) best = entry;
        else break;
      }
      setActive((prev) => (prev.id === best.id ? prev : best));
    };
    const onScroll = () => {
      if (!raf) raf = requestAnimationFrame(update);
    };
    // Measured in the next frame, not now: reading positions while the page starts would force a layout early.
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    // Chapters arrive after the first paint; re-measure when the page grows.
    const ro = new ResizeObserver(onScroll);
    ro.observe(document.body);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      ro.disconnect();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [chapters]);
  return active;
}
