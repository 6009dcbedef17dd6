/*
 * Interaction rows: main-thread health while a figure does heavy work in a Web Worker at the reader's request.
 * Each runs on a page where the figure is already mounted (the essay after its frame rows, or the figure
 * alone), and is measured from the click until the figure says it is done, not for a fixed window.
 *
 *   memorization-generalization: "Retrain" the shown K and width (trains a score network in the worker).
 *   capacity: "New seed" (the recall-against-K experiment runs again in the worker).
 */
import { measureDuring } from './drive.mjs';

const DONE_TIMEOUT = 600_000;

export const INTERACTIONS = [
  {
    id: 'memorization-generalization',
    async run(page, fig) {
      const train = fig.locator('[data-action="train"]');
      await fig.locator('[data-action="train"]:enabled').waitFor();
      const label = (await train.innerText()).replace(/^(Re)?train/i, 'retrain');
      const r = await measureDuring(
        page,
        this.id,
        () => train.click(),
        () => fig.getByTestId('fractions').filter({ hasText: 'trained here' }).waitFor({ timeout: DONE_TIMEOUT }),
      );
      return { setting: `interaction: ${label}`, ...r };
    },
  },
  {
    id: 'capacity',
    async run(page, fig) {
      // The experiment runs by itself when the figure first comes on screen, and its result is cached per
      // seed: let that run finish, then ask for a new seed, which runs it afresh.
      const text = fig.getByTestId('progress-text');
      await text.filter({ hasText: /( s|cached)$/ }).waitFor({ timeout: DONE_TIMEOUT });
      const r = await measureDuring(
        page,
        this.id,
        () => fig.locator('[data-action="new-seed"]').click(),
        async () => {
          await text.filter({ hasText: '/' }).waitFor({ timeout: DONE_TIMEOUT });
          await text.filter({ hasText: / s$/ }).waitFor({ timeout: DONE_TIMEOUT });
        },
      );
      const n = await fig.locator('input[name="N"]').inputValue();
      return { setting: `interaction: new seed, experiment runs (N = ${n})`, ...r };
    },
  },
];

/** Runs the interactions whose figure is among `figures` ({ anchor, id }), on a page that shows them. */
export async function runInteractions(page, figures) {
  const rows = [];
  for (const it of INTERACTIONS) {
    const f = figures.find((x) => x.id === it.id);
    if (!f) continue;
    const fig = page.locator(`[id="${f.anchor}"]`);
    await fig.scrollIntoViewIfNeeded();
    try {
      rows.push({ figure: f.id, anchor: f.anchor, ...(await it.run(page, fig)) });
    } catch (e) {
      rows.push({ figure: f.id, anchor: f.anchor, setting: 'interaction', error: String(e.message).split('\n')[0] });
    }
  }
  return rows;
}
