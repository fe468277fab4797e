/** The composed WXML tree of a page, as the inspector shows it: tags, id, class, attributes, text. */
import * as adapter from 'glass-easel-miniprogram-adapter';
import type { WxmlNode } from '../protocol';

const glassEasel = adapter.glassEasel;
const MAX_NODES = 20000;

export function wxmlTreeOf(root: adapter.glassEasel.Element): WxmlNode {
  let budget = MAX_NODES;
  const visit = (node: adapter.glassEasel.Node): WxmlNode | null => {
    if (budget-- <= 0) return null;
    if (node instanceof glassEasel.TextNode) return { tag: '#text', attributes: {}, children: [], text: node.textContent };
    const element = node as adapter.glassEasel.Element;
    const attributes: Record<string, string> = {};
    if (element.id) attributes.id = element.id;
    const className = element.class;
    if (className) attributes.class = className;
    for (const { name, value } of element.attributes) attributes[name] = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
    const children: WxmlNode[] = [];
    element.forEachComposedChild((child) => {
      const item = visit(child);
      if (item) children.push(item);
    });
    let tag: string;
    if (element instanceof glassEasel.Component) tag = element.tagName;
    else if (element instanceof glassEasel.NativeNode) tag = element.is;
    else if (element instanceof glassEasel.VirtualNode) tag = element.is;
    else tag = 'shadow-root';
    return { tag, attributes, children };
  };
  return visit(root) ?? { tag: 'page', attributes: {}, children: [] };
}
