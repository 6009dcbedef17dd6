import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/browser';

/*
 * End-to-end tests drive the built essay (`vite preview`) in a real Chromium. The browser is never
 * downloaded: it is found at $CHROMIUM_PATH, else /usr/bin/chromium (Debian's package). See README.
 */
// E2E_PORT and E2E_DIST let several checkouts (or helpers) test their own builds side by side.
// Paths are resolved from the repository root, whatever the working directory.
const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${root}test-results`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: `${root}reports/e2e.json` }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    viewport: { width: 1280, height: 900 },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}/`,
    cwd: root,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
