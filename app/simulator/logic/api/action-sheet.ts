/** `wx.showActionSheet`: the host draws WeChat's bottom sheet; a tap answers with its index, the mask cancels. */
import { ApiFailure } from '../wx-callbacks';
import { stringOption, type ApiMaker } from './api-maker';
import type { HostUi } from './host-ui';

export function createActionSheetApi(ui: HostUi, api: ApiMaker): Record<string, unknown> {
  return {
    showActionSheet: api('showActionSheet', async (options) => {
      const list = options.itemList;
      if (!Array.isArray(list) || list.length === 0) throw new ApiFailure('showActionSheet:fail parameter error: parameter.itemList should be a non-empty Array');
      if (list.length > 6) throw new ApiFailure('showActionSheet:fail parameter error: itemList should not be larger than 6');
      const result = await ui.ask({
        type: 'showActionSheet',
        itemList: list.map((item) => String(item)),
        itemColor: stringOption(options, 'itemColor', '#000000') || '#000000',
        alertText: stringOption(options, 'alertText'),
      });
      if (result.type !== 'action-sheet' || result.tapIndex === null) throw new ApiFailure('showActionSheet:fail cancel');
      return { tapIndex: result.tapIndex };
    }),
  };
}
