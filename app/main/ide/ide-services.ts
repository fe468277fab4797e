import type { AppInfo } from '../../shared/contract';
import { appVersion } from '../cli/version';
import { userConfigDir } from '../project/config-dir';
import { ProjectService } from '../project/project-service';
import type { IdeServices } from './handlers';

/** The composition root's services, the same for the Electron shell and the browser host. */
export function createIdeServices(host: AppInfo['host']): IdeServices {
  const project = new ProjectService({ configDir: userConfigDir() });
  return {
    project,
    appInfo: () => ({
      name: 'Mini Studio',
      version: appVersion(),
      host,
      platform: process.platform,
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    }),
  };
}
