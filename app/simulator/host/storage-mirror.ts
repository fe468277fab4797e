/**
 * Persists the mini-program's storage in the host's localStorage, one namespace per package, so it survives
 * relaunches as on a phone. The Worker keeps the synchronous copy (wx.getStorageSync).
 */
const PREFIX = 'ministudio:storage:';

export class StorageMirror {
  private key(namespace: string): string {
    return PREFIX + namespace;
  }

  load(namespace: string): Record<string, string> {
    try {
      const raw = localStorage.getItem(this.key(namespace));
      return raw ? (JSON.parse(raw) as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  set(namespace: string, key: string, value: string | null): void {
    const all = this.load(namespace);
    if (value === null) delete all[key];
    else all[key] = value;
    this.save(namespace, all);
  }

  clear(namespace: string): void {
    this.save(namespace, {});
  }

  entries(namespace: string): { key: string; value: unknown }[] {
    return Object.entries(this.load(namespace)).map(([key, encoded]) => ({ key, value: safeParse(encoded) }));
  }

  private save(namespace: string, all: Record<string, string>): void {
    try {
      localStorage.setItem(this.key(namespace), JSON.stringify(all));
    } catch {
      // storage full or disabled: the Worker's copy still works for this run
    }
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
