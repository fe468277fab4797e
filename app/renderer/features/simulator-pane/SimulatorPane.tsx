import { useEffect, useState } from 'react';
import { studio } from '../../bridge';
import { useT } from '../../i18n/i18n';
import { useLayoutStore, SIMULATOR_DEVICES } from '../../stores/layout-store';
import { useProjectStore } from '../../stores/project-store';
import { useBuildStore } from '../../stores/build-store';
import { pagesOfAppJson } from './app-pages';
import './simulator.css';

const ZOOMS = [0, 1, 0.75, 0.5];
const FRAME_MARGIN = 48;

/** The embedded simulator (the devserver's page in a cross-origin iframe) with device, zoom and launch controls. */
export function SimulatorPane() {
  const t = useT();
  const layout = useLayoutStore();
  const project = useProjectStore((s) => s.project);
  const files = useProjectStore((s) => s.files);
  const latest = useBuildStore((s) => s.latest);
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [pages, setPages] = useState<string[]>([]);

  const appJsonPath = project?.miniprogramRoot ? `${project.miniprogramRoot}/app.json` : 'app.json';
  useEffect(() => {
    if (!project) return;
    studio
      .invoke('project:read-file', { path: appJsonPath })
      .then((file) => setPages(pagesOfAppJson(file.content)))
      .catch(() => setPages([]));
  }, [project, appJsonPath, files, latest?.buildId]);

  const { device, launch, projectRoot } = layout;
  useEffect(() => {
    if (!project || projectRoot !== project.root) return;
    let cancelled = false;
    studio
      .invoke('simulator:url', { device, ...launch })
      .then((info) => {
        if (cancelled) return;
        setUrl(info.url);
        setProblem(info.url ? null : (info.error ?? t('simulator.unavailable')));
      })
      .catch((error: Error) => !cancelled && setProblem(error.message));
    return () => {
      cancelled = true;
    };
  }, [project, projectRoot, device, launch, reloads, t]);

  const profile = SIMULATOR_DEVICES.find((d) => d.id === device) ?? SIMULATOR_DEVICES[1]!;
  const frameStyle =
    layout.zoom === 0
      ? { width: '100%', height: '100%' }
      : { width: profile.width + FRAME_MARGIN, height: profile.height + FRAME_MARGIN, transform: `scale(${layout.zoom})`, transformOrigin: 'top left' };

  return (
    <section className="simulator-pane" aria-label={t('simulator.title')} style={{ width: layout.simulatorWidth }}>
      <div className="simulator-toolbar">
        <select aria-label={t('simulator.device')} value={device} onChange={(e) => layout.update({ device: e.target.value })}>
          {SIMULATOR_DEVICES.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select aria-label={t('simulator.zoom')} value={layout.zoom} onChange={(e) => layout.update({ zoom: Number(e.target.value) })}>
          {ZOOMS.map((z) => (
            <option key={z} value={z}>
              {z === 0 ? t('simulator.fit') : `${Math.round(z * 100)}%`}
            </option>
          ))}
        </select>
        <button className="btn" title={t('simulator.reloadHint')} onClick={() => setReloads((n) => n + 1)} data-testid="simulator-reload">
          ⟳ {t('simulator.compile')}
        </button>
      </div>
      <div className="simulator-launch">
        <select
          aria-label={t('simulator.startPage')}
          value={launch.page ?? ''}
          onChange={(e) => layout.update({ launch: { ...launch, page: e.target.value || undefined } })}
        >
          <option value="">{t('simulator.defaultPage')}</option>
          {pages.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <input
          aria-label={t('simulator.query')}
          placeholder={t('simulator.query')}
          defaultValue={launch.query ?? ''}
          key={`${projectRoot}-query`}
          onBlur={(e) => layout.update({ launch: { ...launch, query: e.target.value.replace(/^\?/, '') || undefined } })}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
        <input
          className="simulator-scene"
          aria-label={t('simulator.scene')}
          title={t('simulator.scene')}
          placeholder="1001"
          inputMode="numeric"
          defaultValue={launch.scene ?? ''}
          key={`${projectRoot}-scene`}
          onBlur={(e) => {
            const scene = Number.parseInt(e.target.value, 10);
            layout.update({ launch: { ...launch, scene: Number.isInteger(scene) && scene >= 0 ? scene : undefined } });
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      </div>
      <div className={`simulator-stage${layout.zoom === 0 ? ' fit' : ''}`}>
        {url ? (
          <iframe key={url} className="simulator-frame" title={t('simulator.title')} src={url} style={frameStyle} data-testid="simulator-frame" allow="clipboard-read; clipboard-write" />
        ) : (
          <div className="simulator-problem" role="status">
            {problem ?? t('simulator.starting')}
          </div>
        )}
      </div>
    </section>
  );
}
