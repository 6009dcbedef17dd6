/*
 * Interaction rows that need a page of their own (issue 14's "no task over 50 ms during … drags, replays of any
 * link (including at=20000 at heavy props) or uploads"), each on the figure alone (`?figure=<id>`):
 *
 *   annealed-langevin: a link at its heaviest props with at=20000 replays (sliced, with a progress bar); the
 *     first REPLAY_SECONDS of it are measured, then Stop is pressed.
 *   separation-functions: a memory dragged round the circle with the keyboard, one step every 30 ms, while
 *     the four basin maps are recomputed after every move.
 *   hopfield-images: a small picture is stored, then a 9000×9000 PNG is chosen and refused from its header;
 *     measured from choosing the file until the refusal shows.
 */
import { tsImport } from 'tsx/esm/api';
import { measureDuring, openSingle } from './drive.mjs';
import { heaviestValues, urlState } from './settings.mjs';

const { diskPng, greyPng } = await tsImport('../../e2e/pngs.ts', import.meta.url);
const REPLAY_SECONDS = 5;
const TIMEOUT = 120_000;
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

export const PAGE_INTERACTIONS = [
  {
    id: 'annealed-langevin',
    async run(page, base, meta) {
      const link = `${urlState.singleFigureLink(base, meta, { params: heaviestValues(meta), seed: 1, steps: 0, speed: 1 })}&at=20000`;
      await openSingle(page, link, this.id);
      const fig = page.locator(`#fig-${this.id}`);
      await page.locator(`[data-figure="${this.id}"][data-replay="running"]`).waitFor({ timeout: TIMEOUT });
      const r = await measureDuring(
        page,
        this.id,
        async () => {},
        () => page.waitForTimeout(REPLAY_SECONDS * 1000),
      );
      await fig.locator('[data-action="stop-replay"]').click();
      return { setting: `interaction: replaying a heavy link to at=20000 (first ${REPLAY_SECONDS} s)`, ...r };
    },
  },
  {
    id: 'separation-functions',
    async run(page, base) {
      await openSingle(page, `${base}?figure=${this.id}&K=8&n=12&beta=100`, this.id);
      const fig = page.locator(`#fig-${this.id}`);
      const angle = fig.getByRole('slider', { name: /Angle of memory \d/ });
      await angle.focus();
      await settle(page);
      const r = await measureDuring(
        page,
        this.id,
        async () => {
          for (let i = 0; i < 60; i++) {
            await angle.press('ArrowRight');
            await page.waitForTimeout(30);
          }
        },
        () => settle(page),
      );
      return { setting: 'interaction: a memory dragged (60 moves, K=8 n=12 β=100)', ...r };
    },
  },
  {
    id: 'hopfield-images',
    async run(page, base) {
      await openSingle(page, `${base}?figure=${this.id}&mode=sweep`, this.id);
      const fig = page.locator(`#fig-${this.id}`);
      await fig.getByText('Store a picture of your own').click();
      const upload = fig.getByTestId('upload');
      const message = fig.getByTestId('upload-message');
      await upload.setInputFiles({ name: 'disk.png', mimeType: 'image/png', buffer: diskPng() });
      await message.filter({ hasText: 'Stored “disk”' }).waitFor({ timeout: TIMEOUT });
      await settle(page);
      const r = await measureDuring(
        page,
        this.id,
        () => upload.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: greyPng(9000, 9000) }),
        () => message.filter({ hasText: '9000×9000' }).waitFor({ timeout: TIMEOUT }),
      );
      return { setting: 'interaction: a 9000×9000 PNG chosen and refused', ...r };
    },
  },
];

/** Runs each page interaction whose figure is wanted, on a fresh page from `newPage()`. */
export async function runPageInteractions(newPage, base, metas, wanted) {
  const rows = [];
  for (const it of PAGE_INTERACTIONS) {
    if (!wanted(it.id)) continue;
    const page = await newPage();
    try {
      rows.push({ figure: it.id, anchor: `fig-${it.id}`, ...(await it.run(page, base, metas[it.id])) });
    } catch (e) {
      rows.push({ figure: it.id, anchor: `fig-${it.id}`, setting: 'interaction', error: String(e.message).split('\n')[0] });
    } finally {
      await page.close();
    }
  }
  return rows;
}
