import { useRef, useState, type ReactNode } from 'react';

/**
 * Which term of an equation (or which legend entry) is highlighted: React state for the markup, mirrored in a ref
 * so a canvas painter called from the animation loop reads the current value without a re-render.
 */
export function useTermHighlight<H extends string | null>(none: H) {
  const [hl, setHl] = useState<H>(none);
  const hlRef = useRef<H>(none);
  hlRef.current = hl;
  return { hl, setHl, hlRef };
}

/**
 * The term under the pointer in a rendered equation: the first entry of `classes` (CSS class → term) that the
 * event target sits inside, else `none`. KaTeX marks terms with `\htmlClass{…}`.
 */
export function termAt<H extends string | null>(target: EventTarget | null, classes: Record<string, H>, none: H): H {
  if (!(target instanceof Element)) return none;
  for (const [cls, term] of Object.entries(classes)) if (target.closest(`.${cls}`)) return term;
  return none;
}

/**
 * A real button that highlights `term` while hovered or focused and clears it on leaving, so every highlight a
 * pointer reaches on an equation is reachable from the keyboard too (KaTeX's HTML is hidden from screen readers).
 */
export function TermButton<H extends string | null>(props: {
  term: H;
  none: H;
  setHl: (h: H) => void;
  /** A CSS colour for the small swatch before the label (a legend entry). */
  swatch?: string;
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  const { term, none, setHl, swatch, label, className, children } = props;
  return (
    <button
      type="button"
      className={className}
      data-term={term ?? undefined}
      aria-label={label}
      onPointerEnter={() => setHl(term)}
      onPointerLeave={() => setHl(none)}
      onFocus={() => setHl(term)}
      onBlur={() => setHl(none)}
    >
      {swatch && <span className="sw" style={{ background: swatch }} />}
      {children}
    </button>
  );
}
