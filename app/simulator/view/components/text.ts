// <text>: `space` widens spaces and `decode` turns WeChat's entities into characters. The runtime owns the
// text nodes, so they are rewritten in place and their source text is remembered to stay idempotent.
import { WxElement } from './wx-element';

const SPACES: Readonly<Record<string, string>> = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' };
const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': '\u00a0',
  '&ensp;': '\u2002',
  '&emsp;': '\u2003',
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&apos;': "'",
  '&quot;': '"',
};

export function transformText(source: string, space: string | null, decode: boolean): string {
  let text = source;
  if (space && SPACES[space]) text = text.replace(/ /g, SPACES[space]);
  if (decode) text = text.replace(/&(nbsp|ensp|emsp|lt|gt|amp|apos|quot);/g, (entity) => ENTITIES[entity] ?? entity);
  return text;
}

interface Rewritten {
  source: string;
  shown: string;
}

export class WxText extends WxElement {
  static override reflected = ['selectable', 'user-select'];
  private readonly rewritten = new WeakMap<Text, Rewritten>();
  private observer: MutationObserver | undefined;
  /** Whether some text node shows rewritten text (so turning space/decode off must restore sources). */
  private hasRewritten = false;

  private observing = false;

  /** Text only needs watching while space or decode rewrite it: most texts on a page cost nothing. */
  private watch(on: boolean): void {
    if (on === this.observing) return;
    this.observing = on;
    if (!on) {
      this.observer?.disconnect();
      return;
    }
    this.observer ??= new MutationObserver(() => this.render());
    this.observer.observe(this, { childList: true, characterData: true, subtree: true });
  }

  protected override disconnected(): void {
    this.watch(false);
  }

  protected override render(): void {
    const space = this.prop<string | null>('space');
    const decode = this.prop<boolean>('decode');
    const rewriting = Boolean(space || decode);
    this.watch(rewriting && this.isConnected);
    if (!rewriting && !this.hasRewritten) return;
    this.hasRewritten = rewriting;
    for (const node of Array.from(this.childNodes)) {
      if (!(node instanceof Text)) continue;
      const known = this.rewritten.get(node);
      const source = known && known.shown === node.data ? known.source : node.data;
      const shown = transformText(source, space, decode);
      this.rewritten.set(node, { source, shown });
      if (node.data !== shown) node.data = shown;
    }
    this.observer?.takeRecords();
  }
}
