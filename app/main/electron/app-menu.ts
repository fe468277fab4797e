import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  openSimulatorDevTools(): void;
}

/**
 * The application menu: the standard roles (so copy/paste and undo work in every text field, also on macOS) and
 * the workbench's own items. Built as data so it can be checked without starting Electron.
 */
export function appMenuTemplate(actions: AppMenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: 'Simulator',
      submenu: [
        { id: 'simulator-devtools', label: 'Open Simulator DevTools', accelerator: 'CmdOrCtrl+Shift+F12', click: () => actions.openSimulatorDevTools() },
      ],
    },
    {
      label: 'Developer',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools', label: 'Toggle Workbench DevTools' }],
    },
    { role: 'windowMenu' },
  ];
}
