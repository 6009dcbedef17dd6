import { relative, resolve } from 'node:path';
import { nextSteps, scaffoldFigure } from './scaffold';

/* `npm run new-figure <id>` (see scaffold.ts). */

const root = resolve(import.meta.dirname, '..', '..', '..');
const id = process.argv[2];
if (!id || process.argv.length > 3) {
  console.error('Usage: npm run new-figure <id>   (kebab-case, e.g. npm run new-figure particle-swarm)');
  process.exit(2);
}
try {
  const written = scaffoldFigure(id, resolve(root, 'src/figures'));
  console.log(`Wrote ${written.map((p) => relative(root, p)).join(', ')}.\n\n${nextSteps(id)}`);
} catch (e) {
  console.error(`new-figure: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
