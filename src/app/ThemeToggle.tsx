import { useApplyTheme, useTheme } from '../lib/theme';

/** One button: switches between the light and dark themes (the system's choice until the reader picks). */
export function ThemeToggle() {
  const resolved = useApplyTheme();
  const setChoice = useTheme((s) => s.setChoice);
  const dark = resolved === 'dark';
  return (
    <button type="button" className="btn theme-toggle" aria-pressed={dark} onClick={() => setChoice(dark ? 'light' : 'dark')} data-testid="theme-toggle">
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> <span className="theme-toggle-label">Dark theme</span>
    </button>
  );
}
