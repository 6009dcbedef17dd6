/*
 * The entry of the offline bundle (`vite build --mode offline`): the same app as src/main.tsx, built as one
 * classic script so that it runs from a page opened over file:// (browsers refuse ES modules there).
 * main.tsx boots only once, so a browser that runs both this script and the page's module script still
 * shows one essay.
 */
if (!window.__mipsBooted) void import('./main');
