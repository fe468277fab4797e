import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UiAction, UiResult, WorkerToHost } from '../../protocol';
import { createApiFamilies } from './index';
import { viewValueOf } from './file-urls';
import { createTestHost } from './test-host.test-support';
import { VirtualFs } from './virtual-fs';

type Fn = (options?: Record<string, unknown>) => Promise<Record<string, unknown>> | undefined;

/** The families over a test host whose "host shell" is this test: it reads `ui` messages and answers them. */
function simulator() {
  const host = createTestHost();
  const scope = new EventTarget();
  const fs = new VirtualFs();
  const wx = createApiFamilies(host, { scope, fs }) as Record<string, Fn>;
  const actions = () => host.posted.filter((m): m is Extract<WorkerToHost, { kind: 'ui' }> => m.kind === 'ui').map((m) => m.action);
  const lastAsk = async (): Promise<Extract<UiAction, { callId: number }>> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const action = actions().at(-1);
    assert.ok(action && 'callId' in action, 'the host was asked');
    return action;
  };
  const answer = (callId: number, result: UiResult) => scope.dispatchEvent(Object.assign(new Event('message'), { data: { kind: 'ui-result', callId, result } }));
  const logs = () => host.posted.flatMap((m) => (m.kind === 'log' ? [String(m.args[0])] : []));
  return { wx, host, fs, actions, lastAsk, answer, logs };
}

const png = (bytes: number[]) => new Uint8Array([137, 80, 78, 71, ...bytes]).buffer;

test('showActionSheet asks the host with the items and colour, answers tapIndex, and a cancel fails', async () => {
  const { wx, lastAsk, answer } = simulator();
  const tapped = wx.showActionSheet!({ itemList: ['A', 'B'], itemColor: '#ff0000', alertText: 'pick' })!;
  const ask = await lastAsk();
  assert.deepEqual({ ...ask, callId: 0 }, { type: 'showActionSheet', callId: 0, itemList: ['A', 'B'], itemColor: '#ff0000', alertText: 'pick' });
  answer(ask.callId, { type: 'action-sheet', tapIndex: 1 });
  assert.deepEqual(await tapped, { tapIndex: 1, errMsg: 'showActionSheet:ok' });

  const cancelled = wx.showActionSheet!({ itemList: ['A'] })!;
  const second = await lastAsk();
  assert.equal((second as { itemColor: string }).itemColor, '#000000');
  answer(second.callId, { type: 'action-sheet', tapIndex: null });
  await assert.rejects(cancelled, { errMsg: 'showActionSheet:fail cancel' });
});

test('showActionSheet refuses an empty list and more than 6 items without asking the host', async () => {
  const { wx, actions } = simulator();
  await assert.rejects(wx.showActionSheet!({ itemList: [] })!, (e: { errMsg: string }) => e.errMsg.startsWith('showActionSheet:fail parameter error'));
  await assert.rejects(wx.showActionSheet!({ itemList: ['1', '2', '3', '4', '5', '6', '7'] })!, (e: { errMsg: string }) => /larger than 6/.test(e.errMsg));
  assert.deepEqual(actions(), []);
});

test('chooseImage stores the picked files as wxfile://tmp_ files, keeps `count` of them, and the view gets a blob: URL', async () => {
  const { wx, fs, lastAsk, answer, logs } = simulator();
  const chosen = wx.chooseImage!({ count: 1, sizeType: ['compressed'], sourceType: ['album'] })!;
  const ask = await lastAsk();
  assert.deepEqual({ ...ask, callId: 0 }, { type: 'chooseFiles', callId: 0, api: 'chooseImage', accept: 'image/*', multiple: false, camera: false, album: true, compress: true });
  answer(ask.callId, {
    type: 'files',
    source: 'album',
    files: [
      { name: 'a.png', mimeType: 'image/png', lastModified: 0, bytes: png([1, 2]), width: 2, height: 1 },
      { name: 'b.png', mimeType: 'image/png', lastModified: 0, bytes: png([3]) },
    ],
  });
  const result = (await chosen) as { tempFilePaths: string[]; tempFiles: { path: string; size: number }[] };
  assert.equal(result.tempFilePaths.length, 1);
  assert.match(result.tempFilePaths[0]!, /^wxfile:\/\/tmp_[a-z0-9]+\.png$/);
  assert.deepEqual(result.tempFiles, [{ path: result.tempFilePaths[0], size: 6 }]);
  assert.deepEqual([...fs.readFile(result.tempFilePaths[0])], [137, 80, 78, 71, 1, 2]);
  assert.ok(logs().some((l) => l.includes('2 files picked, count is 1')));
  const url = viewValueOf(result.tempFilePaths[0]);
  assert.match(String(url), /^blob:/);
  assert.equal(viewValueOf(result.tempFilePaths[0]), url, 'the same file keeps its URL');
  assert.equal(viewValueOf('wxfile://tmp_missing.png'), 'wxfile://tmp_missing.png');
  assert.equal(viewValueOf('/images/a.png'), '/images/a.png');
});

test('a cancelled chooser fails with "cancel"; the camera source is named in a notice', async () => {
  const { wx, lastAsk, answer, logs } = simulator();
  const cancelled = wx.chooseImage!({})!;
  const ask = await lastAsk();
  assert.equal((ask as { camera: boolean }).camera, true);
  assert.equal((ask as { album: boolean }).album, true);
  answer(ask.callId, { type: 'files', files: null, source: 'album' });
  await assert.rejects(cancelled, { errMsg: 'chooseImage:fail cancel' });

  const fromCamera = wx.chooseImage!({ sourceType: ['camera'] })!;
  const second = await lastAsk();
  answer(second.callId, { type: 'files', source: 'camera', files: [{ name: 'p.jpg', mimeType: 'image/jpeg', lastModified: 0, bytes: png([]) }] });
  await fromCamera;
  assert.ok(logs().some((l) => l.includes('wx.chooseImage: the simulator has no camera')));
});

