/** Page chrome the host draws: the home button and the question asked before the user leaves a page. */
import { ApiFailure } from '../wx-callbacks';
import { stringOption, type ApiMaker } from './api-maker';
import type { HostUi } from './host-ui';

export function createPageChromeApi(ui: HostUi, api: ApiMaker): Record<string, unknown> {
  return {
    hideHomeButton: api('hideHomeButton', () => {
      ui.show({ type: 'hideHomeButton' });
      return {};
    }),
    enableAlertBeforeUnload: api('enableAlertBeforeUnload', (options) => {
      const message = stringOption(options, 'message');
      if (!message) throw new ApiFailure('enableAlertBeforeUnload:fail parameter error: parameter.message should be String');
      ui.show({ type: 'alertBeforeUnload', message });
      return {};
    }),
    disableAlertBeforeUnload: api('disableAlertBeforeUnload', () => {
      ui.show({ type: 'alertBeforeUnload', message: null });
      return {};
    }),
  };
}
