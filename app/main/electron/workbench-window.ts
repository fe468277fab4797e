import { BrowserWindow, shell, type Session } from 'electron';
import { APP_ORIGIN } from '../../shared/electron-ipc';

/** Locked-down web preferences for every IDE window: sandboxed, isolated, no Node. */
export function workbenchWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Permission requests (camera, notifications, …) are denied unless a feature asks for one explicitly. */
export function denyPermissionsByDefault(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createWorkbenchWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Mini Studio',
    backgroundColor: '#1e1f22',
    show: false,
    webPreferences: workbenchWebPreferences(preload),
  });
  const contents = window.webContents;
  // The workbench never navigates away; links to the web open in the user's browser, nothing opens in-app.
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/`);
  return window;
}
