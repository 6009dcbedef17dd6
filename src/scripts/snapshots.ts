/*
 * `npm run snapshots`: renders every figure's default state to a PNG, for print, for readers without
 * JavaScript (<noscript>) and for the social preview image. It builds the essay into a scratch folder, serves
 * it, opens each figure alone (`?figure=<id>&embed`, light theme, reduced motion so nothing has moved yet)
 * in Debian's Chromium, and writes
 *
 *   public/snapshots/<id>.png       the figure at a 760 px column (controls and share buttons hidden)
 *   public/snapshots/social.png     1200 × 630, the essay's first figure, for og:image
 *   public/snapshots/manifest.json  [{ id, title, file }]
 *
 * The next `npm run build` picks them up (src/scripts/snapshotsPlugin.mjs): og:image, a <noscript> gallery, and
 * print images for figures that were never mounted. Options: --dist <built folder> (skip the build),
 * --port <n> (default 4199), --only id1,id2.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium';
import { loadFigureMetas } from '../content/compiler/figureMetas';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = resolve(import.meta.dirname, '..', '..');
const out = join(root, 'public/snapshots');
const port = Number(arg('port') ?? 4199);
const only = arg('only')?.split(',');

async function main() {
  const { figures } = await loadFigureMetas(root, '');
  const ids = Object.keys(figures)
    .filter((id) => !only || only.includes(id))
    .sort();
  let dist = arg('dist');
  if (!dist) {
    dist = '/tmp/mips-snapshots-dist';
    console.log(`building the essay into ${dist}…`);
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: build first or drop --dist`);
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}/`;
  try {
    await waitFor(base);
    mkdirSync(out, { recursive: true });
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 800, height: 900 }, deviceScaleFactor: 2, colorScheme: 'light', reducedMotion: 'reduce' });
    const manifest: { id: string; title: string; file: string }[] = [];
    for (const id of ids) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}?figure=${encodeURIComponent(id)}&embed&theme=light`);
      const fig = page.locator(`[data-figure="${id}"]`);
      await fig.waitFor();
      await page.addStyleTag({ content: '.figure-share, .figure-props, .figure-transport, .figure-status, .url-notice { display: none !important; }' });
      // Let the figure paint its first frame (and lazy data arrive).
      await page.waitForTimeout(1200);
      const file = `${id}.png`;
      await fig.screenshot({ path: join(out, file) });
      manifest.push({ id, title: figures[id].title, file });
      console.log(`${file}${errors.length ? `  (page errors: ${errors.join('; ')})` : ''}`);
      await page.close();
    }
    // The social card: the essay's first figure, wide.
    const social = await browser.newPage({ viewport: { width: 1200, height: 630 }, colorScheme: 'light', reducedMotion: 'reduce' });
    const first = ids.includes('landscape-duality') ? 'landscape-duality' : ids[0];
    await social.goto(`${base}?figure=${first}&embed&theme=light`);
    await social.locator(`[data-figure="${first}"]`).waitFor();
    await social.addStyleTag({ content: '.figure-share, .figure-props, .figure-transport, .figure-status { display: none !important; }' });
    await social.waitForTimeout(1200);
    await social.screenshot({ path: join(out, 'social.png') });
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
    console.log(`${manifest.length} figures → ${out}`);
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not start at ${url}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
