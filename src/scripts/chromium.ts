import { existsSync } from 'node:fs';

/**
 * The Chromium the end-to-end tests use: $CHROMIUM_PATH if set, else Debian's /usr/bin/chromium.
 * Fails with one sentence that says how to get one; Playwright's own browser download is never used.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}): install one (on Debian: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary.`,
    );
  }
  return found;
}
