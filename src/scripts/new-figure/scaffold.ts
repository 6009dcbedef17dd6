import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figureFiles } from './templates';

/*
 * `npm run new-figure <id>`: checks the id and writes src/figures/<id>/ from templates.ts. The registry finds
 * figure folders by glob, so the new figure is in the catalogue (`?catalogue`) and embeddable at once.
 */

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_LENGTH = 40;
/** Names under src/figures that are not figures. */
const RESERVED = ['host', 'registry'];

/** Why `id` cannot name a new figure in `figuresDir`, or null when it can. */
export function figureIdProblem(id: string, figuresDir: string): string | null {
  if (!KEBAB.test(id)) return `"${id}" is not kebab-case (lower-case letters and digits in words joined by "-", starting with a letter), e.g. "energy-landscape"`;
  if (id.length > MAX_LENGTH) return `"${id}" is longer than ${MAX_LENGTH} characters`;
  if (RESERVED.includes(id)) return `"${id}" is reserved (src/figures/${id} is not a figure)`;
  if (existsSync(join(figuresDir, id))) return `"${id}" is taken: ${join(figuresDir, id)} exists`;
  return null;
}

/** Writes the new figure's folder; returns the paths written. Throws with the reason when the id is refused. */
export function scaffoldFigure(id: string, figuresDir: string): string[] {
  const problem = figureIdProblem(id, figuresDir);
  if (problem) throw new Error(problem);
  const dir = join(figuresDir, id);
  mkdirSync(dir, { recursive: true });
  return Object.entries(figureFiles(id)).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text, { flag: 'wx' });
    return path;
  });
}

/** What to do once the folder is there. */
export function nextSteps(id: string): string {
  return [
    `Next:`,
    `  1. Edit src/figures/${id}/meta.ts: title, summary (one sentence), and the props (range, default, label in`,
    `     the essay's notation, description). It is the only declaration: controls, checks and links read it.`,
    `  2. Replace the example dynamics in sim.ts with calls into src/core, and the painting in draw.ts.`,
    `  3. Embed it in a chapter, on its own line:  ::figure[Caption.]{id="${id}"}`,
    `  4. npm run dev, and open ?catalogue (it is listed already) or ?figure=${id}; npm run check validates the markdown.`,
  ].join('\n');
}
