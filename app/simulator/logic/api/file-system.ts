/** `wx.getFileSystemManager()` over the Worker's VirtualFs: every method in callback form and `…Sync` form. */
import type { ApiOptions } from '../wx-callbacks';
import type { ApiMaker } from './api-maker';
import { dataBytes, failure, readResult } from './file-data';
import { FileDescriptors } from './file-descriptors';
import { createArchiveOperations } from './file-system-archives';
import { USER_DATA_PATH, type VirtualFs } from './virtual-fs';

type Operation = (...args: unknown[]) => unknown;

interface OperationSpec {
  readonly run: Operation;
  /** The async form's options → the operation's arguments. */
  readonly fromOptions: (o: ApiOptions) => unknown[];
  /** The async form's success result. */
  readonly result?: (value: unknown) => Record<string, unknown>;
  /** Sync forms take positional arguments, except these which take the same options object as the async form. */
  readonly syncTakesOptions?: boolean;
}

export function createFileSystemApi(fs: VirtualFs, api: ApiMaker): Record<string, unknown> {
  let manager: Record<string, unknown> | undefined;
  return {
    env: { USER_DATA_PATH },
    getFileSystemManager: () => (manager ??= createFileSystemManager(fs, api)),
  };
}

const optionalNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);

function pathOperations(fs: VirtualFs): Record<string, OperationSpec> {
  return {
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
    truncate: { run: (filePath, length) => fs.truncate(filePath, optionalNumber(length) ?? 0), fromOptions: (o) => [o.filePath, o.length], syncTakesOptions: true },
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
}

function descriptorOperations(fds: FileDescriptors): Record<string, OperationSpec> {
  return {
    open: { run: (filePath, flag) => fds.openFile(filePath, flag), fromOptions: (o) => [o.filePath, o.flag], result: (fd) => ({ fd }), syncTakesOptions: true },
    read: {
      run: (fd, arrayBuffer, offset, length, position) => fds.read(fd, arrayBuffer, optionalNumber(offset) ?? 0, optionalNumber(length) ?? 0, position),
      fromOptions: (o) => [o.fd, o.arrayBuffer, o.offset, o.length, o.position],
      result: (value) => value as Record<string, unknown>,
      syncTakesOptions: true,
    },
    write: {
      run: (fd, data, offset, length, position, encoding) => {
        let bytes = dataBytes(data, encoding);
        if (typeof data !== 'string') bytes = bytes.subarray(optionalNumber(offset) ?? 0, length === undefined ? undefined : (optionalNumber(offset) ?? 0) + Number(length));
        return fds.write(fd, bytes, position);
      },
      fromOptions: (o) => [o.fd, o.data, o.offset, o.length, o.position, o.encoding],
      result: (value) => value as Record<string, unknown>,
      syncTakesOptions: true,
    },
    fstat: { run: (fd) => fds.fstat(fd), fromOptions: (o) => [o.fd], result: (stats) => ({ stats }), syncTakesOptions: true },
    ftruncate: { run: (fd, length) => fds.ftruncate(fd, optionalNumber(length) ?? 0), fromOptions: (o) => [o.fd, o.length], syncTakesOptions: true },
    close: { run: (fd) => fds.close(fd), fromOptions: (o) => [o.fd], syncTakesOptions: true },
  };
}

export function createFileSystemManager(fs: VirtualFs, api: ApiMaker): Record<string, unknown> {
  const operations = { ...pathOperations(fs), ...descriptorOperations(new FileDescriptors(fs)) };
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
      const positional = op.syncTakesOptions && typeof args[0] === 'object' && args[0] !== null ? op.fromOptions(args[0] as ApiOptions) : args;
      try {
        return op.run(...positional);
      } catch (error) {
        throw new Error(failure(`${name}Sync`, error).message, { cause: error });
      }
    };
  }
  Object.assign(manager, createArchiveOperations(fs, api));
  return manager;
}
