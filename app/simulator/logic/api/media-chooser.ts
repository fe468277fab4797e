/**
 * `wx.chooseImage`, `wx.chooseMedia`, `wx.chooseVideo`, `wx.chooseMessageFile`: the host opens the browser's file
 * chooser (the desktop has no album or camera), the picked files are copied into the virtual file system and
 * the call answers with their `wxfile://tmp_…` paths, which `<image src>` and the file APIs accept.
 */
import type { ChosenFile } from '../../protocol';
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import { simulatedNotice, stringOption, type ApiMaker } from './api-maker';
import type { HostUi } from './host-ui';
import type { VirtualFs } from './virtual-fs';

interface ChooseRequest {
  readonly api: string;
  readonly accept: string;
  readonly count: number;
  readonly sourceType: unknown;
  readonly compress: boolean;
}

interface Picked extends ChosenFile {
  readonly path: string;
  readonly size: number;
  readonly kind: 'image' | 'video' | 'file';
}

export function createMediaChooserApi(host: WxHost, ui: HostUi, api: ApiMaker, fs: VirtualFs): Record<string, unknown> {
  const choose = async (request: ChooseRequest): Promise<Picked[]> => {
    const { camera, album } = sourcesOf(request.sourceType);
    const result = await ui.ask({ type: 'chooseFiles', api: request.api, accept: request.accept, multiple: request.count > 1, camera, album, compress: request.compress });
    if (result.type !== 'files' || !result.files || result.files.length === 0) throw new ApiFailure(`${request.api}:fail cancel`);
    if (result.source === 'camera') simulatedNotice(host, request.api, 'the simulator has no camera; the file was picked from disk instead');
    let files = result.files;
    if (files.length > request.count) {
      simulatedNotice(host, request.api, `${files.length} files picked, count is ${request.count}: the first ${request.count} are used`);
      files = files.slice(0, request.count);
    }
    return files.map((file) => {
      const bytes = new Uint8Array(file.bytes);
      const path = fs.createTempFile(bytes, extensionOf(file));
      return { ...file, path, size: bytes.length, kind: kindOf(file.mimeType) };
    });
  };

  return {
    chooseImage: api('chooseImage', async (options) => {
      const files = await choose({ api: 'chooseImage', accept: 'image/*', count: countOf(options, 9, 9), sourceType: options.sourceType, compress: compressed(options) });
      return { tempFilePaths: files.map((f) => f.path), tempFiles: files.map((f) => ({ path: f.path, size: f.size })) };
    }),
    chooseMedia: api('chooseMedia', async (options) => {
      const types = Array.isArray(options.mediaType) ? options.mediaType.map(String) : ['image', 'video'];
      const wantsImage = types.includes('image') || types.includes('mix');
      const wantsVideo = types.includes('video') || types.includes('mix');
      const accept = [wantsImage ? 'image/*' : '', wantsVideo ? 'video/*' : ''].filter(Boolean).join(',') || 'image/*,video/*';
      const files = await choose({ api: 'chooseMedia', accept, count: countOf(options, 9, 20), sourceType: options.sourceType, compress: compressed(options) });
      const kinds = new Set(files.map((f) => (f.kind === 'video' ? 'video' : 'image')));
      return {
        type: kinds.size > 1 ? 'mix' : [...kinds][0] ?? 'image',
        tempFiles: files.map((f) => ({
          tempFilePath: f.path,
          size: f.size,
          fileType: f.kind === 'video' ? 'video' : 'image',
          width: f.width ?? 0,
          height: f.height ?? 0,
          duration: f.duration ?? 0,
          thumbTempFilePath: f.kind === 'video' ? '' : f.path,
        })),
      };
    }),
    chooseVideo: api('chooseVideo', async (options) => {
      const [file] = await choose({ api: 'chooseVideo', accept: 'video/*', count: 1, sourceType: options.sourceType, compress: false });
      return { tempFilePath: file!.path, size: file!.size, duration: file!.duration ?? 0, width: file!.width ?? 0, height: file!.height ?? 0 };
    }),
    chooseMessageFile: api('chooseMessageFile', async (options) => {
      const type = stringOption(options, 'type', 'all');
      const extensions = Array.isArray(options.extension) ? options.extension.map((e) => `.${String(e).replace(/^\./, '')}`) : [];
      const accept = type === 'image' ? 'image/*' : type === 'video' ? 'video/*' : extensions.join(',');
      const files = await choose({ api: 'chooseMessageFile', accept, count: countOf(options, 1, 100), sourceType: ['album'], compress: false });
      return { tempFiles: files.map((f) => ({ path: f.path, size: f.size, name: f.name, type: f.kind, time: Math.floor(f.lastModified / 1000) })) };
    }),
  };
}

function countOf(options: ApiOptions, fallback: number, max: number): number {
  const count = typeof options.count === 'number' && Number.isFinite(options.count) ? Math.floor(options.count) : fallback;
  return Math.min(Math.max(count, 1), max);
}

/** WeChat compresses unless the call allows the original; with both, the picker's default is compressed. */
function compressed(options: ApiOptions): boolean {
  const sizes = Array.isArray(options.sizeType) ? options.sizeType.map(String) : ['original', 'compressed'];
  return !sizes.includes('original');
}

function sourcesOf(sourceType: unknown): { camera: boolean; album: boolean } {
  const sources = Array.isArray(sourceType) ? sourceType.map(String) : ['album', 'camera'];
  const camera = sources.includes('camera');
  const album = sources.includes('album') || !camera;
  return { camera, album };
}

function kindOf(mimeType: string): 'image' | 'video' | 'file' {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  return 'file';
}

function extensionOf(file: ChosenFile): string {
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1];
  if (fromName) return fromName.toLowerCase();
  const fromType = /^[a-z]+\/([a-z0-9]+)/.exec(file.mimeType)?.[1];
  return fromType === 'jpeg' ? 'jpg' : fromType ?? '';
}
