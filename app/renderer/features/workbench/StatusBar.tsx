import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useBuildStore } from '../../stores/build-store';
import { useDeviceStore } from '../../stores/device-store';
import { useLayoutStore } from '../../stores/layout-store';

/** Build state (with progress once a compile runs over 300 ms), problem counts, connected devices. */
export function StatusBar() {
  const t = useT();
  const latest = useBuildStore((s) => s.latest);
  const buildingSince = useBuildStore((s) => s.buildingSince);
  const devices = useDeviceStore((s) => s.devices);
  const npmSince = useBuildStore((s) => s.npmSince);
  const update = useLayoutStore((s) => s.update);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (buildingSince === null) return;
    const timer = setTimeout(() => setSlow(true), 300);
    return () => clearTimeout(timer);
  }, [buildingSince]);
  const errors = latest?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
  const warnings = latest?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <button className="status-item" onClick={() => update({ panel: 'problems', panelOpen: true })} data-testid="status-problems">
        ✖ {errors} ⚠ {warnings}
      </button>
      <span className="status-item" data-testid="build-status">
        {buildingSince !== null && slow ? (
          <span className="progress">
            <span className="spinner" /> {t('status.compiling')}
          </span>
        ) : latest ? (
          t(latest.ok ? 'status.built' : 'status.builtWithErrors', { ms: latest.durationMs })
        ) : (
          t('status.notBuilt')
        )}
      </span>
      {npmSince !== null && (
        <span className="status-item progress" data-testid="npm-status">
          <span className="spinner" /> {t('npm.running')}
        </span>
      )}
      <span className="status-spacer" />
      <span className="status-item">{t('status.devices', { count: devices.length })}</span>
    </footer>
  );
}
