/* The tests find Chromium exactly as `npm run snapshots` does; the helper lives in src/scripts (src never imports tests). */
export { chromiumPath } from '../../src/scripts/chromium';
