/**
 * The WXML panel's side of the simulator: describes a node (the Worker knows its attributes and data, the view
 * its box and styles) and runs pick mode, where a click in the page selects the element instead of tapping it.
 */
import type { NodeDetails } from '../../shared/device-protocol';
import type { InspectorAnswer, InspectorQuery } from '../inspector-protocol';
import { clearHighlights, drawHighlight } from './inspector-highlight';
import { drawnElementAt, elementOfNode, stylesOf } from './inspector-node-details';

export interface ElementInspectorHost {
  frame(pageId: number): HTMLIFrameElement | undefined;
  /** Every live page, for pick mode to listen in (the top one is the one the user sees). */
  pageIds(): readonly number[];
  /** Sends a query to the Worker; false when there is no Worker (the answer would never come). */
  ask(requestId: number, query: InspectorQuery): boolean;
  picked(pageId?: number, path?: readonly number[]): void;
}

/** A Worker that restarted mid-question never answers; the device link must not wait forever. */
const ANSWER_TIMEOUT_MS = 3000;
/** Events a tap is made of: while picking they must not reach the page's event capture. */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'dblclick', 'contextmenu'];

export class ElementInspector {
  private readonly pending = new Map<number, (answer: InspectorAnswer | null) => void>();
  private nextRequestId = 1;
  private stopPicking: (() => void) | null = null;

  constructor(private readonly host: ElementInspectorHost) {}

  answer(requestId: number, answer: InspectorAnswer): void {
    this.pending.get(requestId)?.(answer);
  }

  async describe(pageId: number, path: readonly number[]): Promise<NodeDetails | null> {
    const answer = await this.query({ kind: 'describe', pageId, path });
    const node = answer?.kind === 'describe' ? answer.node : null;
    if (!node) return null;
    const doc = documentOf(this.host.frame(pageId));
    const element = doc && node.nodeId !== undefined ? elementOfNode(doc, node.nodeId) : undefined;
    const styles = element ? stylesOf(element) : { rules: [], computed: {} };
    return {
      tag: node.tag,
      attrs: node.attrs,
      dataset: node.dataset as NodeDetails['dataset'],
      ...(node.componentData !== undefined ? { componentData: node.componentData as NodeDetails['componentData'] } : {}),
      ...styles,
    };
  }

  get picking(): boolean {
    return this.stopPicking !== null;
  }

  /** Pick mode on or off; it ends by itself after one pick (or Escape). */
  setPicking(enabled: boolean): void {
    this.stopPicking?.();
    this.stopPicking = null;
    if (!enabled) return;
    const disposers = this.host.pageIds().map((pageId) => this.listen(pageId));
    this.stopPicking = () => {
      disposers.forEach((dispose) => dispose());
      clearHighlights(this.host.pageIds().map((id) => this.host.frame(id)));
    };
  }

  private listen(pageId: number): () => void {
    const frame = this.host.frame(pageId);
    const win = frame?.contentWindow;
    const doc = documentOf(frame);
    if (!win || !doc) return () => undefined;
    const swallow = (event: Event): void => {
      event.stopImmediatePropagation();
      if (event.cancelable && event.type !== 'touchstart') event.preventDefault();
    };
    const hover = (event: Event): void => {
      const element = drawnElementAt(event.target);
      if (!element) return drawHighlight(frame, null);
      const rect = element.getBoundingClientRect();
      drawHighlight(frame, { left: rect.left, top: rect.top, width: rect.width, height: rect.height }, `${element.localName.replace(/^wx-/, '')} ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    };
    const click = (event: Event): void => {
      swallow(event);
      const element = drawnElementAt(event.target);
      this.setPicking(false);
      if (!element) return this.host.picked();
      void this.query({ kind: 'path-of', pageId, nodeId: element.__wxId }).then((answer) => {
        const path = answer?.kind === 'path-of' ? answer.path : null;
        if (path) this.host.picked(pageId, path);
        else this.host.picked();
      });
    };
    const key = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      this.setPicking(false);
      this.host.picked();
    };
    const root = doc.documentElement;
    const previousCursor = root.style.cursor;
    root.style.cursor = 'crosshair';
    win.addEventListener('pointermove', hover, true);
    win.addEventListener('click', click, true);
    win.addEventListener('keydown', key, true);
    for (const type of SWALLOWED) win.addEventListener(type, swallow, { capture: true, passive: false });
    return () => {
      root.style.cursor = previousCursor;
      win.removeEventListener('pointermove', hover, true);
      win.removeEventListener('click', click, true);
      win.removeEventListener('keydown', key, true);
      for (const type of SWALLOWED) win.removeEventListener(type, swallow, true);
    };
  }

  private query(query: InspectorQuery): Promise<InspectorAnswer | null> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(null), ANSWER_TIMEOUT_MS);
      const settle = (answer: InspectorAnswer | null): void => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(answer);
      };
      this.pending.set(requestId, settle);
      if (!this.host.ask(requestId, query)) settle(null);
    });
  }
}

function documentOf(frame: HTMLIFrameElement | undefined): Document | null {
  try {
    return frame?.contentDocument ?? null;
  } catch {
    return null; // a cross-origin view cannot be inspected
  }
}
