import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--no-first-run'] });
const base = 'http://127.0.0.1:4299/';
// No JS, desktop and phone
for (const [w, h] of [[1280, 900], [360, 740]]) {
  const ctx = await b.newContext({ javaScriptEnabled: false, viewport: { width: w, height: h } });
  const p = await ctx.newPage();
  await p.goto(base + '#fig-dispersed-memories');
  await p.waitForTimeout(800);
  await p.screenshot({ path: `/tmp/nojs-${w}.png` });
  await ctx.close();
}
// Print right after load
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto(base);
await p.waitForFunction(() => document.documentElement.dataset.app === 'ready');
const pdf = await p.pdf({ format: 'A4' });
writeFileSync('/tmp/essay.pdf', pdf);
console.log('pdf pages', (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 'bytes', pdf.length);
await p.emulateMedia({ media: 'print' });
await p.locator('#fig-capacity').scrollIntoViewIfNeeded();
await p.screenshot({ path: '/tmp/print-capacity.png' });
await b.close();
