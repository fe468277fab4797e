import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useDeviceStore, type NetworkEntry } from '../../stores/device-store';

function Headers({ title, headers }: { title: string; headers?: Readonly<Record<string, string>> }) {
  if (!headers || Object.keys(headers).length === 0) return null;
  return (
    <>
      <div className="network-section">{title}</div>
      {Object.entries(headers).map(([name, value]) => (
        <div key={name} className="mono network-header">
          <b>{name}:</b> {value}
        </div>
      ))}
    </>
  );
}

function Details({ entry }: { entry: NetworkEntry }) {
  const t = useT();
  return (
    <div className="network-details" data-testid="network-details">
      <div className="mono">
        {entry.method ?? entry.api} {entry.url}
      </div>
      {entry.errorMessage && <div className="severity-error">{entry.errorMessage}</div>}
      <Headers title={t('network.requestHeaders')} headers={entry.requestHeaders} />
      {entry.requestBody && (
        <>
          <div className="network-section">{t('network.requestBody')}</div>
          <pre className="network-body">{entry.requestBody}</pre>
        </>
      )}
      <Headers title={t('network.responseHeaders')} headers={entry.responseHeaders} />
      {entry.responseBody && (
        <>
          <div className="network-section">{t('network.responseBody')}</div>
          <pre className="network-body">{entry.responseBody}</pre>
        </>
      )}
    </div>
  );
}

/** wx.request / uploadFile / downloadFile / connectSocket calls with status, timing, headers and bodies. */
export function NetworkPanel() {
  const t = useT();
  const entries = useDeviceStore((s) => s.network);
  const clear = useDeviceStore((s) => s.clearNetwork);
  const [selected, setSelected] = useState<string | null>(null);
  const current = entries.find((e) => e.id === selected);
  return (
    <div className="panel-body" data-testid="network-panel">
      <div className="panel-toolbar">
        <button className="btn" onClick={clear}>
          ⊘
        </button>
        <span className="muted">{t('network.count', { count: entries.length })}</span>
      </div>
      <div className="network-split">
        <div className="panel-scroll">
          <table className="data-table network-table">
            <thead>
              <tr>
                <th>{t('network.method')}</th>
                <th>URL</th>
                <th>{t('network.status')}</th>
                <th>{t('network.time')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className={`${e.id === selected ? 'selected' : ''} state-${e.state}`} onClick={() => setSelected(e.id)}>
                  <td>{e.method ?? e.api}</td>
                  <td className="mono network-url" title={e.url}>
                    {e.url}
                  </td>
                  <td>{e.state === 'failed' ? t('network.failed') : (e.status ?? '…')}</td>
                  <td>{e.endedAt ? `${Math.round(e.endedAt - e.startedAt)} ms` : '…'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === 0 && <div className="muted panel-empty">{t('network.empty')}</div>}
        </div>
        {current && <Details entry={current} />}
      </div>
    </div>
  );
}
