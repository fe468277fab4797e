import type { AppInfo } from '../../shared/contract';
import { join } from 'node:path';
import { appRoot } from '../app-root';
import { appVersion } from '../cli/version';
import { userConfigDir } from '../project/config-dir';
import { ProjectService } from '../project/project-service';
import type { IdeServices } from './handlers';
import { LiveSession } from './live-session';

/**
 * The composition root's services, the same for the Electron shell and the browser host. Opening a project
 * (re)starts its live session: compiler watch + devserver + device hub for the embedded simulator.
 */
export function createIdeServices(host: AppInfo['host']): IdeServices {
  const project = new ProjectService({ configDir: userConfigDir() });
  const live = new LiveSession({ webRoot: join(appRoot(), 'out', 'web') });
  project.onDidOpen((info) => {
    live.start(info.root).catch((error: Error) => console.error(`[live] could not start on ${info.root}: ${error.message}`));
  });
  return {
    project,
    live,
    appInfo: () => ({
      name: 'Mini Studio',
      version: appVersion(),
      host,
      platform: process.platform,
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    }),
  };
}
