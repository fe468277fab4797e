import { useEffect, useState } from 'react';
import type { DeviceEditMessage } from '../../../shared/device-protocol';
import { useT } from '../../i18n/i18n';
import { useDeviceStore } from '../../stores/device-store';
import { parseTypedValue } from '../panels/json-edit';
import { JsonTree } from '../panels/JsonTree';

/** The selected device's wx storage (kept current from its set/remove/clear reports), with set / remove / clear. */
export function StoragePanel() {
  const t = useT();
  const entries = useDeviceStore((s) => s.storage);
  const refresh = useDeviceStore((s) => s.refresh);
  const edit = useDeviceStore((s) => s.edit);
  // opening the panel asks the device again: a snapshot taken while the page was still starting may be stale
  useEffect(() => void refresh('storage'), [refresh]);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = (message: DeviceEditMessage): void => void edit(message).then(setProblem);
  const setEntry = (): void => {
    if (key === '') return;
    send({ type: 'edit-storage', op: 'set', key, value: parseTypedValue(value) });
  };
  return (
    <div className="panel-body" data-testid="storage-panel">
      <div className="panel-toolbar">
        <button className="btn" onClick={() => void refresh('storage')}>
          ⟳ {t('panel.refresh')}
        </button>
        <span className="muted">{t('storage.count', { count: entries.length })}</span>
        <input className="input storage-key" placeholder={t('storage.key')} value={key} onChange={(e) => setKey(e.target.value)} />
        <input
          className="input storage-value"
          placeholder={t('storage.new-value')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && setEntry()}
        />
        <button className="btn storage-set" disabled={key === ''} onClick={setEntry}>
          {t('storage.set')}
        </button>
        <button className="btn storage-clear" disabled={entries.length === 0} onClick={() => send({ type: 'edit-storage', op: 'clear' })}>
          {t('storage.clear')}
        </button>
        {problem && <span className="error-text" role="alert">{problem}</span>}
      </div>
      <div className="panel-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('storage.key')}</th>
              <th>{t('storage.value')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.key} data-key={entry.key}>
                <td className="mono">{entry.key}</td>
                <td>
                  <JsonTree
                    value={entry.value}
                    keys={[entry.key]}
                    // A whole value is replaced; nested parts of objects are not edited in place.
                    onEdit={entry.value === null || typeof entry.value !== 'object' ? (_, next) => send({ type: 'edit-storage', op: 'set', key: entry.key, value: next }) : undefined}
                  />
                </td>
                <td>
                  <button className="btn storage-remove" title={t('storage.remove')} onClick={() => send({ type: 'edit-storage', op: 'remove', key: entry.key })}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 && <div className="muted panel-empty">{t('storage.empty')}</div>}
      </div>
    </div>
  );
}
