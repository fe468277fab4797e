import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useDeviceStore } from '../../stores/device-store';
import { durationOf, formatSize, NetworkDetails } from './NetworkDetails';

/** Path first, as DevTools lists requests by name, then the host (muted) that a narrow column may cut. */
function splitUrl(url: string): { path: string; host: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url);
  return match ? { path: match[2] || '/', host: match[1]!.replace(/^[a-z]+:\/\//i, '') } : { path: url, host: '' };
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
                <th>{t('network.size')}</th>
                <th>{t('network.time')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="network-row" className={`${e.id === selected ? 'selected' : ''} state-${e.state}`} onClick={() => setSelected(e.id)}>
                  <td>{e.method ?? e.api}</td>
                  <td className="mono network-url" title={e.url}>
                    {splitUrl(e.url).path} <span className="muted">{splitUrl(e.url).host}</span>
                  </td>
                  <td>{e.state === 'failed' ? t('network.failed') : (e.status ?? '…')}</td>
                  <td>{formatSize(e.size)}</td>
                  <td>{durationOf(e) !== undefined ? `${durationOf(e)} ms` : '…'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === 0 && <div className="muted panel-empty">{t('network.empty')}</div>}
        </div>
        {current && <NetworkDetails entry={current} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
