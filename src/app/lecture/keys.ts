import { useEffect } from 'react';
import { useTheme } from '../../lib/theme';
import { takeEarlyKey } from '../earlyInput';
import type { Step } from './deck';

/*
 * The deck's keys:
 *   → ↓ Space PageDown   next slide          ← ↑ PageUp   previous slide (clickers send PageUp/PageDown)
 *   Home / End           first / last        P            open the presenter window (projected deck only)
 *   H                    high contrast       Esc          leave the figure's controls, then lecture mode
 * Inside a figure's controls, arrows and Space belong to the figure; PageUp/PageDown still turn slides.
 */

const NEXT = new Set(['ArrowRight', 'ArrowDown', ' ', 'PageDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** True when a key press belongs to the element that has focus (a slider, a button, a figure's canvas). */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[data-figure], input, select, textarea, [contenteditable="true"], [role="slider"]')) return true;
  // A button or link outside a figure keeps Space and Enter (to press it); arrows still turn slides.
  return (key === ' ' || key === 'Enter') && !!target.closest('button, a[href]');
}

export function toggleHighContrast(): void {
  useTheme.getState().setHighContrast(!useTheme.getState().highContrast);
}

export interface DeckKeyActions {
  go: (step: Step) => void;
  /** Esc with nothing focused inside a figure; absent in the presenter window. */
  leave?: () => void;
  /** P; absent in the presenter window. */
  openPresenter?: () => void;
}

/** Listens for the deck's keys on the window while mounted. */
export function useDeckKeys({ go, leave, openPresenter }: DeckKeyActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const owned = ownsKeys(e.target, e.key);
      if (e.key === 'PageDown' || e.key === 'PageUp') {
        e.preventDefault();
        go(e.key === 'PageDown' ? 1 : -1);
        return;
      }
      if (e.key === 'Escape') {
        if (owned && document.activeElement instanceof HTMLElement) {
          document.activeElement.blur();
          document.querySelector<HTMLElement>('.lecture-stage-focus')?.focus();
        } else leave?.();
        return;
      }
      if (owned) return;
      if (NEXT.has(e.key)) {
        e.preventDefault();
        go(1);
      } else if (PREV.has(e.key)) {
        e.preventDefault();
        go(-1);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        go(e.key === 'Home' ? 'first' : 'last');
      } else if (e.key === 'p' || e.key === 'P') {
        openPresenter?.();
      } else if (e.key === 'h' || e.key === 'H') {
        toggleHighContrast();
      }
    };
    window.addEventListener('keydown', onKey);
    // Keys pressed before the deck listened are not replayed, and no longer kept: an L pressed during a deck that
    // opened from a link must not reopen it when the reader leaves for the essay.
    takeEarlyKey([]);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, leave, openPresenter]);
}
