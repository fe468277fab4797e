/**
 * Entry of the simulator page. Full-page in any Chromium: `?manifest=` loads a package directly; opened by
 * the devserver, device-link.ts connects it to the device protocol. `window.ministudio` is the automation API
 * (docs/automation.md).
 */
import { readLaunchParams } from './launch-params';
import { Simulator } from './simulator';
import type { DeviceLinkStarter, SimulatorHost } from './simulator-api';
import { listenForNavigators } from './view-navigation';

const params = new URLSearchParams(location.search);
const launchParams = readLaunchParams(params);
for (const warning of launchParams.warnings) console.warn(`[simulator] ${warning}`);

const stage = document.getElementById('simulator') ?? document.body;
const simulator = new Simulator(stage, {
  viewUrl: new URL('./view/index.html', location.href).href,
  createWorker: () => new Worker(new URL('../logic/worker.ts', import.meta.url), { type: 'module', name: 'logic' }),
  ...(launchParams.device ? { device: launchParams.device } : {}),
  ...(launchParams.theme ? { theme: launchParams.theme } : {}),
  fit: params.get('fit') !== '0',
});
listenForNavigators(window, simulator);

/** The mini-program's console, kept for automation (the last 2000 lines). */
const logs: { level: string; text: string; time: number }[] = [];
simulator.on('log', (entry) => {
  logs.push({ level: entry.level, text: entry.args.map(formatArg).join(' '), time: entry.time });
  if (logs.length > 2000) logs.shift();
});

function formatArg(arg: unknown): string {
  return typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg);
}

declare global {
  interface Window {
    ministudio: {
      status: SimulatorHost['status'];
      logs(): { level: string; text: string; time: number }[];
      host: SimulatorHost;
    };
  }
}
window.ministudio = { status: () => simulator.status(), logs: () => logs.slice(), host: simulator };

if (launchParams.manifestUrl) {
  void simulator.loadPackage(launchParams.manifestUrl, launchParams.launch);
} else {
  // The devserver's device link, when it is part of this build.
  const links = import.meta.glob<{ startDeviceLink?: DeviceLinkStarter }>('./device-link.ts', { eager: true });
  for (const link of Object.values(links)) link.startDeviceLink?.(simulator, params);
}
