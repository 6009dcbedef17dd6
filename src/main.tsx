import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';

declare global {
  interface Window {
    /** Set by the first copy of the app to start (see src/offline.ts: over file:// a classic build runs). */
    __mipsBooted?: boolean;
  }
}

if (!window.__mipsBooted) {
  window.__mipsBooted = true;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
