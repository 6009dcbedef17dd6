import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { figureIds, renderPosters } from './index';

/*
 * `npx tsx src/scripts/posters/main.ts <out-dir> [id …]`: every figure's poster at its defaults, in both themes,
 * as <out-dir>/<id>-<theme>.png, plus posters.json (key, id, theme, file, width, height, alt; skipped figures
 * with their reason). Prints each poster's time and size and the total.
 */

const [dir, ...only] = process.argv.slice(2);
if (!dir) {
  console.error('usage: tsx src/scripts/posters/main.ts <out-dir> [figure-id …]');
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });
const ids = only.length ? only : figureIds();
const t0 = performance.now();
const results = await renderPosters(ids.map((id) => ({ key: `fig-${id}`, id, attrs: {} })));
const total = performance.now() - t0;
const manifest = results.map((r) => {
  if ('skipped' in r) {
    console.log(`${r.id.padEnd(28)} skipped: ${r.skipped}`);
    return { key: r.key, id: r.id, skipped: r.skipped };
  }
  const file = `${r.id}-${r.theme}.png`;
  writeFileSync(join(out, file), r.png);
  console.log(`${r.id.padEnd(28)} ${r.theme.padEnd(5)} ${String(Math.round(r.ms)).padStart(5)} ms ${String(Math.round(r.png.byteLength / 1024)).padStart(5)} KB  ${r.width}×${r.height}`);
  return { key: r.key, id: r.id, theme: r.theme, file, width: r.width, height: r.height, alt: r.alt };
});
writeFileSync(join(out, 'posters.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const bytes = results.reduce((a, r) => a + ('png' in r ? r.png.byteLength : 0), 0);
console.log(`${results.length} results in ${(total / 1000).toFixed(2)} s; ${(bytes / 1024).toFixed(0)} KB of PNG`);
