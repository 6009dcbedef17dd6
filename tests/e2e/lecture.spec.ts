import type { Page } from '@playwright/test';
import { appReady, expect, nextFrames, openElsewhere, test } from './helpers';

/** The transport's step counter shows n (whatever its wording: "t = n", "steps: n"). */
const stepsAre = (n: number) => new RegExp(`(^|\\D)${n}$`);

/*
 * Lecture mode, driven from the keyboard as a lecturer would: a whole chapter's slides, a figure's own keys
 * inside its slide, the presenter window kept in sync through BroadcastChannel, and the way in and out.
 * Figures do not auto-play here (reduced motion), which keeps the runs light on a shared machine.
 */
test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

const slideOf = (page: Page) => page.locator('[data-slide]').first().getAttribute('data-slide');

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('walks through chapter 2 with arrows, space and PageUp/PageDown; a figure keeps its own keys', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?mode=lecture#particles-energies-forces');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'particles-energies-forces');
  await expect(page.locator('.slide-chapter h1')).toHaveText('A language of particles, energies and forces');

  // Forward through the chapter with a mix of the keys a keyboard and a clicker send, until chapter 3.
  const keys = ['ArrowRight', ' ', 'PageDown', 'ArrowDown'];
  const seen: { id: string; kind: string }[] = [];
  for (let i = 0; i < 60; i++) {
    const stage = page.locator('.lecture-stage');
    const id = (await stage.getAttribute('data-slide'))!;
    seen.push({ id, kind: (await stage.getAttribute('data-kind'))! });
    if (id === 'diffusion-models') break;
    await page.keyboard.press(keys[i % keys.length]);
    await expect(stage).not.toHaveAttribute('data-slide', id);
  }
  const ids = seen.map((s) => s.id);
  expect(ids.at(-1)).toBe('diffusion-models');
  // Every ## section, the survey's Eqs. 1 and 2, and the figure, in reading order.
  for (const id of ['three-words-particle-energy-force', 'from-energy-to-probability', 'eq-particles-boltzmann', 'fig-boltzmann', 'the-force-is-the-score', 'eq-particles-score', 'notation-at-a-glance']) {
    expect(ids).toContain(id);
  }
  expect(ids.indexOf('from-energy-to-probability')).toBeLessThan(ids.indexOf('eq-particles-boltzmann'));
  expect(ids.indexOf('eq-particles-boltzmann')).toBeLessThan(ids.indexOf('fig-boltzmann'));
  expect(new Set(seen.map((s) => s.kind))).toEqual(new Set(['chapter', 'section', 'equation', 'figure']));
  // Section slides carry a key sentence; equation slides the typeset equation with its numbers.
  await page.goto('./?mode=lecture#eq-particles-score');
  await expect(page.locator('.slide-math .katex')).toBeVisible();
  await expect(page.locator('.slide-eqnum')).toContainText('survey Eq. 2');

  // Backwards with ArrowLeft and PageUp.
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'the-force-is-the-score');
  await expect(page.locator('.slide-key')).not.toBeEmpty();
  await page.keyboard.press('PageUp');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'fig-boltzmann');

  // The figure is live on its slide. Inside its controls the arrows move the slider, not the deck...
  const fig = page.locator('.lecture-stage [data-figure="boltzmann"]');
  await expect(fig.getByTestId('figure-status')).not.toBeEmpty();
  const slider = fig.locator('input[type="range"]').first();
  await slider.focus();
  const before = await slider.inputValue();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'fig-boltzmann');
  expect(await slider.inputValue()).not.toBe(before);
  // ...Space presses the figure's focused button...
  await fig.locator('[data-action="step"]').focus();
  await page.keyboard.press(' ');
  await expect(fig.locator('.figure-steps')).toHaveText(stepsAre(1));
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'fig-boltzmann');
  // ...while a clicker's PageDown still turns the slide, and Escape hands the arrows back to the deck.
  await page.keyboard.press('PageDown');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'the-force-is-the-score');
  await page.keyboard.press('PageUp');
  await fig.locator('input[type="range"]').first().focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'the-force-is-the-score');
  expect(errors).toEqual([]);
});

test('the presenter window shows now, next, notes and a timer, and stays in sync both ways', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.goto('./?mode=lecture#particles-energies-forces');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'particles-energies-forces');
  // P opens the presenter window (a second page of the same context, like a second browser window).
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
  const perrors = watchErrors(presenter);
  await expect(presenter.getByTestId('presenter')).toBeVisible();
  const now = presenter.locator('.lecture-presenter-current .lecture-stage');
  const next = presenter.locator('.lecture-presenter-next .lecture-stage');
  await expect(now).toHaveAttribute('data-slide', 'particles-energies-forces');
  await expect(next).toHaveAttribute('data-slide', 'three-words-particle-energy-force');
  await expect(presenter.getByTestId('notes')).toContainText('Drag the particle in the Boltzmann figure');
  const t0 = await presenter.getByTestId('timer').textContent();
  expect(t0).toMatch(/^\d+:\d\d$/);

  // The projected window moves: the presenter follows.
  await page.bringToFront();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const projected = await slideOf(page);
  await expect(now).toHaveAttribute('data-slide', projected!);
  // The presenter moves (a clicker on the lectern's laptop): the projection follows.
  await presenter.bringToFront();
  await presenter.keyboard.press('PageDown');
  await presenter.keyboard.press('PageDown');
  const fromPresenter = await now.getAttribute('data-slide');
  expect(fromPresenter).not.toBe(projected);
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', fromPresenter!);
  // A figure slide is a still card in the presenter and live on the projector.
  await page.bringToFront();
  await page.goto('./?mode=lecture#fig-boltzmann');
  await expect(now).toHaveAttribute('data-slide', 'fig-boltzmann');
  await expect(now.locator('[data-figure]')).toHaveCount(0);
  await expect(page.locator('.lecture-stage [data-figure="boltzmann"]')).toBeVisible();
  // The timer runs.
  await expect(presenter.getByTestId('timer')).not.toHaveText(t0!, { timeout: 5000 });
  expect([...errors, ...perrors]).toEqual([]);
});

