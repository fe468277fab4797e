/**
 * Keeps the user directory of the virtual file system across relaunches (a JS edit restarts the logic Worker)
 * in the Worker's IndexedDB, one record per app. Temporary files are not kept, as on a phone.
 */
import type { FsSnapshot, VirtualFs } from './virtual-fs';

const DB_NAME = 'ministudio-virtual-fs';
const STORE = 'apps';

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('cannot open IndexedDB'));
  });
}

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = action(db.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Restores the app's saved user directory (files written since boot win) and saves every change.
 * Resolves once restored; without IndexedDB (tests, some embeddings) it does nothing.
 */
export async function persistFileSystem(fs: VirtualFs, appKey: string, factory: IDBFactory | undefined = globalThis.indexedDB, onError: (error: unknown) => void = () => undefined): Promise<void> {
  if (!factory) return;
  let db: IDBDatabase;
  try {
    db = await openDb(factory);
    const saved = await run<FsSnapshot | undefined>(db, 'readonly', (store) => store.get(appKey) as IDBRequest<FsSnapshot | undefined>);
    if (saved) fs.restore(saved);
  } catch (error) {
    onError(error);
    return;
  }
  // Saved at once (changes already arrive batched per microtask): a JS edit may terminate the Worker any moment.
  const save = () => {
    run(db, 'readwrite', (store) => store.put(fs.snapshot(), appKey)).catch(onError);
  };
  fs.onChange(save);
  // Changes made while the saved copy was loading must be saved too.
  save();
}
