import { useT } from '../../i18n/i18n';
import { useDeviceStore } from '../../stores/device-store';
import { JsonTree } from '../panels/JsonTree';

/** The selected device's wx storage (kept current from its set/remove/clear reports). */
export function StoragePanel() {
  const t = useT();
  const entries = useDeviceStore((s) => s.storage);
  const refresh = useDeviceStore((s) => s.refresh);
  return (
    <div className="panel-body" data-testid="storage-panel">
      <div className="panel-toolbar">
        <button className="btn" onClick={() => void refresh('storage')}>
          ⟳ {t('panel.refresh')}
        </button>
        <span className="muted">{t('storage.count', { count: entries.length })}</span>
      </div>
      <div className="panel-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('storage.key')}</th>
              <th>{t('storage.value')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.key} data-key={entry.key}>
                <td className="mono">{entry.key}</td>
                <td>
                  <JsonTree value={entry.value} />
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
