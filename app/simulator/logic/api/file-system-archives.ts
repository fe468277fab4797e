/** FileSystemManager methods that are async only: file info digests, saved-file listing, zip extraction. */
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import type { ApiMaker } from './api-maker';
import { bytesToBase64, decodeBytes, type FileEncoding } from './encoding';
import { encodingOf, failure } from './file-data';
import { md5Hex } from './md5';
import { USER_DATA_PATH, type VirtualFs } from './virtual-fs';
import { readZip } from './zip-reader';

export function createArchiveOperations(fs: VirtualFs, api: ApiMaker): Record<string, unknown> {
  const guarded = (name: string, impl: (o: ApiOptions) => Promise<Record<string, unknown>> | Record<string, unknown> | void) =>
    api(name, async (o) => {
      try {
        return (await impl(o)) ?? {};
      } catch (error) {
        throw failure(name, error);
      }
    });

  return {
    getFileInfo: guarded('getFileInfo', async (o) => {
      const bytes = fs.readFile(o.filePath);
      const algorithm = o.digestAlgorithm === 'sha1' ? 'sha1' : 'md5';
      const digest = algorithm === 'md5' ? md5Hex(bytes) : hex(await crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>));
      return { size: bytes.length, digest };
    }),
    getSavedFileList: guarded('getSavedFileList', () => ({
      fileList: fs.statRecursive(USER_DATA_PATH)
        .filter((entry) => entry.stats.isFile())
        .map((entry) => ({ filePath: `${USER_DATA_PATH}${entry.path}`, size: entry.stats.size, createTime: entry.stats.lastModifiedTime })),
    })),
    removeSavedFile: guarded('removeSavedFile', (o) => fs.unlink(o.filePath)),
    unzip: guarded('unzip', async (o) => {
      if (typeof o.targetPath !== 'string') throw new ApiFailure('unzip:fail parameter error: parameter.targetPath should be String');
      const entries = readZip(fs.readFile(o.zipFilePath));
      const target = o.targetPath.replace(/\/$/, '');
      if (!fs.exists(target)) fs.mkdir(target, true);
      for (const entry of entries) {
        const path = `${target}/${entry.path.replace(/\/$/, '')}`;
        if (entry.isDirectory) {
          if (!fs.exists(path)) fs.mkdir(path, true);
          continue;
        }
        const parent = path.slice(0, path.lastIndexOf('/'));
        if (!fs.exists(parent)) fs.mkdir(parent, true);
        fs.writeFile(path, await entry.read());
      }
      return {};
    }),
    readZipEntry: guarded('readZipEntry', async (o) => {
      const entries = readZip(fs.readFile(o.filePath));
      const wanted: { path: string; encoding?: FileEncoding }[] =
        o.entries === 'all'
          ? entries.filter((e) => !e.isDirectory).map((e) => ({ path: e.path, ...(encodingOf(o.encoding) ? { encoding: encodingOf(o.encoding)! } : {}) }))
          : Array.isArray(o.entries)
            ? (o.entries as { path?: unknown; encoding?: unknown }[]).map((e) => ({ path: String(e.path), ...(encodingOf(e.encoding) ? { encoding: encodingOf(e.encoding)! } : {}) }))
            : [];
      const result: Record<string, { data?: string | ArrayBuffer; errMsg: string }> = {};
      for (const { path, encoding } of wanted) {
        const entry = entries.find((e) => e.path === path);
        if (!entry) {
          result[path] = { errMsg: `readZipEntry:fail no such file or directory ${path}` };
          continue;
        }
        const bytes = await entry.read();
        result[path] = { data: encoding ? (encoding === 'base64' ? bytesToBase64(bytes) : decodeBytes(bytes, encoding)) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, errMsg: 'readZipEntry:ok' };
      }
      return { entries: result };
    }),
  };
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}
