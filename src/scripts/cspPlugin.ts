import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/*
 * The built pages' Content-Security-Policy, as a <meta> (static hosts and file:// cannot send headers; README,
 * "Deploy it", says which headers to add where a host can). Inline scripts and <style> elements are allowed by
 * their sha256, computed here from the final HTML, so a hash cannot go stale.
 *
 * index.html also gets a small inline loader in place of Vite's module and modulepreload tags: over file://
 * browsers refuse ES modules and CORS-mode requests, so it writes the one-file classic build's tags instead
 * (vite.config.ts, `--mode offline`) and the page requests nothing that fails. Over http(s) it writes a second,
 * stricter policy without `blob:` workers, which only the offline build needs, and requests the app's modules
 * once the document is parsed and first painted: the text is the page, and the code that wakes it must not take
 * the network or the main thread from it before then. Measured with Lighthouse (issue 13), this helps only
 * together with a page that is cheap to parse (prerender.ts, typeset.ts): alone it moved the document's own
 * parsing and layout after the first paint, where they count as blocking time.
 */

/** The policy, given the hashes of the page's inline scripts and <style> elements. */
export function policy(scripts: string[], styles: string[]): string {
  const q = (hs: string[]) => hs.map((h) => ` '${h}'`).join('');
  return [
    "default-src 'none'",
    `script-src 'self'${q(scripts)}`,
    // KaTeX's HTML positions glyphs with style="…" attributes: those need 'unsafe-inline' (style attributes only;
    // <style> elements need a hash). Browsers without style-src-attr/-elem fall back to the first line.
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self'${q(styles)}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The stricter extra policy the loader adds over http(s), where workers are same-origin files. */
export const SERVED_POLICY = "worker-src 'self'";

const sha256 = (s: string) => `sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}`;
const inline = (html: string, tag: 'script' | 'style') =>
  [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].filter((m) => !/\ssrc=/.test(m[1] ?? '')).map((m) => sha256(m[2]));

/** `html` with its policy <meta> first in <head>, hashing the inline scripts and styles it has. */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inline(html, 'script'), inline(html, 'style'))}" />`;
  if (!/<meta charset="UTF-8" \/>/i.test(html)) throw new Error('csp: the page needs <meta charset="UTF-8" /> first in <head>');
  return html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${meta}`);
}

const VITE_TAGS = /\s*(<script type="module"[^>]*><\/script>|<link rel="modulepreload" crossorigin[^>]*>)/g;

/** One of Vite's tags for the app's code: the entry module, or a module to preload. */
export interface ModuleTag {
  kind: 'script' | 'modulepreload';
  src: string;
  /** The tag as Vite wrote it. */
  tag: string;
}

/** Vite's `<script type="module">` and `<link rel="modulepreload">` tags, read. */
export function moduleTags(html: string): ModuleTag[] {
  return [...html.matchAll(VITE_TAGS)].map((m) => {
    const src = /\s(?:src|href)="([^"]+)"/.exec(m[1])?.[1];
    if (!src) throw new Error(`csp: no address in ${m[1]}`);
    return { kind: m[1].startsWith('<script') ? 'script' : 'modulepreload', src, tag: m[1] };
  });
}

/**
 * `<script>` text that writes the offline build's tags over file://. Over http(s) it writes the stricter policy,
 * and then:
 * - on the essay, requests the app's modules (preloads first, then the entry) after DOMContentLoaded and the first
 *   frame, or after 1 s where frames do not come (a tab opened in the background);
 * - on a single figure, the catalogue or the lecture deck (index.html's first script marks them), where the
 *   essay's text is not what is shown, writes Vite's own tags, so the app starts as soon as the page is parsed.
 */
export function loader(modules: ModuleTag[]): string {
  const offline = '<link rel="stylesheet" href="./offline/app.css"><script defer src="./offline/app.js"></script>';
  const online = `<meta http-equiv="Content-Security-Policy" content="${SERVED_POLICY}">`;
  const lit = (s: unknown) => JSON.stringify(s).replace(/<\//g, '<\\/');
  const start =
    `var m=${lit([...modules].sort((a, b) => (a.kind === 'script' ? 1 : 0) - (b.kind === 'script' ? 1 : 0)).map((t) => [t.kind, t.src]))},done=0,go=function(){if(done++)return;` +
    `m.forEach(function(t){var e=document.createElement(t[0]=='script'?'script':'link');e.crossOrigin='';` +
    `if(t[0]=='script'){e.type='module';e.src=t[1]}else{e.rel='modulepreload';e.href=t[1]}document.head.appendChild(e)})},` +
    `ready=function(){requestAnimationFrame(function(){setTimeout(go,0)});setTimeout(go,1000)};` +
    `if(document.readyState=='loading')document.addEventListener('DOMContentLoaded',ready);else ready();`;
  const tags = modules.map((t) => t.tag).join('');
  return (
    `<script>if(location.protocol==='file:')document.write(${lit(offline)});` +
    `else if(document.documentElement.dataset.route||document.documentElement.dataset.deck)document.write(${lit(online + tags)});` +
    `else{document.write(${lit(online)});(function(){${start}})()}</script>`
  );
}

/** Vite's stylesheet tags: kept in the page (the text must be styled without JavaScript), minus `crossorigin`, which file:// refuses. */
const STYLESHEETS = /(<link rel="stylesheet") crossorigin( [^>]*>)/g;

/** The build's CSP <meta> (index.html and public/embed.html) and index.html's file:// loader. */
export function contentSecurityPolicy(): Plugin {
  let outDir = 'dist';
  return {
    name: 'content-security-policy',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tags = moduleTags(html);
        if (!tags.some((t) => t.kind === 'script')) throw new Error('csp: no module script found in index.html to load');
        let first = true;
        const page = html.replace(VITE_TAGS, () => (first ? ((first = false), `\n    ${loader(tags)}`) : '')).replace(STYLESHEETS, '$1$2');
        return withPolicy(page);
      },
    },
    closeBundle() {
      const embed = join(outDir, 'embed.html');
      if (existsSync(embed) && !readFileSync(embed, 'utf8').includes('Content-Security-Policy')) writeFileSync(embed, withPolicy(readFileSync(embed, 'utf8')));
    },
  };
}
