import { app, dialog, ipcMain, Menu, protocol, session, type BrowserWindow } from 'electron';
import { join, resolve } from 'node:path';
import { createRequestHandlers, forwardEvents } from '../ide/handlers';
import { createIdeServices } from '../ide/ide-services';
import { appRoot, exampleProjectDir } from '../app-root';
import { ownWindowsSenderCheck, registerIpcRouter, sendEvent } from './ipc-router';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { createWorkbenchWindow, denyPermissionsByDefault } from './workbench-window';
import { appMenuTemplate } from './app-menu';
import { openSimulatorDevTools } from './simulator-devtools';

// Electron composition root: services are plain Node; this file only wires them to windows and IPC.
registerAppScheme(protocol);

function projectFromArgs(argv: readonly string[]): string {
  const index = argv.indexOf('--project');
  const value = index >= 0 ? argv[index + 1] : undefined;
  return value ? resolve(value) : exampleProjectDir();
}

async function start(): Promise<void> {
  await app.whenReady();
  denyPermissionsByDefault(session.defaultSession);
  serveAppScheme(protocol, join(appRoot(), 'out', 'web'));

  const windows = new Set<BrowserWindow>();
  const services = {
    ...createIdeServices('electron'),
    // The native folder picker, for the welcome screen's Open and New project fields.
    async pickFolder(): Promise<string | null> {
      const owner = [...windows].find((w) => !w.isDestroyed());
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // DevTools on the simulator frame of the workbench window (the one focused, else the first).
    async openSimulatorDevTools(at: { readonly x?: number; readonly y?: number }): Promise<boolean> {
      const window = workbenchWindow();
      return window ? openSimulatorDevTools(window.webContents, at) : false;
    },
  };
  const workbenchWindow = (): BrowserWindow | undefined => {
    const open = [...windows].filter((w) => !w.isDestroyed());
    return open.find((w) => w.isFocused()) ?? open[0];
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ openSimulatorDevTools: () => void services.openSimulatorDevTools({}) })));
  registerIpcRouter(
    ipcMain,
    createRequestHandlers(services),
    ownWindowsSenderCheck((contents) => [...windows].some((w) => !w.isDestroyed() && w.webContents === contents)),
  );
  forwardEvents(services, (channel, payload) => {
    for (const w of windows) sendEvent(w.webContents, channel, payload);
  });
  await services.project.open(projectFromArgs(process.argv)).catch((error: Error) => console.error(error.message));

  const window = createWorkbenchWindow(join(appRoot(), 'out', 'preload', 'preload.cjs'));
  windows.add(window);
  window.on('closed', () => windows.delete(window));
  app.on('window-all-closed', () => {
    void services.live?.close();
    void services.project.close();
    app.quit();
  });
}

void start();
