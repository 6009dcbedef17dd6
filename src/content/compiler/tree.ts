import type { Root as MdRoot, RootContent as MdContent, Parent as MdParent } from 'mdast';
import type { Position } from 'unist';

/** mdast helpers for the compiler's passes. */

/** A `$$` block from remark-math (its `meta` is the text after the opening fence). */
export interface MathNode {
  type: 'math';
  value: string;
  meta?: string | null;
  position?: Position;
  data?: Record<string, unknown>;
}

/** A remark-directive node: `:name`, `::name` or `:::name`. */
export interface DirectiveNode extends MdParent {
  type: 'containerDirective' | 'leafDirective' | 'textDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
}

/** The source text of a node, or '' when it has no offsets. */
export function sourceOf(node: { position?: Position }, body: string): string {
  const a = node.position?.start.offset;
  const b = node.position?.end.offset;
  return a !== undefined && b !== undefined ? body.slice(a, b) : '';
}

/** A tiny mdast node that remark-rehype turns into the given element. */
export function hnode(tagName: string, hProperties: Record<string, unknown>, children: MdContent[]): MdContent {
  return { type: 'emphasis', children, data: { hName: tagName, hProperties } } as unknown as MdContent;
}

export type Action = 'descend' | 'skip' | { replace: MdContent[]; descend?: boolean };

/** Pre-order walk that lets the visitor replace a node by several (in place, in document order). */
export function transformChildren(parent: MdParent | MdRoot, visit: (node: MdContent, parent: MdParent | MdRoot) => Action): void {
  const kids = parent.children as MdContent[];
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    const action = visit(node, parent);
    if (action === 'skip') continue;
    if (action === 'descend') {
      if ('children' in node && Array.isArray(node.children)) transformChildren(node as MdParent, visit);
      continue;
    }
    kids.splice(i, 1, ...action.replace);
    if (action.descend) {
      for (const r of action.replace) if ('children' in r && Array.isArray(r.children)) transformChildren(r as MdParent, visit);
    }
    i += action.replace.length - 1;
  }
}

/** Calls `fn` on every node below the root, in document order. */
export function walk(node: MdRoot | MdContent, fn: (node: MdContent) => void): void {
  if (node.type !== 'root') fn(node);
  if ('children' in node && Array.isArray(node.children)) for (const c of node.children as MdContent[]) walk(c, fn);
}
