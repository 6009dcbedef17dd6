import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
p.on('console', m => console.log('console', m.type(), m.text().slice(0,300)));
p.on('pageerror', e => console.log('pageerror', e.message));
await p.goto(process.argv[2]);
for (let i = 0; i < 8; i++) {
  await p.waitForTimeout(4000);
  const n = await p.locator('#fig-landscape-duality').count();
  const btn = await p.locator('#fig-landscape-duality [data-action="step"]').count();
  const vis = btn ? await p.locator('#fig-landscape-duality [data-action="step"]').first().isVisible() : false;
  const html = n ? (await p.locator('#fig-landscape-duality').first().innerHTML()).slice(0, 300) : '';
  console.log(i, n, btn, vis, html.replace(/\s+/g,' '));
  if (vis) break;
}
await b.close();
