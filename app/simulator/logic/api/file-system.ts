/** `wx.getFileSystemManager()` over the Worker's VirtualFs: every method in callback form and `…Sync` form. */
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import type { ApiMaker } from './api-maker';
import { bytesOf, decodeBytes, encodeText, isEncoding, toArrayBuffer, type FileEncoding } from './encoding';
import { FsError, USER_DATA_PATH, type VirtualFs } from './virtual-fs';

type Operation = (...args: unknown[]) => unknown;

export function createFileSystemApi(fs: VirtualFs, api: ApiMaker): Record<string, unknown> {
  let manager: Record<string, unknown> | undefined;
  return {
    env: { USER_DATA_PATH },
    getFileSystemManager: () => (manager ??= createFileSystemManager(fs, api)),
  };
}

export function createFileSystemManager(fs: VirtualFs, api: ApiMaker): Record<string, unknown> {
  const encodingOf = (value: unknown): FileEncoding | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (!isEncoding(value)) throw new FsError(`Invalid argument: unknown encoding "${String(value)}"`);
    return value;
  };
  const dataBytes = (data: unknown, encoding: unknown): Uint8Array => {
    if (typeof data === 'string') return encodeText(data, encodingOf(encoding) ?? 'utf8');
    const bytes = bytesOf(data);
    if (!bytes) throw new FsError('Invalid argument: data should be a String or an ArrayBuffer');
    return bytes;
  };
  const readResult = (bytes: Uint8Array, encoding: unknown): string | ArrayBuffer => {
    const chosen = encodingOf(encoding);
    return chosen ? decodeBytes(bytes, chosen) : toArrayBuffer(bytes);
  };
  const optionalNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);

  const operations: Record<string, { run: Operation; fromOptions: (o: ApiOptions) => unknown[]; result?: (value: unknown) => Record<string, unknown> }> = {
    access: { run: (path) => fs.access(path), fromOptions: (o) => [o.path] },
    readFile: {
      run: (filePath, encoding, position, length) => readResult(fs.readFile(filePath, optionalNumber(position) ?? 0, optionalNumber(length)), encoding),
      fromOptions: (o) => [o.filePath, o.encoding, o.position, o.length],
      result: (data) => ({ data }),
    },
    writeFile: { run: (filePath, data, encoding) => fs.writeFile(filePath, dataBytes(data, encoding)), fromOptions: (o) => [o.filePath, o.data, o.encoding] },
    appendFile: { run: (filePath, data, encoding) => fs.writeFile(filePath, dataBytes(data, encoding), true), fromOptions: (o) => [o.filePath, o.data, o.encoding] },
    mkdir: { run: (dirPath, recursive) => fs.mkdir(dirPath, recursive === true), fromOptions: (o) => [o.dirPath, o.recursive] },
    readdir: { run: (dirPath) => fs.readdir(dirPath), fromOptions: (o) => [o.dirPath], result: (files) => ({ files }) },
    rmdir: { run: (dirPath, recursive) => fs.rmdir(dirPath, recursive === true), fromOptions: (o) => [o.dirPath, o.recursive] },
    unlink: { run: (filePath) => fs.unlink(filePath), fromOptions: (o) => [o.filePath] },
    copyFile: { run: (src, dest) => fs.copyFile(src, dest), fromOptions: (o) => [o.srcPath, o.destPath] },
    rename: { run: (from, to) => fs.rename(from, to), fromOptions: (o) => [o.oldPath, o.newPath] },
    stat: {
      run: (path, recursive) => (recursive === true ? fs.statRecursive(path) : fs.stat(path)),
      fromOptions: (o) => [o.path, o.recursive],
      result: (stats) => ({ stats }),
    },
    truncate: { run: (filePath, length) => fs.truncate(filePath, optionalNumber(length) ?? 0), fromOptions: (o) => [o.filePath, o.length] },
    saveFile: {
      run: (tempFilePath, filePath) => {
        const target = typeof filePath === 'string' && filePath ? filePath : `${USER_DATA_PATH}/${String(tempFilePath).split('/').pop() ?? 'file'}`;
        fs.copyFile(tempFilePath, target);
        fs.unlink(tempFilePath);
        return target;
      },
      fromOptions: (o) => [o.tempFilePath, o.filePath],
      result: (savedFilePath) => ({ savedFilePath }),
    },
  };

  const manager: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(operations)) {
    manager[name] = api(name, (o) => {
      try {
        const value = op.run(...op.fromOptions(o));
        return op.result ? op.result(value) : undefined;
      } catch (error) {
        throw failure(name, error);
      }
    });
    manager[`${name}Sync`] = (...args: unknown[]) => {
      // truncateSync takes an options object; every other sync form takes positional arguments.
      const positional = name === 'truncate' && typeof args[0] === 'object' && args[0] !== null ? op.fromOptions(args[0] as ApiOptions) : args;
      try {
        return op.run(...positional);
      } catch (error) {
        throw new Error(failure(`${name}Sync`, error).message, { cause: error });
      }
    };
  }
  return manager;
}

function failure(name: string, error: unknown): ApiFailure {
  if (error instanceof FsError || error instanceof Error) return new ApiFailure(`${name}:fail ${error.message}`);
  return new ApiFailure(`${name}:fail ${String(error)}`);
}
