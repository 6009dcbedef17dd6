import { typesetChapter } from '../content/runtime/typesetMath';

/*
 * Chapters far from the viewport are not laid out (`content-visibility: auto`): they hold an estimated height
 * until the reader comes near. After a jump to an anchor, the chapters around the target are laid out and their
 * real heights replace the estimates, which can move the target away. This keeps the target where the jump put
 * it until the layout has settled, and stops at once if the reader scrolls.
 */

const SETTLED_FRAMES = 3;
const MAX_FRAMES = 90;

let cancel: (() => void) | null = null;
/** The last jump's target, until the reader scrolls by themselves: it is held in place while chapters are measured. */
let held: string | null = null;
const release = () => {
  held = null;
};

/** Scrolls to the element with this id and holds it there until the layout around it is stable. */
export function settleOn(id: string): void {
  cancel?.();
  const el = document.getElementById(id);
  if (!el) return;
  held = id;
  for (const ev of READER) window.addEventListener(ev, release, { passive: true, once: true });
  let raf = 0;
  let last = Number.NaN;
  let stable = 0;
  let frames = 0;
  const stop = () => {
    cancelAnimationFrame(raf);
    for (const ev of READER) window.removeEventListener(ev, stop);
    cancel = null;
  };
  const tick = () => {
    const top = el.getBoundingClientRect().top;
    if (Math.abs(top - last) < 1) stable++;
    else {
      stable = 0;
      el.scrollIntoView();
      last = el.getBoundingClientRect().top;
    }
    if (stable < SETTLED_FRAMES && ++frames < MAX_FRAMES && el.isConnected) raf = requestAnimationFrame(tick);
    else stop();
  };
  for (const ev of READER) window.addEventListener(ev, stop, { passive: true, once: true });
  cancel = stop;
  raf = requestAnimationFrame(tick);
}

/** What the reader does that means "leave the scroll to me". */
const READER = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** `#id` text to an id (a malformed escape is looked up as written, which finds nothing, quietly). */
function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
const hashId = (): string => decode(window.location.hash.slice(1));

/** Settles every jump to an anchor: on load with a hash, on hash change, and on a click on a link to this page. */
export function settleAnchorJumps(): () => void {
  const onHash = () => hashId() && settleOn(hashId());
  const onClick = (e: MouseEvent) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const id = decode(a.getAttribute('href')!.slice(1));
    // After the browser's own jump (the pointerdown that started this click has already come and gone).
    if (id) requestAnimationFrame(() => settleOn(id));
  };
  window.addEventListener('hashchange', onHash);
  document.addEventListener('click', onClick);
  onHash();
  return () => {
    window.removeEventListener('hashchange', onHash);
    document.removeEventListener('click', onClick);
  };
}

/**
 * Lays every chapter out once, one per idle moment, so `content-visibility: auto` remembers its real height
 * (`contain-intrinsic-size: auto …`) in place of the estimate: from then on, a jump to any anchor (a link, a
 * script's scrollIntoView, the browser's find) lands where the element really is.
 */
const START_AFTER_MS = 8000;
const READER_START = ['scroll', 'wheel', 'pointerdown', 'keydown', 'touchstart'] as const;

export function measureChaptersWhenIdle(root: ParentNode): () => void {
  const chapters = [...root.querySelectorAll<HTMLElement>('.chapter')];
  let handle = 0;
  const hasIdle = typeof requestIdleCallback === 'function';
  const idle = (fn: () => void) => (hasIdle ? requestIdleCallback(fn, { timeout: 4000 }) : window.setTimeout(fn, 50));
  const next = () => {
    const c = chapters.shift();
    // Done: tests (and anything else) can tell that every anchor now lands true.
    if (!c) {
      document.documentElement.dataset.chaptersMeasured = '';
      loadPosters();
      return;
    }
    // Its math typeset first (src/content/runtime/typesetMath.ts), so the height remembered is the final one.
    typesetChapter(c)
      .catch(() => undefined)
      .then(() => measure(c));
  };
  let stopped = false;
  const measure = (c: HTMLElement) => {
    if (stopped) return;
    // Keep the last jump's target where it is while this chapter's height changes from estimate to real.
    const target = held ? document.getElementById(held) : null;
    const before = target?.getBoundingClientRect().top ?? 0;
    c.style.contentVisibility = 'visible';
    if (target) window.scrollBy(0, target.getBoundingClientRect().top - before);
    // The size is remembered when a frame lays the chapter out: restore `auto` in the frame after that one.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        c.style.contentVisibility = '';
        handle = idle(next);
      }),
    );
  };
  // Not during the page's start: begin when the reader first does something, or after a quiet while.
  const begin = () => {
    clearTimeout(timer);
    for (const ev of READER_START) window.removeEventListener(ev, begin);
    if (!handle) handle = idle(next);
  };
  const timer = window.setTimeout(begin, START_AFTER_MS);
  for (const ev of READER_START) window.addEventListener(ev, begin, { passive: true, once: true });
  return () => {
    stopped = true;
    clearTimeout(timer);
    for (const ev of READER_START) window.removeEventListener(ev, begin);
    if (hasIdle) cancelIdleCallback(handle);
    else clearTimeout(handle);
  };
}

/**
 * Posters load lazily (as the reader nears them); once the page is idle, the rest load too, so that printing at
 * any moment has a picture in every figure. Only the current theme's are fetched (the other is display: none).
 */
export function loadPosters(): void {
  for (const img of document.querySelectorAll<HTMLImageElement>('img.figure-poster')) if (img.loading === 'lazy' && img.checkVisibility({ contentVisibilityAuto: false })) img.loading = 'eager';
}
