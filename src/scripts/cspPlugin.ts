import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/*
 * The built pages' Content-Security-Policy, as a <meta> (static hosts and file:// cannot send headers; README,
 * "Deploy it", says which headers to add where a host can). Inline scripts and <style> elements are allowed by
 * their sha256, computed here from the final HTML, so a hash cannot go stale.
 *
 * index.html also gets a small inline loader in place of Vite's module, modulepreload and stylesheet tags: over
 * file:// browsers refuse ES modules and CORS-mode requests, so it writes the one-file classic build's tags
 * instead (vite.config.ts, `--mode offline`) and the page requests nothing that fails. Over http(s) it writes
 * Vite's tags plus a second, stricter policy without `blob:` workers, which only the offline build needs.
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

/** A tag as the loader recreates it: its name and attributes. */
interface Tag {
  tag: string;
  attrs: Record<string, string>;
}

/** Vite's `<script type="module" …>` and `<link rel="modulepreload" …>` tags, as names and attributes. */
export function parseTags(tags: string[]): Tag[] {
  return tags.map((t) => {
    const m = /^<(\w+)([^>]*)>/.exec(t);
    if (!m) throw new Error(`csp: cannot read the tag ${t}`);
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs[a[1]] = a[2] ?? '';
    return { tag: m[1], attrs };
  });
}

/**
 * `<script>` text that writes the offline build's tags over file://. Over http(s) it adds Vite's tags only once
 * the page is parsed and has painted (DOMContentLoaded, then a frame): the essay is a document first, and the
 * 120 KB of figure code must not compete with its text and stylesheet for a slow connection. Every figure waits
 * for the code anyway (it wakes near the viewport); until then it shows its poster.
 */
export function loader(served: string[]): string {
  const offline = '<link rel="stylesheet" href="./offline/app.css"><script defer src="./offline/app.js"></script>';
  const online = `<meta http-equiv="Content-Security-Policy" content="${SERVED_POLICY}">`;
  const lit = (s: string) => JSON.stringify(s).replace(/<\//g, '<\\/');
  const tags = JSON.stringify(parseTags(served)).replace(/<\//g, '<\\/');
  return (
    `<script>if (location.protocol === 'file:') document.write(${lit(offline)}); else { document.write(${lit(online)}); (function () {` +
    ` var done = false; function go() { if (done) return; done = true; ${tags}.forEach(function (t) {` +
    ` var n = document.createElement(t.tag); for (var k in t.attrs) n.setAttribute(k, t.attrs[k]); document.head.appendChild(n); }); }` +
    ` function soon() { requestAnimationFrame(function () { setTimeout(go, 0); }); setTimeout(go, 1000); }` +
    ` if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', soon); else soon(); })(); }</script>`
  );
}

const VITE_TAGS = /\s*(<script type="module"[^>]*><\/script>|<link rel="modulepreload" crossorigin[^>]*>)/g;
/** Vite's stylesheet tag for the page's own CSS. */
const STYLESHEET = /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/g;

/**
 * The page's stylesheet, inlined: the text must be styled without JavaScript, and a separate file would be one
 * more round trip before the first paint. Its url()s are relative to assets/, so they are rewritten for the page.
 */
function inlineStyles(html: string, css: (file: string) => string | undefined): string {
  return html.replace(STYLESHEET, (tag, file: string) => {
    const text = css(file);
    if (text === undefined) return tag.replace(' crossorigin', '');
    if (/<\/style/i.test(text)) throw new Error(`csp: ${file} contains "</style"`);
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    return `<style>${text.replace(/url\(\.\//g, `url(./${dir}`)}</style>`;
  });
}

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
      handler(html, ctx) {
        const tags = [...html.matchAll(VITE_TAGS)].map((m) => m[1]);
        if (!tags.some((t) => t.startsWith('<script'))) throw new Error('csp: no module script found in index.html to load');
        let first = true;
        const page = html.replace(VITE_TAGS, () => (first ? ((first = false), `\n    ${loader(tags)}`) : ''));
        const css = (file: string) => {
          const asset = ctx.bundle?.[file];
          return asset?.type === 'asset' ? String(asset.source) : undefined;
        };
        return withPolicy(inlineStyles(page, css));
      },
    },
    closeBundle() {
      const embed = join(outDir, 'embed.html');
      if (existsSync(embed) && !readFileSync(embed, 'utf8').includes('Content-Security-Policy')) writeFileSync(embed, withPolicy(readFileSync(embed, 'utf8')));
    },
  };
}
