import { useT, useLocaleStore } from '../../i18n/i18n';
import { useProjectStore } from '../../stores/project-store';
import { useThemeStore } from '../../stores/theme-store';
import { useLayoutStore } from '../../stores/layout-store';
import { useEditorStore } from '../../stores/editor-store';
import { useWelcomeStore } from '../../stores/welcome-store';
import { useCommandStore } from '../commands/command-store';

export function TitleBar() {
  const t = useT();
  const project = useProjectStore((s) => s.project);
  const loading = useProjectStore((s) => s.loading);
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const panelOpen = useLayoutStore((s) => s.panelOpen);
  const update = useLayoutStore((s) => s.update);
  const saveAll = useEditorStore((s) => s.saveAll);
  const showWelcome = useWelcomeStore((s) => s.show);
  return (
    <header className="titlebar">
      <span className="brand">Mini Studio</span>
      <span className="project-name" data-testid="project-name">
        {project ? project.name : loading ? t('app.opening') : t('app.noProject')}
      </span>
      {project && <span className="muted project-root">{project.root}</span>}
      <span className="status-spacer" />
      <button className="btn small" onClick={() => useCommandStore.getState().openPalette('commands')} title="Ctrl+Shift+P">
        {t('command.palette')}
      </button>
      <button className="btn small" onClick={() => useCommandStore.getState().showShortcuts(true)} title={t('command.shortcuts')} aria-label={t('command.shortcuts')}>
        ?
      </button>
      <button className="btn small" onClick={showWelcome} data-testid="open-welcome">
        {t('welcome.openMenu')}
      </button>
      <button className="btn small" onClick={() => void saveAll()} title="Ctrl+Alt+S">
        {t('editor.saveAll')}
      </button>
      <button className="btn small" onClick={() => update({ panelOpen: !panelOpen })} aria-pressed={panelOpen}>
        {t('layout.togglePanel')}
      </button>
      <button className="btn small" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} data-testid="toggle-theme">
        {theme === 'dark' ? t('theme.light') : t('theme.dark')}
      </button>
      <button className="btn small" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} data-testid="toggle-locale">
        {locale === 'en' ? '中文' : 'English'}
      </button>
    </header>
  );
}
