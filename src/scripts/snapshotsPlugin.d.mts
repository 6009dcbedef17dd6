import type { Plugin } from 'vite';
export function figureSnapshots(): Plugin;
