/**
 * `wx.previewImage`/`wx.previewMedia` open the host's full-screen viewer; `wx.saveImageToPhotosAlbum` and
 * `wx.saveVideoToPhotosAlbum` save the file as a browser download (the desktop has no photo album).
 */
import type { PreviewSource } from '../../protocol';
import type { WxHost } from '../wx-api';
import { ApiFailure } from '../wx-callbacks';
import { simulatedNotice, stringOption, type ApiMaker } from './api-maker';
import { FileUrls } from './file-urls';
import type { HostUi } from './host-ui';

export function createMediaPreviewApi(host: WxHost, ui: HostUi, api: ApiMaker, files: FileUrls): Record<string, unknown> {
  const loadable = (url: string): string => (FileUrls.isFilePath(url) ? files.urlOf(url) ?? url : url);

  const save = (name: string) =>
    api(name, (options) => {
      const filePath = stringOption(options, 'filePath');
      if (!filePath) throw new ApiFailure(`${name}:fail parameter error: parameter.filePath should be String`);
      if (!FileUrls.isFilePath(filePath)) throw new ApiFailure(`${name}:fail invalid file path "${filePath}": save a local file (a wxfile:// path, e.g. from wx.downloadFile)`);
      const url = files.urlOf(filePath);
      if (!url) throw new ApiFailure(`${name}:fail file not exists: ${filePath}`);
      const fileName = filePath.replace(/^.*\//, '');
      ui.show({ type: 'downloadFile', url, fileName });
      simulatedNotice(host, name, `the desktop has no photo album; ${fileName} was offered as a browser download`);
      return {};
    });

  return {
    previewImage: api('previewImage', (options) => {
      const urls = options.urls;
      if (!Array.isArray(urls) || urls.length === 0) throw new ApiFailure('previewImage:fail parameter error: parameter.urls should be a non-empty Array');
      const list = urls.map(String);
      const current = typeof options.current === 'number' ? options.current : Math.max(0, list.indexOf(stringOption(options, 'current', list[0])));
      ui.show({ type: 'previewMedia', sources: list.map((url) => ({ url: loadable(url), type: 'image' })), current: clamp(current, list.length) });
      return {};
    }),
    previewMedia: api('previewMedia', (options) => {
      const sources = options.sources;
      if (!Array.isArray(sources) || sources.length === 0) throw new ApiFailure('previewMedia:fail parameter error: parameter.sources should be a non-empty Array');
      const list: PreviewSource[] = sources.map((raw) => {
        const source = (raw ?? {}) as { url?: unknown; type?: unknown; poster?: unknown };
        const poster = typeof source.poster === 'string' && source.poster ? loadable(source.poster) : undefined;
        return { url: loadable(String(source.url ?? '')), type: source.type === 'video' ? 'video' : 'image', ...(poster ? { poster } : {}) };
      });
      const current = typeof options.current === 'number' ? options.current : 0;
      ui.show({ type: 'previewMedia', sources: list, current: clamp(current, list.length) });
      return {};
    }),
    saveImageToPhotosAlbum: save('saveImageToPhotosAlbum'),
    saveVideoToPhotosAlbum: save('saveVideoToPhotosAlbum'),
  };
}

function clamp(index: number, length: number): number {
  return Math.min(Math.max(Math.floor(index), 0), length - 1);
}
