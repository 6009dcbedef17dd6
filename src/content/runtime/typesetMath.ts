/*
 * Puts KaTeX's typesetting back into the chapters that the page serves as MathML only
 * (src/content/compiler/typeset.ts): a chapter's file is loaded as the reader comes within a screen and a half of
 * it, and its formulas are filled in a few milliseconds at a time, so no frame waits. Until then (and without
 * JavaScript, or if the file cannot load) the browser lays out the MathML itself.
 */

const NEAR = '150% 0px';
const SLICE_MS = 6;

/** The typeset HTML of each chapter whose file has arrived, formula i at index i. */
const arrived = new Map<string, string[]>();
const loads = new Map<string, Promise<string[]>>();
const running = new Map<Element, Promise<void>>();

interface TypesetDetail {
  chapter: string;
  typeset: string[];
}

/** Loads a chapter's typeset HTML (its file dispatches `mips:typeset` as it runs). */
function load(article: HTMLElement): Promise<string[]> {
  const chapter = article.dataset.chapter ?? '';
  const src = article.dataset.typeset ?? '';
  let p = loads.get(chapter);
  if (p) return p;
  p = new Promise<string[]>((resolve, reject) => {
    const script = document.createElement('script');
    const arrive = (e: Event) => {
      const d = (e as CustomEvent<TypesetDetail>).detail;
      if (d?.chapter !== chapter || !Array.isArray(d.typeset)) return;
      document.removeEventListener('mips:typeset', arrive);
      arrived.set(chapter, d.typeset);
      resolve(d.typeset);
    };
    document.addEventListener('mips:typeset', arrive);
    script.onload = () => script.remove();
    script.onerror = () => {
      document.removeEventListener('mips:typeset', arrive);
      script.remove();
      loads.delete(chapter);
      reject(new Error(`The typeset math of chapter "${chapter}" (${src}) did not load; it stays as MathML.`));
    };
    script.src = src;
    document.head.appendChild(script);
  });
  loads.set(chapter, p);
  return p;
}

const UNFILLED = '.katex[data-k]:not([data-k="none"])';

/**
 * Fills the chapter's formulas until `until` (a performance.now() time); true when every one is done. A formula
 * the file has nothing for keeps its MathML (`data-k="none"`, still shown by styles.css).
 */
function fill(article: HTMLElement, typeset: string[], until: number): boolean {
  for (const el of article.querySelectorAll<HTMLElement>(UNFILLED)) {
    const html = typeset[Number(el.dataset.k)];
    if (html === undefined) el.dataset.k = 'none';
    else {
      el.insertAdjacentHTML('beforeend', html);
      el.removeAttribute('data-k');
    }
    if (performance.now() > until) break;
  }
  if (article.querySelector(UNFILLED)) return false;
  article.removeAttribute('data-typeset');
  return true;
}

/** Typesets one chapter (at once resolved if it already is, or was served typeset). */
export function typesetChapter(article: HTMLElement): Promise<void> {
  if (article.dataset.typeset === undefined) return Promise.resolve();
  let p = running.get(article);
  if (p) return p;
  p = load(article).then(
    (typeset) =>
      new Promise<void>((resolve) => {
        const slice = () => (fill(article, typeset, performance.now() + SLICE_MS) ? resolve() : setTimeout(slice, 0));
        slice();
      }),
  );
  p.catch((e: unknown) => {
    running.delete(article);
    console.warn(e instanceof Error ? e.message : e);
  });
  running.set(article, p);
  return p;
}

/** Typesets at once every chapter whose file has arrived (before printing: a print is laid out in one go). */
export function typesetArrived(root: ParentNode = document): void {
  for (const article of root.querySelectorAll<HTMLElement>('.chapter[data-typeset]')) {
    const typeset = arrived.get(article.dataset.chapter ?? '');
    if (typeset) fill(article, typeset, Infinity);
  }
}

/** Typesets each chapter of `root` as the reader nears it, and what has arrived before a print. */
export function wakeTypeset(root: HTMLElement): () => void {
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        // A file that does not load leaves that chapter's MathML (typesetChapter says so in the console).
        typesetChapter(e.target as HTMLElement).catch(() => undefined);
      }
    },
    { rootMargin: NEAR },
  );
  for (const article of root.querySelectorAll('.chapter[data-typeset]')) io.observe(article);
  const print = () => typesetArrived(root);
  window.addEventListener('beforeprint', print);
  return () => {
    io.disconnect();
    window.removeEventListener('beforeprint', print);
  };
}
