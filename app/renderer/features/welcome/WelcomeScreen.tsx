import { useEffect, useState } from 'react';
import type { ProjectTemplate, RecentProject } from '../../../shared/contract';
import { studio } from '../../bridge';
import { useT } from '../../i18n/i18n';
import { messageOf } from '../../stores/notification-store';
import { useProjectStore } from '../../stores/project-store';
import { useWelcomeStore } from '../../stores/welcome-store';
import { FolderField } from './FolderField';
import './welcome.css';

/** Recent projects, open/import a folder, or start a new project from a bundled template. */
export function WelcomeScreen() {
  const t = useT();
  const project = useProjectStore((s) => s.project);
  const hide = useWelcomeStore((s) => s.hide);
  const [recent, setRecent] = useState<readonly RecentProject[]>([]);
  const [templates, setTemplates] = useState<readonly ProjectTemplate[]>([]);
  const [openPath, setOpenPath] = useState('');
  const [template, setTemplate] = useState('blank');
  const [parentDir, setParentDir] = useState('');
  const [name, setName] = useState('my-miniprogram');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void studio.invoke('project:recent', undefined).then(setRecent).catch(() => undefined);
    void studio.invoke('project:templates', undefined).then(setTemplates).catch(() => undefined);
  }, []);
  useEffect(() => {
    if (project && !parentDir) setParentDir(project.root.replace(/[\\/][^\\/]+$/, ''));
  }, [project, parentDir]);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      // The workbench reloads itself for the new project (project:did-open).
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <div className="welcome" role="dialog" aria-label={t('welcome.title')} data-testid="welcome">
      <div className="welcome-card">
        <div className="welcome-head">
          <h1>Mini Studio</h1>
          {project && (
            <button className="btn" onClick={hide}>
              {t('welcome.back')}
            </button>
          )}
        </div>
        <div className="welcome-columns">
          <section>
            <h2>{t('welcome.recent')}</h2>
            {recent.length === 0 && <div className="muted">{t('welcome.noRecent')}</div>}
            <ul className="welcome-recent">
              {recent.map((r) => (
                <li key={r.root}>
                  <button className="link" onClick={() => void run(() => studio.invoke('project:open', { root: r.root }))} title={r.root}>
                    {r.name}
                  </button>
                  <span className="muted welcome-path">{r.root}</span>
                </li>
              ))}
            </ul>
            <h2>{t('welcome.open')}</h2>
            <div className="muted welcome-hint">{t('welcome.openHint')}</div>
            <div className="welcome-row">
              <FolderField value={openPath} onChange={setOpenPath} label={t('welcome.folderPath')} testId="open-path" />
              <button className="btn primary" disabled={busy || !openPath.trim()} onClick={() => void run(() => studio.invoke('project:open', { root: openPath.trim() }))}>
                {t('welcome.openButton')}
              </button>
            </div>
          </section>
          <section>
            <h2>{t('welcome.new')}</h2>
            <div className="welcome-templates" role="radiogroup" aria-label={t('welcome.template')}>
              {templates.map((tpl) => (
                <button key={tpl.id} role="radio" aria-checked={template === tpl.id} className={`welcome-template${template === tpl.id ? ' selected' : ''}`} onClick={() => setTemplate(tpl.id)} data-template={tpl.id}>
                  <b>{tpl.name}</b>
                  <span className="muted">{tpl.description}</span>
                </button>
              ))}
            </div>
            <div className="welcome-row">
              <FolderField value={parentDir} onChange={setParentDir} label={t('welcome.parentFolder')} testId="new-parent" />
            </div>
            <div className="welcome-row">
              <input className="welcome-input" aria-label={t('welcome.projectName')} value={name} onChange={(e) => setName(e.target.value)} data-testid="new-name" />
              <button
                className="btn primary"
                disabled={busy || !parentDir.trim() || !name.trim()}
                onClick={() => void run(() => studio.invoke('project:create-from-template', { template, parentDir: parentDir.trim(), name: name.trim() }))}
              >
                {t('welcome.create')}
              </button>
            </div>
          </section>
        </div>
        {problem && (
          <div className="dialog-problem" role="alert">
            {problem}
          </div>
        )}
      </div>
    </div>
  );
}
