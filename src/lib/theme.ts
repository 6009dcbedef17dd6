import { create } from 'zustand';
import { useEffect, useState } from 'react';
import type { Palette } from './palette';

export type { Palette } from './palette';

/*
 * Light and dark themes follow the system until the reader picks one; the choice is remembered.
 * `high-contrast` is for poor projectors (lecture mode). Canvas figures read their colours from the CSS
 * custom properties through `usePalette`, so the stylesheet is the single source of colour.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
interface ThemeState {
  choice: ThemeChoice;
  highContrast: boolean;
  setChoice: (c: ThemeChoice) => void;
  setHighContrast: (on: boolean) => void;
}

const KEY = 'mips-theme';
function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export const useTheme = create<ThemeState>()((set) => ({
  choice: typeof window === 'undefined' ? 'system' : stored(),
  highContrast: false,
  setChoice: (choice) => {
    try {
      if (choice === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    set({ choice });
  },
  setHighContrast: (highContrast) => set({ highContrast }),
}));

function systemDark(): boolean {
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Applies the theme to <html data-theme> and returns the resolved theme. Mount once, in the shell. */
export function useApplyTheme(): 'light' | 'dark' {
  const { choice, highContrast } = useTheme();
  const [sys, setSys] = useState(systemDark);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setSys(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const resolved = choice === 'system' ? (sys ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    document.documentElement.dataset.contrast = highContrast ? 'high' : 'normal';
  }, [resolved, highContrast]);
  return resolved;
}

function readPalette(): Palette {
  if (typeof document === 'undefined') {
    return { bg: '#fff', fg: '#111', muted: '#666', grid: '#ddd', accent: '#0072B2', accent2: '#E69F00', memory: '#D55E00', score: '#009E73', danger: '#D55E00', good: '#009E73', dark: false };
  }
  const cs = getComputedStyle(document.documentElement);
  const v = (n: string, f: string) => cs.getPropertyValue(n).trim() || f;
  return {
    bg: v('--bg', '#fff'),
    fg: v('--fg', '#111'),
    muted: v('--muted', '#666'),
    grid: v('--grid', '#ddd'),
    accent: v('--accent', '#0072B2'),
    accent2: v('--accent-2', '#E69F00'),
    memory: v('--memory', '#D55E00'),
    score: v('--score', '#009E73'),
    danger: v('--danger', '#D55E00'),
    good: v('--good', '#009E73'),
    dark: document.documentElement.dataset.theme === 'dark',
  };
}

/**
 * Asks every figure to paint again (dispatched on `window`): a lecture slide's zoom changed, so canvases need a
 * new resolution and their type a new floor, though their CSS size may not have changed.
 */
export const REPAINT_EVENT = 'essay:repaint';

/** The current palette; changes (and so triggers a redraw) when the theme changes, or on a REPAINT_EVENT. */
export function usePalette(): Palette {
  const choice = useTheme((s) => s.choice);
  const hc = useTheme((s) => s.highContrast);
  const [p, setP] = useState(readPalette);
  useEffect(() => {
    // Wait a frame so <html data-theme> has been updated by the shell.
    const id = requestAnimationFrame(() => setP(readPalette()));
    const mq = typeof matchMedia !== 'undefined' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const on = () => requestAnimationFrame(() => setP(readPalette()));
    mq?.addEventListener('change', on);
    window.addEventListener(REPAINT_EVENT, on);
    return () => {
      cancelAnimationFrame(id);
      mq?.removeEventListener('change', on);
      window.removeEventListener(REPAINT_EVENT, on);
    };
  }, [choice, hc]);
  return p;
}

/** True when the reader asked the system for reduced motion: figures then step instead of auto-playing. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