test('L opens lecture mode at the section on screen; Esc returns to it; H switches to high contrast', async ({ page }) => {
  const errors = watchErrors(page);
  // The app's code is held back until L has been pressed: a key pressed before the app listens is kept for it.
  let release!: () => void;
  const pressed = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await pressed;
    await route.continue();
  });
  // Not waiting for `load`: the held-back code, once requested, would hold that event too.
  await page.goto('./#from-energy-to-probability', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#from-energy-to-probability')).toBeInViewport({ timeout: 20_000 });
  await page.locator('body').press('l');
  expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();
  release();
  await expect(page.getByTestId('lecture')).toBeVisible();
  const id = await slideOf(page);
  expect(['from-energy-to-probability', 'eq-particles-boltzmann']).toContain(id);
  expect(page.url()).toContain('mode=lecture');
  await page.keyboard.press('h');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
  expect(['#ffffff', '#fff', '#000000', '#000']).toContain(bg);
  await page.keyboard.press('h');
  await page.keyboard.press('Escape');
  await expect(page.locator('.site-header')).toBeVisible();
  expect(page.url()).not.toContain('mode=lecture');
  await expect(page.locator(`#${id}`)).toBeInViewport({ timeout: 20_000 });
  // Garbage after mode=lecture never breaks the deck.
  await page.goto('./?mode=lecture&zz=%E0%A4%A#%E0%A4%A');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'title');
  expect(errors).toEqual([]);
});

test('a deck opened from a link and left with Esc stays left, though L was pressed in it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?mode=lecture#particles-energies-forces');
  await expect(page.locator('.lecture-stage')).toHaveAttribute('data-slide', 'particles-energies-forces');
  await page.keyboard.press('l');
  await page.keyboard.press('Escape');
  await expect(page.locator('.site-header')).toBeVisible();
  await appReady(page);
  await nextFrames(page, 5);
  expect(page.url()).not.toContain('mode=lecture');
  await expect(page.getByTestId('lecture')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a page of another origin that frames the deck can neither move it nor hear it', async ({ page }) => {
  const deck = new URL('./?mode=lecture#particles-energies-forces', test.info().project.use.baseURL!).href;
  await openElsewhere(
    page,
    `<iframe src="${deck}" width="960" height="540"></iframe><script>
      window.heard = [];
      addEventListener('message', (e) => { if (e.data !== 'done') heard.push(e.data); else window.done = true; });
    </script>`,
  );
  const frame = page.frames().find((f) => f.url().startsWith(deck.split('#')[0]))!;
  const stage = page.frameLocator('iframe').locator('.lecture-stage');
  await expect(stage).toHaveAttribute('data-slide', 'particles-energies-forces');
  // The framer speaks the deck's protocol: a presenter saying hello, then slide changes; then a marker. Messages
  // from one window to another arrive in order, so once the marker is in, every forged message was handled.
  await frame.evaluate(() => {
    window.addEventListener('message', (e) => {
      if (e.data === 'marker') document.documentElement.dataset.marker = '';
    });
  });
  await page.evaluate(() => {
    const deckWindow = document.querySelector('iframe')!.contentWindow!;
    deckWindow.postMessage({ channel: 'mips-lecture', message: { type: 'hello', from: 'intruder', role: 'presenter' } }, '*');
    for (const id of ['fig-boltzmann', 'eq-particles-score', 'diffusion-models']) deckWindow.postMessage({ channel: 'mips-lecture', message: { type: 'goto', id, from: 'intruder' } }, '*');
    deckWindow.postMessage('marker', '*');
  });
  await expect(page.frameLocator('iframe').locator('html')).toHaveAttribute('data-marker', '');
  await expect(stage).toHaveAttribute('data-slide', 'particles-energies-forces');
  // The deck moves on its own: it tells no one outside (a final marker from the frame, in order, closes the window).
  await stage.click();
  await page.frameLocator('iframe').locator('body').press('ArrowRight');
  await expect(stage).not.toHaveAttribute('data-slide', 'particles-energies-forces');
  await frame.evaluate(() => parent.postMessage('done', '*'));
  await expect.poll(() => page.evaluate(() => (window as unknown as { done?: boolean }).done)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
});
