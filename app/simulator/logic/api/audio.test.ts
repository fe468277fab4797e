import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAudioApi } from './audio';
import { createTestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => void;
type Player = Record<string, unknown> & { onCanplay: Fn; onPlay: Fn; onError: Fn; offError: Fn; onNext: Fn; play: Fn; seek: Fn };

function setup() {
  const host = createTestHost();
  const scope = new EventTarget();
  const api = createAudioApi(host, scope) as Record<string, (...args: unknown[]) => Player>;
  const hostSays = (playerId: number, event: string, extra: Record<string, unknown> = {}) =>
    scope.dispatchEvent(Object.assign(new Event('message'), { data: { kind: 'audio-event', playerId, event, state: { currentTime: 1.5, duration: 3, paused: event !== 'play', buffered: 3 }, ...extra } }));
  return { host, api, hostSays };
}

test('an InnerAudioContext sends its source and commands to the host and mirrors what the host reports', () => {
  const { host, api, hostSays } = setup();
  const audio = api.createInnerAudioContext!();
  const heard: unknown[] = [];
  audio.onCanplay(() => heard.push('canplay'));
  audio.onPlay(() => heard.push('play'));
  audio.autoplay = true;
  audio.loop = true;
  audio.src = '/audio/a.mp3';
  audio.seek(1.5);
  const commands = host.posted.filter((m) => m.kind === 'audio').map((m) => (m.kind === 'audio' ? m.command : null));
  assert.deepEqual(commands, [
    { type: 'load', src: '/audio/a.mp3', startTime: 0, autoplay: true, loop: true, volume: 1, playbackRate: 1 },
    { type: 'seek', position: 1.5 },
  ]);
  const id = (host.posted.find((m) => m.kind === 'audio') as { playerId: number }).playerId;
  hostSays(id, 'canplay');
  hostSays(id, 'play');
  assert.deepEqual(heard, ['canplay', 'play']);
  assert.equal(audio.duration, 3);
  assert.equal(audio.currentTime, 1.5);
  assert.equal(audio.paused, false);
});

test('a source that cannot load fails through onError, never by throwing; offError removes the listener', async () => {
  const { api, host, hostSays } = setup();
  const audio = api.createInnerAudioContext!();
  const errors: unknown[] = [];
  const listener = (e: unknown) => errors.push(e);
  audio.onError(listener);
  audio.play(); // no src yet
  await Promise.resolve();
  audio.src = 'https://example.invalid/a.mp3';
  const id = (host.posted.find((m) => m.kind === 'audio') as { playerId: number }).playerId;
  hostSays(id, 'error', { errMsg: 'network', errCode: 10002 });
  audio.offError(listener);
  hostSays(id, 'error', { errMsg: 'again', errCode: 10002 });
  assert.deepEqual(errors, [
    { errMsg: 'InnerAudioContext:fail src is empty', errCode: 10003 },
    { errMsg: 'network', errCode: 10002 },
  ]);
});

test('the background audio manager is one object and plays as soon as src is set', () => {
  const { api, host } = setup();
  const manager = api.getBackgroundAudioManager!();
  assert.equal(api.getBackgroundAudioManager!(), manager);
  manager.title = 'Song';
  manager.onNext(() => undefined);
  manager.src = 'pages/index/a.mp3';
  const load = host.posted.find((m) => m.kind === 'audio');
  assert.deepEqual(load && load.kind === 'audio' ? load.command : null, { type: 'load', src: '/pages/index/a.mp3', startTime: 0, autoplay: true, loop: false, volume: 1, playbackRate: 1 });
});