test('chooseMedia reports type, sizes and file types; chooseMessageFile names and kinds', async () => {
  const { wx, lastAsk, answer } = simulator();
  const media = wx.chooseMedia!({ mediaType: ['mix'] })!;
  let ask = await lastAsk();
  assert.equal((ask as { accept: string }).accept, 'image/*,video/*');
  answer(ask.callId, {
    type: 'files',
    source: 'album',
    files: [
      { name: 'a.png', mimeType: 'image/png', lastModified: 0, bytes: png([]), width: 4, height: 3 },
      { name: 'v.mp4', mimeType: 'video/mp4', lastModified: 0, bytes: new ArrayBuffer(8), width: 640, height: 360, duration: 2.5 },
    ],
  });
  const chosen = (await media) as { type: string; tempFiles: Record<string, unknown>[] };
  assert.equal(chosen.type, 'mix');
  assert.deepEqual(
    chosen.tempFiles.map((f) => [f.fileType, f.width, f.height, f.duration, f.size]),
    [
      ['image', 4, 3, 0, 4],
      ['video', 640, 360, 2.5, 8],
    ],
  );

  const files = wx.chooseMessageFile!({ count: 5, type: 'file', extension: ['pdf', '.txt'] })!;
  ask = await lastAsk();
  assert.equal((ask as { accept: string }).accept, '.pdf,.txt');
  answer(ask.callId, { type: 'files', source: 'album', files: [{ name: 'notes.txt', mimeType: 'text/plain', lastModified: 5000, bytes: new ArrayBuffer(3) }] });
  const picked = (await files) as { tempFiles: Record<string, unknown>[] };
  assert.deepEqual({ ...picked.tempFiles[0], path: '' }, { path: '', size: 3, name: 'notes.txt', type: 'file', time: 5 });
  assert.match(String(picked.tempFiles[0]!.path), /^wxfile:\/\/tmp_.*\.txt$/);
});

test('previewImage picks the current item by URL or index; wxfile paths become loadable URLs', async () => {
  const { wx, fs, actions } = simulator();
  const path = fs.createTempFile(new Uint8Array([1]), 'png');
  await wx.previewImage!({ urls: ['https://a/1.png', path], current: path });
  const shown = actions().at(-1) as Extract<UiAction, { type: 'previewMedia' }>;
  assert.equal(shown.current, 1);
  assert.equal(shown.sources[0]!.url, 'https://a/1.png');
  assert.match(shown.sources[1]!.url, /^blob:/);
  await wx.previewImage!({ urls: ['a', 'b'], current: 7 });
  assert.equal((actions().at(-1) as { current: number }).current, 1);
  await assert.rejects(wx.previewImage!({ urls: [] })!, (e: { errMsg: string }) => e.errMsg.startsWith('previewImage:fail parameter error'));
});

test('saveImageToPhotosAlbum offers a local file as a download and refuses what is not a file', async () => {
  const { wx, fs, actions } = simulator();
  const path = fs.createTempFile(new Uint8Array([1, 2]), 'jpg');
  await wx.saveImageToPhotosAlbum!({ filePath: path });
  const download = actions().at(-1) as Extract<UiAction, { type: 'downloadFile' }>;
  assert.equal(download.fileName, path.slice('wxfile://'.length));
  assert.match(download.url, /^blob:/);
  await assert.rejects(wx.saveImageToPhotosAlbum!({ filePath: 'https://x/y.png' })!, (e: { errMsg: string }) => e.errMsg.startsWith('saveImageToPhotosAlbum:fail invalid file path'));
  await assert.rejects(wx.saveImageToPhotosAlbum!({ filePath: 'wxfile://tmp_none.png' })!, { errMsg: 'saveImageToPhotosAlbum:fail file not exists: wxfile://tmp_none.png' });
});

test('hideHomeButton and enable/disableAlertBeforeUnload tell the host; a missing message is refused', async () => {
  const { wx, actions } = simulator();
  await wx.hideHomeButton!();
  await wx.enableAlertBeforeUnload!({ message: 'Sure?' });
  await wx.disableAlertBeforeUnload!();
  assert.deepEqual(actions(), [{ type: 'hideHomeButton' }, { type: 'alertBeforeUnload', message: 'Sure?' }, { type: 'alertBeforeUnload', message: null }]);
  await assert.rejects(wx.enableAlertBeforeUnload!({})!, { errMsg: 'enableAlertBeforeUnload:fail parameter error: parameter.message should be String' });
});

test('showModal: WeChat defaults, colours, and editable answers with what was typed', async () => {
  const { wx, lastAsk, answer } = simulator();
  const plain = wx.showModal!({ title: 'T', content: 'C' })!;
  const ask = await lastAsk();
  assert.deepEqual(
    { ...ask, callId: 0 },
    { type: 'showModal', callId: 0, title: 'T', content: 'C', showCancel: true, confirmText: '确定', cancelText: '取消', confirmColor: '#576B95', cancelColor: '#000000', editable: false, placeholderText: '', answerAsUiResult: true },
  );
  answer(ask.callId, { type: 'modal', confirm: false, content: '' });
  assert.deepEqual(await plain, { confirm: false, cancel: true, errMsg: 'showModal:ok' });

  const edit = wx.showModal!({ editable: true, placeholderText: 'name', content: 'Li' })!;
  const second = await lastAsk();
  answer(second.callId, { type: 'modal', confirm: true, content: 'Li Lei' });
  assert.deepEqual(await edit, { confirm: true, cancel: false, content: 'Li Lei', errMsg: 'showModal:ok' });
});
