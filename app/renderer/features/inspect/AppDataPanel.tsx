import { useT } from '../../i18n/i18n';
import { useDeviceStore } from '../../stores/device-store';
import { useEffect, useState } from 'react';
import { setDataPath } from '../panels/json-edit';
import { JsonTree } from '../panels/JsonTree';

/** The data of the pages (and components) of the selected device, as the device last reported it. */
export function AppDataPanel() {
  const t = useT();
  const entries = useDeviceStore((s) => s.appData);
  const refresh = useDeviceStore((s) => s.refresh);
  const edit = useDeviceStore((s) => s.edit);
  // opening the panel asks the device again: a snapshot taken while the page was still starting may be stale
  useEffect(() => void refresh('appdata'), [refresh]);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="panel-body" data-testid="appdata-panel">
      <div className="panel-toolbar">
        <button className="btn" onClick={() => void refresh('appdata')}>
          ⟳ {t('panel.refresh')}
        </button>
        <span className="muted">{t('appdata.edit-hint')}</span>
        {problem && <span className="error-text" role="alert">{problem}</span>}
      </div>
      <div className="panel-scroll">
        {entries.length === 0 && <div className="muted panel-empty">{t('appdata.empty')}</div>}
        {entries.map((entry) => (
          <div key={`${entry.webviewId}-${entry.path}`} className="appdata-entry" data-path={entry.path}>
            <div className="problem-file">
              {entry.path} <span className="muted">#{entry.webviewId}</span>
            </div>
            <JsonTree
              value={entry.data}
              defaultOpen
              onEdit={(keys, value) => void edit({ type: 'set-data', webviewId: entry.webviewId, path: setDataPath(keys), value }).then(setProblem)}
              onRemove={(keys) => void edit({ type: 'set-data', webviewId: entry.webviewId, path: setDataPath(keys), value: null, remove: true }).then(setProblem)}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
