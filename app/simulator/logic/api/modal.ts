/**
 * `wx.showModal` with all of WeChat's options: default buttons in the phone's language, button colours, and `editable` (an input
 * prefilled with `content`, whose text comes back as `content`). It replaces the runtime's plainer version.
 */
import type { WxHost } from '../wx-api';
import { stringOption, type ApiMaker } from './api-maker';
import { localized } from './confirm';
import type { HostUi } from './host-ui';

export function createModalApi(host: WxHost, ui: HostUi, api: ApiMaker): Record<string, unknown> {
  return {
    showModal: api('showModal', async (options) => {
      const editable = options.editable === true;
      const ok = localized(host, '确定', 'OK');
      const cancel = localized(host, '取消', 'Cancel');
      const result = await ui.ask({
        type: 'showModal',
        title: stringOption(options, 'title'),
        content: stringOption(options, 'content'),
        showCancel: options.showCancel !== false,
        confirmText: stringOption(options, 'confirmText') || ok,
        cancelText: stringOption(options, 'cancelText') || cancel,
        confirmColor: stringOption(options, 'confirmColor', '#576B95') || '#576B95',
        cancelColor: stringOption(options, 'cancelColor', '#000000') || '#000000',
        editable,
        placeholderText: stringOption(options, 'placeholderText'),
        answerAsUiResult: true,
      });
      const confirm = result.type === 'modal' && result.confirm;
      return { confirm, cancel: !confirm, ...(editable ? { content: result.type === 'modal' && confirm ? result.content : '' } : {}) };
    }),
  };
}
