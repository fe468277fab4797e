/** `wx.downloadFile` into the virtual file system and `wx.uploadFile` from it, with their tasks. */
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import { ListenerSet, type ApiMaker } from './api-maker';
import { isHttpUrl, type NetworkTransport } from './network-transport';
import { NetworkTask } from './request';
import type { VirtualFs } from './virtual-fs';

type Progress = { progress: number; totalBytesWritten?: number; totalBytesExpectedToWrite?: number; totalBytesSent?: number; totalBytesExpectedToSend?: number };

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
  'application/json': 'json',
  'text/plain': 'txt',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
};

export function createTransferApi(host: WxHost, api: ApiMaker, transport: NetworkTransport, fs: VirtualFs): Record<string, unknown> {
  const withTask = (name: 'downloadFile' | 'uploadFile', impl: (o: ApiOptions, task: NetworkTask, progress: ListenerSet<[Progress]>) => Promise<Record<string, unknown>>) =>
    (options: ApiOptions = {}) => {
      const task = new NetworkTask(host, name);
      const progress = new ListenerSet<[Progress]>(host, `${name}Task.onProgressUpdate`);
      const settled = api(name, (o) => impl(o, task, progress))(options);
      return (
        settled ?? {
          abort: () => task.abort(),
          onHeadersReceived: task.headersReceived.on,
          offHeadersReceived: task.headersReceived.off,
          onProgressUpdate: progress.on,
          offProgressUpdate: progress.off,
        }
      );
    };

  const downloadFile = withTask('downloadFile', async (o, task, progress) => {
    if (!isHttpUrl(o.url)) throw new ApiFailure(`downloadFile:fail invalid url "${String(o.url ?? '')}"`);
    const { response, header, report } = await task.fetch(transport, o.url, { method: 'GET', headers: stringHeaders(o.header) }, o.timeout);
    const expected = Number(response.headers.get('content-length') ?? 0);
    const bytes = await task.readBody(report, response.status, async () => {
      const reader = response.body?.getReader();
      if (!reader) return new Uint8Array(await response.arrayBuffer());
      const parts: Uint8Array[] = [];
      let written = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        written += value.length;
        const total = expected || written;
        progress.emit({ progress: Math.min(100, Math.round((written / total) * 100)), totalBytesWritten: written, totalBytesExpectedToWrite: total });
      }
      const out = new Uint8Array(written);
      let offset = 0;
      for (const part of parts) {
        out.set(part, offset);
        offset += part.length;
      }
      return out;
    });
    if (typeof o.filePath === 'string' && o.filePath) {
      try {
        fs.writeFile(o.filePath, bytes);
      } catch (error) {
        throw new ApiFailure(`downloadFile:fail ${error instanceof Error ? error.message : String(error)}`);
      }
      return { filePath: o.filePath, statusCode: response.status, header, dataLength: bytes.length };
    }
    const extension = extensionOf(o.url, header['content-type']);
    return { tempFilePath: fs.createTempFile(bytes, extension), statusCode: response.status, header, dataLength: bytes.length };
  });

  const uploadFile = withTask('uploadFile', async (o, task, progress) => {
    if (!isHttpUrl(o.url)) throw new ApiFailure(`uploadFile:fail invalid url "${String(o.url ?? '')}"`);
    if (typeof o.name !== 'string' || o.name === '') throw new ApiFailure('uploadFile:fail parameter error: parameter.name should be String');
    let bytes: Uint8Array;
    try {
      bytes = fs.readFile(o.filePath);
    } catch (error) {
      throw new ApiFailure(`uploadFile:fail ${error instanceof Error ? error.message : String(error)}`);
    }
    const form = new FormData();
    for (const [key, value] of Object.entries((o.formData ?? {}) as Record<string, unknown>)) {
      form.append(key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
    }
    const fileName = String(o.filePath).split('/').pop() || 'file';
    form.append(o.name, new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
    const headers = stringHeaders(o.header);
    // The multipart boundary comes from fetch; a caller's content-type would break it.
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
    const { response, header, report } = await task.fetch(transport, o.url, { method: 'POST', headers, body: form }, o.timeout);
    progress.emit({ progress: 100, totalBytesSent: bytes.length, totalBytesExpectedToSend: bytes.length });
    const data = await task.readBody(report, response.status, () => response.text());
    return { data, statusCode: response.status, header };
  });

  return { downloadFile, uploadFile };
}

function stringHeaders(header: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((header ?? {}) as Record<string, unknown>)) {
    if (key.toLowerCase() !== 'referer' && value !== undefined && value !== null) out[key] = String(value);
  }
  return out;
}

function extensionOf(url: string, contentType: string | undefined): string {
  const fromType = contentType ? EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] : undefined;
  if (fromType) return fromType;
  const path = url.split(/[?#]/, 1)[0]!;
  const match = /\.([a-z0-9]{1,5})$/i.exec(path.slice(path.lastIndexOf('/') + 1));
  return match ? match[1]!.toLowerCase() : '';
}

