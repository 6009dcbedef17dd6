import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--no-first-run'] });
for (const w of [360, 1280, 1920]) {
  const p = await b.newPage({ viewport: { width: w, height: 900 } });
  await p.goto('http://127.0.0.1:4299/');
  await p.waitForTimeout(500);
  const cut = await p.evaluate(() => {
    for (const c of document.querySelectorAll('.chapter')) c.style.contentVisibility = 'visible';
    return [...document.querySelectorAll('.equation-math')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.closest('[id]')?.id} ${e.scrollWidth}/${e.clientWidth}`);
  });
  console.log(w, cut.length, cut.join(' | '));
}
await b.close();
