/*
 * The canvas palette of each theme, as plain data. The browser reads the live values from the stylesheet's
 * custom properties (`usePalette` in theme.ts); Node tools (the build's figure posters) cannot read CSS and use
 * these, which mirror `:root` and `:root[data-theme='dark']` in src/app/styles.css (a unit test keeps them equal).
 */

/** The colours a canvas painter needs. */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  accent2: string;
  memory: string;
  score: string;
  danger: string;
  good: string;
  dark: boolean;
}

export type ThemeName = 'light' | 'dark';

export const PALETTES: Record<ThemeName, Palette> = {
  light: { bg: '#fdfdfb', fg: '#1b1b1f', muted: '#5a5a66', grid: '#d9d9de', accent: '#0064a0', accent2: '#e69f00', memory: '#c05000', score: '#007a5a', danger: '#b3261e', good: '#00734f', dark: false },
  dark: { bg: '#15161a', fg: '#ececef', muted: '#a8a8b3', grid: '#3a3b42', accent: '#56b4e9', accent2: '#f0c020', memory: '#ff8a3d', score: '#3fd1a5', danger: '#ff6b5e', good: '#3fd1a5', dark: true },
};

/** The CSS custom property each palette field mirrors (`accent2` is `--accent-2`). */
export const PALETTE_VARS: Record<Exclude<keyof Palette, 'dark'>, string> = {
  bg: '--bg',
  fg: '--fg',
  muted: '--muted',
  grid: '--grid',
  accent: '--accent',
  accent2: '--accent-2',
  memory: '--memory',
  score: '--score',
  danger: '--danger',
  good: '--good',
};
