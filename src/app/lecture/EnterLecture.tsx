import { useEffect } from 'react';
import { getManifest } from '../../content';
import { takeEarlyKey } from '../earlyInput';
import { enterLecture } from './mode';

/*
 * In the essay, `L` opens lecture mode at the slide of what is on screen: the last section heading, key
 * equation or figure whose top has passed the upper third of the viewport.
 */
export function currentSlideId(): string {
  const line = window.innerHeight * 0.35;
  let best = 'title';
  for (const c of getManifest().chapters) {
    const ids = [c.slug, ...c.sections.filter((s) => s.depth <= 2).map((s) => s.id), ...c.figures.map((f) => f.anchor), ...c.equations.filter((e) => e.survey).map((e) => e.anchor)];
    for (const id of ids) {
      const el = document.getElementById(id);
      if (!el) continue;
      const top = el.getBoundingClientRect().top;
      if (top <= line && (best === 'title' || top >= (document.getElementById(best)?.getBoundingClientRect().top ?? -Infinity))) best = id;
    }
  }
  return best;
}

export function LectureKey() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'l' && e.key !== 'L') return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target;
      if (t instanceof Element && t.closest('input, select, textarea, [contenteditable="true"], [data-figure]')) return;
      e.preventDefault();
      enterLecture(currentSlideId());
    };
    window.addEventListener('keydown', onKey);
    // An L pressed while the page was still waking.
    if (takeEarlyKey(['l', 'L'])) enterLecture(currentSlideId());
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}

/** The header's way into lecture mode (hidden on narrow screens: lectures are projected). */
export function LectureButton() {
  return (
    <button type="button" className="btn lecture-enter" onClick={() => enterLecture(currentSlideId())} title="Present the essay as slides (L)">
      Lecture <kbd>L</kbd>
    </button>
  );
}
