// The CSS language service, run for WXSS: Monaco's CSS worker only knows the ids css/less/scss, so WXSS
// documents are served as CSS (WXSS is CSS plus rpx and a few selectors, which the CSS parser accepts).
import { initialize } from 'monaco-editor/internal/common/initialize.js';
import { CSSWorker } from 'monaco-editor/languages/features/css/cssWorker.js';

self.onmessage = () => {
  initialize((ctx, createData) => new CSSWorker(ctx, { ...createData, languageId: 'css' }));
};
