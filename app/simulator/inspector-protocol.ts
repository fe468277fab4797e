/**
 * What the host asks the logic Worker about WXML nodes for the WXML panel (logic/inspector.ts answers): the
 * node at a tree path with its attributes and data, or the tree path of an element the user picked in a view.
 * Paths are composed child indexes from the page root, as wxml-tree.ts lists them.
 */
export type InspectorQuery =
  | { readonly kind: 'describe'; readonly pageId: number; readonly path: readonly number[] }
  | { readonly kind: 'path-of'; readonly pageId: number; readonly nodeId: number };

export interface DescribedNode {
  readonly tag: string;
  /** The render node drawing this node itself; absent for box-less (virtual) nodes. */
  readonly nodeId?: number;
  readonly attrs: Readonly<Record<string, string>>;
  readonly dataset: Readonly<Record<string, unknown>>;
  /** A custom component's data (properties included). */
  readonly componentData?: unknown;
}

export type InspectorAnswer =
  | { readonly kind: 'describe'; readonly node: DescribedNode | null }
  | { readonly kind: 'path-of'; readonly path: readonly number[] | null };
