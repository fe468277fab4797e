/** The two raw IPC channel names; everything typed rides inside them (see app/shared/contract.ts). */
export const IPC_INVOKE = 'studio:invoke';
export const IPC_EVENT = 'studio:event';

/** The scheme the workbench is served from inside Electron (Workers do not start from file://). */
export const APP_SCHEME = 'ministudio';
export const APP_ORIGIN = `${APP_SCHEME}://workbench`;
