/*
 * The title page's words, in one place: the React shell renders them, and the build pre-renders them into
 * index.html so the first paint needs no JavaScript (src/content/compiler/prerender.ts).
 */
export const ESSAY_TITLE = 'Memory in Plain Sight';
export const ESSAY_KICKER = 'An explorable essay';
export const ESSAY_SUBTITLE = 'How associative memories and diffusion models turn out to be the same machine: particles rolling downhill on an energy landscape.';
/** Trusted, static HTML. */
export const ESSAY_SOURCE_HTML =
  'After the survey by Hoover, Strobelt, Krotov, Hoffman, Kira and Chau, with Ambrogioni’s <i>In search of dispersed memories</i> and Pham et al.’s <i>Memorization to Generalization</i>.';
