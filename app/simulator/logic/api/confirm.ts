/** Asks the developer through the host's modal (the same overlay `wx.showModal` uses) and resolves with the answer. */
import type { WxHost } from '../wx-api';

export function confirmInSimulator(host: WxHost, title: string, content: string, confirmText: string, cancelText: string): Promise<boolean> {
  const callId = host.newCallId();
  return new Promise<boolean>((resolve) => {
    host.modalCallbacks.set(callId, resolve);
    host.post({ kind: 'ui', action: { type: 'showModal', callId, title, content, showCancel: true, confirmText, cancelText } });
  });
}

/** Chinese when the simulated phone speaks it, English otherwise. */
export function localized(host: WxHost, zh: string, en: string): string {
  let language = 'zh_CN';
  try {
    language = host.metrics().language;
  } catch {
    // metrics arrive with boot; before that, WeChat's default language
  }
  return language.toLowerCase().startsWith('zh') ? zh : en;
}
