import { useT, type MessageKey } from '../../i18n/i18n';
import { useBuildStore } from '../../stores/build-store';
import { useDeviceStore } from '../../stores/device-store';
import { useLayoutStore, type BottomPanelId } from '../../stores/layout-store';
import { ConsolePanel } from '../console/ConsolePanel';
import { AppDataPanel } from '../inspect/AppDataPanel';
import { NetworkPanel } from '../inspect/NetworkPanel';
import { StoragePanel } from '../inspect/StoragePanel';
import { WxmlPanel } from '../inspect/WxmlPanel';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { SearchPanel } from '../search/SearchPanel';
import './panels.css';

const PANELS: readonly { id: BottomPanelId; label: MessageKey }[] = [
  { id: 'console', label: 'panel.console' },
  { id: 'problems', label: 'panel.problems' },
  { id: 'search', label: 'panel.search' },
  { id: 'appdata', label: 'panel.appdata' },
  { id: 'wxml', label: 'panel.wxml' },
  { id: 'storage', label: 'panel.storage' },
  { id: 'network', label: 'panel.network' },
];

function PanelContent({ id }: { id: BottomPanelId }) {
  switch (id) {
    case 'console':
      return <ConsolePanel />;
    case 'problems':
      return <ProblemsPanel />;
    case 'search':
      return <SearchPanel />;
    case 'appdata':
      return <AppDataPanel />;
    case 'wxml':
      return <WxmlPanel />;
    case 'storage':
      return <StoragePanel />;
    case 'network':
      return <NetworkPanel />;
  }
}

/** The debug panels under the editor, one visible at a time. */
export function BottomPanel() {
  const t = useT();
  const panel = useLayoutStore((s) => s.panel);
  const height = useLayoutStore((s) => s.panelHeight);
  const update = useLayoutStore((s) => s.update);
  const problemCount = useBuildStore((s) => s.latest?.diagnostics.filter((d) => d.severity === 'error').length ?? 0);
  const errorCount = useDeviceStore((s) => s.console.filter((e) => e.message.type === 'error' || e.message.level === 'error').length);
  const devices = useDeviceStore((s) => s.devices);
  const selected = useDeviceStore((s) => s.selected);
  const select = useDeviceStore((s) => s.select);
  const badge = (id: BottomPanelId) => (id === 'problems' ? problemCount : id === 'console' ? errorCount : 0);
  return (
    <section className="bottom-panel" style={{ height }} aria-label={t('panel.title')}>
      <div className="panel-tabs" role="tablist">
        {PANELS.map((p) => (
          <button key={p.id} role="tab" aria-selected={panel === p.id} className={`panel-tab${panel === p.id ? ' active' : ''}`} data-panel={p.id} onClick={() => update({ panel: p.id, panelOpen: true })}>
            {t(p.label)}
            {badge(p.id) > 0 && <span className="badge error">{badge(p.id)}</span>}
          </button>
        ))}
        {devices.length > 1 && (
          <select className="panel-device" aria-label={t('panel.device')} value={selected ?? ''} onChange={(e) => select(e.target.value)}>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <PanelContent id={panel} />
    </section>
  );
}
