import { useEffect, useId, useState } from 'react';
import { studio } from '../../bridge';

/** A folder path input that completes from the host's file system as you type. */
export function FolderField({ value, onChange, label, testId }: { value: string; onChange(value: string): void; label: string; testId?: string }) {
  const listId = useId();
  const [native, setNative] = useState(false);
  useEffect(() => {
    void studio.invoke('app:info', undefined).then((info) => setNative(info.host === 'electron')).catch(() => undefined);
  }, []);
  const [options, setOptions] = useState<readonly string[]>([]);
  useEffect(() => {
    if (!value.includes('/') && !value.includes('\\')) return setOptions([]);
    let cancelled = false;
    const timer = setTimeout(() => {
      studio
        .invoke('fs:complete-folder', { prefix: value })
        .then((found) => !cancelled && setOptions(found))
        .catch(() => undefined);
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value]);
  return (
    <>
      <input className="welcome-input" aria-label={label} placeholder={label} value={value} onChange={(e) => onChange(e.target.value)} list={listId} spellCheck={false} data-testid={testId} />
      {native && (
        <button
          className="btn"
          onClick={() => void studio.invoke('dialog:pick-folder', undefined).then((picked) => picked && onChange(picked)).catch(() => undefined)}
        >
          …
        </button>
      )}
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option} value={`${option}/`} />
        ))}
      </datalist>
    </>
  );
}
