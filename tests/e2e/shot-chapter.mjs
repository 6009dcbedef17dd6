// Screenshots one chapter of the essay in pieces: node tests/e2e/shot-chapter.mjs URL SLUG OUTPREFIX WIDTH light|dark
import { chromium } from '@playwright/test';
const [url, slug, out, w, theme] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w || 1280, height: 1000 }, colorScheme: theme || 'light' });
p.on('pageerror', (e) => console.log('pageerror:', e.message));
p.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
await p.goto(url);
const art = p.locator(`article[data-chapter="${slug}"]`);
await art.waitFor();
await art.locator('.prose').first().waitFor();
const box0 = await art.boundingBox();
for (let y = box0.y; y < box0.y + box0.height; y += 600) { await p.evaluate((yy) => window.scrollTo(0, yy), y); await p.waitForTimeout(250); }
await p.waitForTimeout(1200);
const box = await art.boundingBox();
const docTop = await p.evaluate(() => window.scrollY);
const top = box.y + docTop;
let i = 0;
for (let y = top; y < top + box.height; y += 1800, i++) {
  await p.screenshot({ path: `${out}-${i}.png`, fullPage: true, clip: { x: 0, y, width: +w || 1280, height: Math.min(1800, top + box.height - y) } });
}
console.log('pieces', i, 'height', Math.round(box.height));
await b.close();
