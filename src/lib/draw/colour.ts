/*
 * Palette colours (CSS custom properties read by usePalette) are #rrggbb strings; canvas painters that fade or
 * blend them need their channels.
 */

/** The 0–255 channels of a #rrggbb colour, or `fallback` for any other string. */
export function hexRgb(color: string, fallback: [number, number, number] = [128, 128, 128]): [number, number, number] {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return fallback;
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A #rrggbb colour at opacity a (clamped to [0, 1]) as rgba(); any other colour string is returned unchanged. */
export function withAlpha(color: string, a: number): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return color;
  const [r, g, b] = hexRgb(color);
  return `rgba(${r},${g},${b},${Math.max(0, Math.min(1, a)).toFixed(3)})`;
}
