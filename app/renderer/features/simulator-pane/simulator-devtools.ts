import { studio } from '../../bridge';
import { t } from '../../i18n/i18n';
import { messageOf, notifyError, notifyInfo } from '../../stores/notification-store';

/**
 * "Open Simulator DevTools": in Electron, DevTools opens on the simulator's frame (at a point of the simulator
 * pane, so it is the simulator's document that is inspected); in a browser, the browser's own DevTools apply.
 */
export async function openSimulatorDevTools(): Promise<void> {
  const info = await studio.invoke('app:info', undefined).catch(() => null);
  if (info?.host !== 'electron') {
    notifyInfo(t('simulator.devtools-browser'));
    return;
  }
  const frame = document.querySelector<HTMLIFrameElement>('[data-testid="simulator-frame"]');
  const rect = frame?.getBoundingClientRect();
  const at = rect && rect.width > 0 ? { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + Math.min(rect.height / 2, 120)) } : {};
  try {
    await studio.invoke('simulator:open-devtools', at);
  } catch (error) {
    notifyError(messageOf(error));
  }
}
