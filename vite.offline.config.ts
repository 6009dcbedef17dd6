import { defineConfig, mergeConfig, type Plugin } from 'vite';
import base from './vite.config';

/*
 * A second build of the same app for readers who open dist/index.html from a folder or a USB stick, over
 * file://. Browsers refuse ES modules (and any CORS-mode fetch, so also `crossorigin` stylesheets and module
 * workers) from file:// pages, so this build is one classic script, dist/offline/app.js, with its CSS in
 * dist/offline/app.css, every chapter and figure inlined, and Web Workers inlined as blob: URLs. index.html
 * loads it only when opened over file://. Run after the main build: `vite build -c vite.offline.config.ts`.
 */

/** `new Worker(new URL('./w.ts', import.meta.url), …)` → an inlined worker (Vite's `?worker&inline`). */
function inlineWorkers(): Plugin {
  const pattern = /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(?:,\s*\{[^}]*\}\s*)?\)/g;
  return {
    name: 'offline-inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(t|j)sx?$/.test(id) || !code.includes('new Worker(')) return null;
      let n = 0;
      const imports: string[] = [];
      const out = code.replace(pattern, (_m, _q, path: string) => {
        const name = `__OfflineWorker${n++}`;
        imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
        return `new ${name}()`;
      });
      return n ? { code: `${imports.join('\n')}\n${out}`, map: null } : null;
    },
  };
}

export default mergeConfig(
  base,
  defineConfig({
    plugins: [inlineWorkers()],
    publicDir: false,
    worker: { format: 'iife' },
    build: {
      outDir: process.env.OFFLINE_OUT ?? 'dist/offline',
      emptyOutDir: true,
      copyPublicDir: false,
      cssCodeSplit: false,
      assetsDir: '.',
      rolldownOptions: {
        input: 'src/offline.ts',
        output: { format: 'iife', entryFileNames: 'app.js', assetFileNames: (a: { names?: string[] }) => (a.names?.[0]?.endsWith('.css') ? 'app.css' : '[name]-[hash][extname]'), codeSplitting: false },
      },
    },
  }),
);
