import type { Options as Schema } from 'rehype-sanitize';

/*
 * The allowlist of HTML a chapter may contain, after typesetting: what rehype-sanitize keeps. It covers the
 * prose markdown makes (GFM tables, footnotes, task lists), the compiler's own markup (citations, equation
 * anchors and numbers, asides, speaker notes, figure captions), the glossary's `sym-…` anchors (from `:sym{#id}`),
 * and KaTeX's output (HTML with inline styles, MathML, and the SVG of stretchy delimiters and roots).
 * Everything else (scripts, event handlers, frames, objects, forms, stylesheets, and any URL that runs code
 * or fetches from elsewhere) is refused: the build stops, and the sanitizer would remove it anyway.
 */

/** Inline CSS without anything that can fetch or escape: no url(), image-set(), @rules, escapes or quotes. */
export const SAFE_STYLE = /^(?![\s\S]*(?:url|image|expression|@|\\|["']))[\s\S]*$/i;
/** Element ids the essay can link to: no clobbering of DOM globals with odd names. */
const ID = /^[A-Za-z][\w.:-]*$/;
/** A same-origin URL: no scheme, not protocol-relative, no blanks or control characters (browsers drop them). */
export const RELATIVE_URL = /^(?![\s\S]*[\0-\x20\x7f])(?![a-z][a-z0-9+.-]*:|[\\/]{2})/i;

const PROSE = ['p', 'a', 'em', 'strong', 'del', 's', 'code', 'pre', 'kbd', 'samp', 'var', 'abbr', 'dfn', 'mark', 'small', 'sub', 'sup', 'q', 'cite', 'br', 'wbr', 'hr', 'span', 'div', 'blockquote'];
const BLOCKS = ['h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'section', 'details', 'summary', 'img', 'input'];
const TABLES = ['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
const MATHML = ['math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mlabeledtr', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'merror'];
const SVG = ['svg', 'path', 'line', 'rect', 'g'];

const MO = ['stretchy', 'fence', 'separator', 'lspace', 'rspace', 'minsize', 'maxsize', 'mathvariant', 'accent', 'movablelimits', 'largeop', 'symmetric', 'form'];
const MTABLE = ['rowspacing', 'columnalign', 'columnspacing', 'columnlines', 'rowlines', 'frame', 'framespacing', 'equalrows', 'equalcolumns', 'displaystyle', 'side', 'width'];
const SIZE = ['width', 'height', 'depth'];

export const ESSAY_SCHEMA: Schema = {
  tagNames: [...PROSE, ...BLOCKS, ...TABLES, ...MATHML, ...SVG],
  attributes: {
    '*': ['className', 'ariaHidden', 'ariaLabel', 'ariaDescribedBy', 'ariaLabelledBy', 'role', 'title', 'lang', 'dir', 'hidden', ['id', ID], ['style', SAFE_STYLE], 'data*'],
    a: ['href'],
    // Display equations the glossary explains are focusable (glossaryMarks.ts); nothing else gets a tab stop.
    span: [['tabIndex', 0, '0']],
    img: [['src', RELATIVE_URL], 'alt', 'width', 'height'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ol: ['start', 'reversed'],
    li: ['value'],
    th: [['align', 'left', 'right', 'center'], 'colSpan', 'rowSpan', 'scope'],
    td: [['align', 'left', 'right', 'center'], 'colSpan', 'rowSpan'],
    col: ['span'],
    details: ['open'],
    math: ['xmlns', 'display'],
    annotation: ['encoding'],
    mi: ['mathvariant'],
    mn: ['mathvariant'],
    mtext: ['mathvariant'],
    mo: MO,
    mspace: SIZE,
    mpadded: [...SIZE, 'lspace', 'voffset'],
    mstyle: ['scriptlevel', 'displaystyle', 'mathcolor', 'mathbackground', 'mathsize'],
    mtable: MTABLE,
    mtr: ['columnalign'],
    mtd: ['columnalign'],
    mfrac: ['linethickness'],
    mover: ['accent'],
    munder: ['accentunder'],
    munderover: ['accent', 'accentunder'],
    menclose: ['notation'],
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'focusable'],
    path: ['d'],
    line: ['x1', 'y1', 'x2', 'y2', 'strokeWidth'],
    rect: ['x', 'y', 'width', 'height'],
  },
  // Links may go anywhere a reader can follow them; nothing may be fetched from another origin or run.
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { tbody: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], th: ['table'], td: ['table'], caption: ['table'], col: ['table'], colgroup: ['table'] },
  required: { input: { type: 'checkbox', disabled: true } },
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title', 'xmp', 'noembed', 'noframes'],
  allowComments: true,
  allowDoctypes: false,
};
