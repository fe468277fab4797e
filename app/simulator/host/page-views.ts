/**
 * One iframe per page, stacked in the device screen. Each gets a MessageChannel: one end goes to the Worker
 * with `page-create`, the other to the iframe once it loaded, so render batches and events skip the host.
 */

interface PageView {
  readonly frame: HTMLIFrameElement;
  readonly holder: HTMLElement;
  loaded: Promise<void>;
}

export class PageViews {
  private readonly views = new Map<number, PageView>();

  constructor(
    private readonly container: HTMLElement,
    private readonly viewUrl: string,
  ) {}

  /** Creates the page's iframe and returns the port the Worker talks to it through. */
  create(pageId: number): MessagePort {
    const channel = new MessageChannel();
    const holder = document.createElement('div');
    holder.className = 'ms-page';
    holder.dataset.pageId = String(pageId);
    const frame = document.createElement('iframe');
    frame.className = 'ms-page-frame';
    frame.title = `page ${pageId}`;
    frame.src = this.viewUrl;
    // The view asks for its port once its script runs; a load event could be the initial about:blank.
    const loaded = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || (event.data as { kind?: string } | null)?.kind !== 'view-ready') return;
        window.removeEventListener('message', onMessage);
        frame.contentWindow?.postMessage({ kind: 'connect-page', pageId }, '*', [channel.port2]);
        resolve();
      };
      window.addEventListener('message', onMessage);
    });
    holder.appendChild(frame);
    this.container.appendChild(holder);
    this.views.set(pageId, { frame, holder, loaded });
    return channel.port1;
  }

  /** The page whose iframe sent a message. */
  pageIdOf(source: MessageEventSource | null): number | undefined {
    for (const [id, view] of this.views) if (view.frame.contentWindow === source) return id;
    return undefined;
  }

  has(pageId: number): boolean {
    return this.views.has(pageId);
  }

  frame(pageId: number): HTMLIFrameElement | undefined {
    return this.views.get(pageId)?.frame;
  }

  /** Only the top page is visible; the others keep their DOM and scroll position. */
  showOnly(pageId: number | undefined): void {
    for (const [id, view] of this.views) {
      const visible = id === pageId;
      view.holder.classList.toggle('ms-page-visible', visible);
      view.holder.setAttribute('aria-hidden', String(!visible));
    }
  }

  layout(pageId: number, top: number, bottom: number): void {
    const view = this.views.get(pageId);
    if (!view) return;
    view.holder.style.top = `${top}px`;
    view.holder.style.bottom = `${bottom}px`;
  }

  layoutAll(place: (pageId: number) => { top: number; bottom: number }): void {
    for (const id of this.views.keys()) {
      const { top, bottom } = place(id);
      this.layout(id, top, bottom);
    }
  }

  /** Replaces the iframe's content area with a host-drawn screen (page not found). */
  cover(pageId: number, screen: HTMLElement): void {
    const view = this.views.get(pageId);
    if (!view) return;
    view.holder.querySelector('.ms-page-cover')?.remove();
    screen.classList.add('ms-page-cover');
    view.holder.appendChild(screen);
  }

  /** A message from the host itself to the view (style hot swap). */
  async postToView(pageId: number, message: unknown): Promise<void> {
    const view = this.views.get(pageId);
    if (!view) return;
    await view.loaded;
    view.frame.contentWindow?.postMessage(message, '*');
  }

  ids(): number[] {
    return [...this.views.keys()];
  }

  remove(pageId: number): void {
    this.views.get(pageId)?.holder.remove();
    this.views.delete(pageId);
  }

  clear(): void {
    for (const id of [...this.views.keys()]) this.remove(id);
  }
}
