import type { Root as HRoot } from 'hast';
import { treeProblems } from './audit';
import { ESSAY_SCHEMA } from './schema';

/*
 * The gate on the way to dist/: every piece of HTML the compiler emits (chapter segments, captions, heading
 * HTML, speaker notes, bibliography entries) is parsed as the browser will parse it (a fragment set as
 * innerHTML) and passed through rehype-sanitize with the essay's allowlist. Whatever the allowlist refuses is
 * gone from the output, and reported: `removed` says what went first.
 */

type Gate = (html: string) => { html: string; removed?: string };

let gate: Gate | null = null;

export async function htmlGate(): Promise<Gate> {
  if (gate) return gate;
  const [{ unified }, { default: rehypeParse }, { default: rehypeSanitize }, { toHtml }] = await Promise.all([
    import('unified'),
    import('rehype-parse'),
    import('rehype-sanitize'),
    import('hast-util-to-html'),
  ]);
  const parse = unified().use(rehypeParse, { fragment: true });
  const clean = unified().use(rehypeSanitize, ESSAY_SCHEMA);
  gate = (html) => {
    if (!html) return { html };
    const tree = parse.parse(html) as HRoot;
    const before = toHtml(tree);
    const safe = toHtml(clean.runSync(structuredClone(tree)) as HRoot);
    if (safe === before) return { html: safe };
    return { html: safe, removed: treeProblems(tree)[0]?.reason ?? 'markup outside the essay’s HTML allowlist' };
  };
  return gate;
}
