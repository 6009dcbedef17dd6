import type { Plugin } from 'vite';
/** The essay-content Vite plugin (see vitePlugin.mjs). */
export function essayContent(options?: { contentDir?: string }): Plugin;
