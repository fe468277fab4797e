/**
 * wx.navigateTo's EventChannel: two connected ends, the opener's (`success(res).eventChannel`) and the
 * opened page's (`this.getOpenerEventChannel()`). `emit` on one end calls listeners on the other.
 */

type Listener = (data: unknown) => void;

export class EventChannelEnd {
  private readonly listeners = new Map<string, { fn: Listener; once: boolean }[]>();
  private readonly queued = new Map<string, unknown[]>();
  peer: EventChannelEnd | undefined;

  on(name: string, fn: Listener): void {
    this.add(name, fn, false);
  }

  once(name: string, fn: Listener): void {
    this.add(name, fn, true);
  }

  off(name: string, fn?: Listener): void {
    if (!fn) this.listeners.delete(name);
    else this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l.fn !== fn));
  }

  emit(name: string, data?: unknown): void {
    this.peer?.deliver(name, data);
  }

  private add(name: string, fn: Listener, once: boolean): void {
    const list = this.listeners.get(name) ?? [];
    list.push({ fn, once });
    this.listeners.set(name, list);
    // An emit that happened before anyone listened (the opener emits in success, before onLoad) is delivered now.
    const pending = this.queued.get(name);
    if (pending) {
      this.queued.delete(name);
      for (const data of pending) this.deliver(name, data);
    }
  }

  private deliver(name: string, data: unknown): void {
    const list = this.listeners.get(name);
    if (!list || list.length === 0) {
      this.queued.set(name, [...(this.queued.get(name) ?? []), data]);
      return;
    }
    this.listeners.set(name, list.filter((l) => !l.once));
    for (const { fn } of list) fn(data);
  }
}

export function createEventChannel(openerEvents?: Record<string, Listener>): { opener: EventChannelEnd; opened: EventChannelEnd } {
  const opener = new EventChannelEnd();
  const opened = new EventChannelEnd();
  opener.peer = opened;
  opened.peer = opener;
  if (openerEvents) for (const [name, fn] of Object.entries(openerEvents)) if (typeof fn === 'function') opener.on(name, fn);
  return { opener, opened };
}
