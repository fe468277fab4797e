import type { StudioApi } from '../shared/contract';

declare global {
  interface Window {
    /** Installed by the Electron preload, or by web-studio.ts in the browser host. Read it only in bridge.ts. */
    studio?: StudioApi;
  }
}
