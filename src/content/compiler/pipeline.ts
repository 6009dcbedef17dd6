/*
 * The Node entry of the content pipeline, loaded by the Vite plugin (through tsx) and by `npm run check`.
 */
export { compileEssay, type CompiledEssay, type ContentSource } from './compile';
export { compileFromDisk, readContent } from './load';
export { loadFigureMetas } from './figureMetas';
export { prepareBib, type ParsedBib } from './bib';
export { formatDiagnostic } from '../types';
export { prerenderEssay } from './prerender';
export { typesetFile, typesetScript } from './typeset';
