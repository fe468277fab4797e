import type { StudioApi } from '../shared/contract';
import { createWebStudio } from './web-studio';

/**
 * The workbench's only way to the services: `window.studio`, which the Electron preload installs. In the browser
 * host there is no preload, so the same API is built over the host's WebSocket.
 */
function resolveStudio(): StudioApi {
  if (!window.studio) window.studio = createWebStudio(window.location);
  return window.studio;
}

export const studio: StudioApi = resolveStudio();
