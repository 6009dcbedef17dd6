import { useEffect, useState } from 'react';

/*
 * One IntersectionObserver shared by every figure (as Distill's d-figure does): a figure starts when it comes
 * within 200 px of the viewport and pauses when it leaves.
 */
type Listener = (visible: boolean) => void;
const listeners = new Map<Element, Listener>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: '200px 0px' },
  );
  return observer;
}

export function useOnScreen(ref: React.RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    const obs = shared();
    if (!el || !obs) {
      setVisible(true);
      return;
    }
    listeners.set(el, setVisible);
    obs.observe(el);
    return () => {
      obs.unobserve(el);
      listeners.delete(el);
    };
  }, [ref]);
  return visible;
}
