import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { figureIds, renderPosters, type PosterFormat } from './index';

/*
 * `npx tsx src/scripts/posters/main.ts <out-dir> [--webp] [id …]`: every figure's poster at its defaults, in both
 * themes, as <out-dir>/<id>-<theme>.png (or .webp with --webp), plus posters.json (key, id, theme, file, width,
 * height, alt; skipped figures with their reason). Prints each poster's time and size and the total.
 */

const args = process.argv.slice(2);
const format: PosterFormat = args.includes('--webp') ? 'webp' : 'png';
const [dir, ...only] = args.filter((a) => a !== '--webp');
if (!dir) {
  console.error('usage: tsx src/scripts/posters/main.ts <out-dir> [--webp] [figure-id …]');
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });
const ids = only.length ? only : figureIds();
const t0 = performance.now();
const results = await renderPosters(
  ids.map((id) => ({ key: `fig-${id}`, id, attrs: {} })),
  { formats: [format] },
);
const total = performance.now() - t0;
let bytes = 0;
const manifest = results.map((r) => {
  if ('skipped' in r) {
    console.log(`${r.id.padEnd(28)} skipped: ${r.skipped}`);
    return { key: r.key, id: r.id, skipped: r.skipped };
  }
  const data = r[format]!;
  const file = `${r.id}-${r.theme}.${format}`;
  writeFileSync(join(out, file), data);
  bytes += data.byteLength;
  console.log(`${r.id.padEnd(28)} ${r.theme.padEnd(5)} ${String(Math.round(r.ms)).padStart(5)} ms ${String(Math.round(data.byteLength / 1024)).padStart(5)} KB  ${r.width}×${r.height}`);
  return { key: r.key, id: r.id, theme: r.theme, file, width: r.width, height: r.height, alt: r.alt };
});
writeFileSync(join(out, 'posters.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${results.length} results in ${(total / 1000).toFixed(2)} s; ${(bytes / 1024).toFixed(0)} KB of ${format.toUpperCase()}`);
