import type { Root as MdRoot } from 'mdast';
import type { Element as HElement, Root as HRoot, RootContent as HContent } from 'hast';
import type { Point } from 'unist';
import rehypeSanitize from 'rehype-sanitize';
import type { Place, Report } from './context';
import { ESSAY_SCHEMA, SAFE_STYLE } from './schema';
import { walk } from './tree';

/*
 * The authored-HTML check: every raw HTML fragment in a chapter, and every markdown link, image and link
 * definition, against the essay's allowlist (schema.ts), with a reason and the place of the offending
 * element or attribute. The sanitizer in render.ts is the gate; this says, before it, what would not pass.
 */

const EMBEDS = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe'];
const METADATA = ['link', 'style', 'meta', 'base', 'template', 'noscript'];
/** Attributes whose value is a URL the browser fetches or runs (all but href, which a reader follows). */
const RESOURCE_ATTRS = new Set(['src', 'srcSet', 'poster', 'background', 'action', 'formAction', 'data', 'xLinkHref', 'ping', 'cite', 'longDesc', 'lowsrc', 'dynsrc', 'manifest', 'codeBase', 'archive', 'icon', 'imageSrcSet']);
/** The allowlist without context rules, to judge one element at a time. */
const oneElement = rehypeSanitize({ ...ESSAY_SCHEMA, ancestors: {}, required: {}, strip: [] }) as (tree: HRoot) => HRoot;

/** Why a URL may not be used: as a link (`href`), or as a resource the page would load. Undefined if fine. */
export function urlProblem(url: string, use: 'link' | 'resource'): string | undefined {
  const u = url.replace(/[\0-\x20\x7f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(u)?.[1];
  if (scheme === 'javascript' || scheme === 'vbscript') return `a ${scheme}: URL (it would run code)`;
  if (scheme === 'data') return 'a data: URL (embedded documents and images are not allowed: put the file in public/ and link to it)';
  if (use === 'resource' && (scheme || u.startsWith('//') || u.startsWith('\\\\') || u.startsWith('/\\'))) {
    return `a remote resource "${url}" (the essay is self-contained and works offline: put the file in public/ and use a relative URL)`;
  }
  if (use === 'link' && scheme && !['http', 'https', 'mailto'].includes(scheme)) return `a ${scheme}: link (links may be http:, https:, mailto: or relative)`;
  return undefined;
}

/** The HTML attribute of a hast property name: className → class, ariaHidden → aria-hidden, onClick → onclick. */
const attrName = (key: string) => (key === 'className' ? 'class' : /^(aria|data)[A-Z]/.test(key) ? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : key.toLowerCase());

function tagProblem(tag: string): string | undefined {
  if (ESSAY_SCHEMA.tagNames?.includes(tag)) return undefined;
  if (tag === 'script') return 'unsafe HTML: a <script> element (chapters cannot run scripts)';
  if (EMBEDS.includes(tag)) return `unsafe HTML: an <${tag}> element (embedded documents are not allowed; figures are ::figure directives)`;
  if (METADATA.includes(tag)) return `unsafe HTML: a <${tag}> element (stylesheets and document metadata are not allowed in a chapter)`;
  return `unsafe HTML: a <${tag}> element (not in the essay's HTML allowlist)`;
}

/** Every problem with one element and its attributes, with the place (in the fragment) of each. */
export function elementProblems(el: HElement): { reason: string; at?: Point }[] {
  const at = el.position?.start;
  const tagIssue = tagProblem(el.tagName);
  if (tagIssue) return [{ reason: tagIssue, at }];
  const props = (el.data as { position?: { properties?: Record<string, { start: Point } | undefined> } } | undefined)?.position?.properties ?? {};
  const out: { reason: string; at?: Point }[] = [];
  for (const [key, value] of Object.entries(el.properties)) {
    if (value === undefined || value === null) continue;
    const where = props[key]?.start ?? at;
    const name = attrName(key);
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    let reason: string | undefined;
    if (/^on/i.test(key)) reason = `an event-handler attribute ${name} (chapters cannot run scripts)`;
    else if (key === 'href') reason = urlProblem(text, 'link');
    else if (RESOURCE_ATTRS.has(key)) reason = urlProblem(text, 'resource') ?? (key === 'src' ? undefined : `a ${name} attribute (it loads a resource)`);
    else if (key === 'style' && !SAFE_STYLE.test(text)) reason = 'a style attribute with url(), image-set(), @-rules, escapes or quotes (styles may not load anything)';
    if (!reason) {
      const kept = oneElement({ type: 'root', children: [{ type: 'element', tagName: el.tagName, properties: { [key]: value }, children: [] }] }).children[0];
      if (kept?.type !== 'element' || kept.properties[key] === undefined) reason = `attribute ${name}="${text.slice(0, 40)}" is not allowed on <${el.tagName}>`;
    }
    if (reason) out.push({ reason: `unsafe HTML: ${reason}`, at: where });
  }
  return out;
}

/** Each problem of every element under `node`. */
export function treeProblems(node: HRoot | HContent): { reason: string; at?: Point }[] {
  const out = node.type === 'element' ? elementProblems(node) : [];
  if ('children' in node) for (const c of node.children) out.push(...treeProblems(c));
  return out;
}

let fragmentParser: ((html: string) => HRoot) | null = null;
async function parseFragment(): Promise<(html: string) => HRoot> {
  if (fragmentParser) return fragmentParser;
  const [{ unified }, { default: rehypeParse }] = await Promise.all([import('unified'), import('rehype-parse')]);
  const p = unified().use(rehypeParse, { fragment: true, verbose: true } as never);
  fragmentParser = (html) => p.parse(html) as HRoot;
  return fragmentParser;
}

/** Checks a chapter's authored HTML, links and images; returns how many problems it reported. */
export async function auditChapter(tree: MdRoot, file: string, report: Report): Promise<number> {
  let n = 0;
  const fail = (at: Place | undefined, reason: string) => {
    n++;
    report(file, at, reason);
  };
  const fragments: { value: string; start: Point }[] = [];
  walk(tree, (node) => {
    const at = node.position?.start;
    if (node.type === 'html' && node.position) fragments.push({ value: node.value, start: node.position.start });
    else if (node.type === 'link' || node.type === 'definition') {
      const r = urlProblem(node.url, 'link');
      if (r) fail(at, `unsafe link: ${r}`);
    } else if (node.type === 'image') {
      const r = urlProblem(node.url, 'resource');
      if (r) fail(at, `unsafe image: ${r}`);
    }
  });
  if (!fragments.length) return n;
  const parse = await parseFragment();
  for (const f of fragments) {
    for (const p of treeProblems(parse(f.value))) {
      const at = p.at ? (p.at.line === 1 ? { line: f.start.line, column: f.start.column + p.at.column - 1 } : { line: f.start.line + p.at.line - 1, column: p.at.column }) : f.start;
      fail(at, p.reason);
    }
  }
  return n;
}
