import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, isToolRoute } from './app/App';
import { bootEssay } from './app/essayPage';
import './app/styles.css';

declare global {
  interface Window {
    /** Set by the first copy of the app to start (see src/offline.ts: over file:// a classic build runs). */
    __mipsBooted?: boolean;
  }
}

if (!window.__mipsBooted) {
  window.__mipsBooted = true;
  const root = document.getElementById('root')!;
  const page = root.querySelector<HTMLElement>('.essay-page');
  // The inline script in index.html guessed the route from the raw query to avoid a flash; the app decides.
  const html = document.documentElement;
  if (page && !isToolRoute(window.location.search)) {
    delete html.dataset.route;
    bootEssay(page);
  } else {
    html.dataset.route = 'tool';
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    document.documentElement.dataset.app = 'ready';
  }
}
