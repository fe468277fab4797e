/**
 * `wx.createInnerAudioContext` and `wx.getBackgroundAudioManager`: real objects with WeChat's properties,
 * methods and on/off listeners. The Worker cannot play sound, so the host plays each one with an <audio>
 * (host/audio-players.ts); a source that cannot load fails through onError, never by throwing.
 */
import type { AudioCommand, AudioEventName, AudioState } from '../../protocol';
import type { WxHost } from '../wx-api';
import { callListener } from './api-maker';
import { viewValueOf } from './file-urls';

type Listener = (payload?: unknown) => void;

const EVENT_NAMES: Readonly<Record<string, AudioEventName | 'prev' | 'next'>> = {
  Canplay: 'canplay',
  Play: 'play',
  Pause: 'pause',
  Stop: 'stop',
  Ended: 'ended',
  TimeUpdate: 'timeupdate',
  Error: 'error',
  Waiting: 'waiting',
  Seeking: 'seeking',
  Seeked: 'seeked',
};

let nextPlayerId = 1;

/** What both audio objects share: state mirrored from the host, listeners, and the commands. */
class AudioPlayer {
  readonly playerId = nextPlayerId++;
  private source = '';
  private state: AudioState = { currentTime: 0, duration: 0, paused: true, buffered: 0 };
  private readonly listeners = new Map<string, Set<Listener>>();
  private loopValue = false;
  private volumeValue = 1;
  private rateValue = 1;
  startTime = 0;
  autoplay = false;
  obeyMuteSwitch = true;
  referrerPolicy = 'origin';

  constructor(
    protected readonly host: WxHost,
    private readonly kind: string,
  ) {
    for (const [suffix, event] of Object.entries(EVENT_NAMES)) {
      (this as unknown as Record<string, unknown>)[`on${suffix}`] = (listener: unknown) => this.listen(event, listener);
      (this as unknown as Record<string, unknown>)[`off${suffix}`] = (listener?: unknown) => this.unlisten(event, listener);
    }
  }

  get src(): string {
    return this.source;
  }

  set src(value: string) {
    this.source = String(value ?? '');
    this.state = { currentTime: 0, duration: 0, paused: true, buffered: 0 };
    if (!this.source) return;
    this.command({
      type: 'load',
      src: sourceUrl(this.host, this.source),
      startTime: Number(this.startTime) || 0,
      autoplay: this.playsOnSrc(),
      loop: this.loopValue,
      volume: this.volumeValue,
      playbackRate: this.rateValue,
    });
  }

  get loop(): boolean {
    return this.loopValue;
  }

  set loop(value: boolean) {
    this.loopValue = Boolean(value);
    this.sendOptions();
  }

  get volume(): number {
    return this.volumeValue;
  }

  set volume(value: number) {
    this.volumeValue = Math.min(1, Math.max(0, Number(value)));
    this.sendOptions();
  }

  get playbackRate(): number {
    return this.rateValue;
  }

  set playbackRate(value: number) {
    this.rateValue = Math.min(2, Math.max(0.5, Number(value) || 1));
    this.sendOptions();
  }

  get currentTime(): number {
    return this.state.currentTime;
  }

  get duration(): number {
    return this.state.duration;
  }

  get paused(): boolean {
    return this.state.paused;
  }

  get buffered(): number {
    return this.state.buffered;
  }

  play(): void {
    if (!this.source) {
      this.fail(`${this.kind}:fail src is empty`, 10003);
      return;
    }
    this.command({ type: 'play' });
  }

  pause(): void {
    this.command({ type: 'pause' });
  }

  stop(): void {
    this.command({ type: 'stop' });
  }

  seek(position: number): void {
    this.command({ type: 'seek', position: Number(position) || 0 });
  }

  /** An event from the host's <audio>. */
  receive(event: AudioEventName, state: AudioState, errMsg?: string, errCode?: number): void {
    this.state = state;
    if (event === 'error') this.emit('error', { errMsg: errMsg ?? `${this.kind}:fail`, errCode: errCode ?? -1 });
    else this.emit(event);
  }

  /** Whether setting `src` starts playing (InnerAudioContext: when autoplay; the background manager: always). */
  protected playsOnSrc(): boolean {
    return Boolean(this.autoplay);
  }

  protected command(command: AudioCommand): void {
    this.host.post({ kind: 'audio', playerId: this.playerId, command });
  }

  protected emit(event: string, payload?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      callListener(this.host, `${this.kind} on${event} listener`, listener, ...(payload === undefined ? [] : [payload]));
    }
  }

  private fail(errMsg: string, errCode: number): void {
    queueMicrotask(() => this.emit('error', { errMsg, errCode }));
  }

  private sendOptions(): void {
    if (this.source) this.command({ type: 'options', loop: this.loopValue, volume: this.volumeValue, playbackRate: this.rateValue });
  }

  private listen(event: string, listener: unknown): void {
    if (typeof listener !== 'function') return;
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
  }

  private unlisten(event: string, listener?: unknown): void {
    if (listener === undefined) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(listener as Listener);
  }
}

export class InnerAudioContext extends AudioPlayer {
  constructor(host: WxHost, options: { useWebAudioImplement?: boolean } = {}) {
    super(host, 'InnerAudioContext');
    void options;
  }

  destroy(): void {
    this.command({ type: 'destroy' });
    players.delete(this.playerId);
  }
}

/** The app-wide player behind the system's music controls; setting `src` plays at once, as in WeChat. */
export class BackgroundAudioManager extends AudioPlayer {
  title = '';
  epname = '';
  singer = '';
  coverImgUrl = '';
  webUrl = '';
  protocol = 'http';

  constructor(host: WxHost) {
    super(host, 'BackgroundAudioManager');
    // the desktop has no lock-screen controls: prev/next never fire, but listening is allowed
    for (const name of ['Prev', 'Next']) {
      (this as unknown as Record<string, unknown>)[`on${name}`] = () => undefined;
      (this as unknown as Record<string, unknown>)[`off${name}`] = () => undefined;
    }
  }

  protected override playsOnSrc(): boolean {
    return true;
  }
}

const players = new Map<number, AudioPlayer>();

/** Package paths are resolved by the host; files of the virtual file system become blob: URLs here. */
function sourceUrl(host: WxHost, src: string): string {
  const file = viewValueOf(src);
  if (typeof file === 'string' && file !== src) return file;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return src;
  const route = host.topPage()?.route ?? '';
  return new URL(route.slice(0, route.lastIndexOf('/') + 1) + src, 'http://package/').pathname;
}

export function createAudioApi(host: WxHost, scope: EventTarget | undefined): Record<string, unknown> {
  scope?.addEventListener('message', (event) => {
    const data = (event as MessageEvent).data as { kind?: string; playerId?: number; event?: AudioEventName; state?: AudioState; errMsg?: string; errCode?: number } | undefined;
    if (data?.kind !== 'audio-event' || typeof data.playerId !== 'number' || !data.event || !data.state) return;
    players.get(data.playerId)?.receive(data.event, data.state, data.errMsg, data.errCode);
  });
  let background: BackgroundAudioManager | undefined;
  return {
    createInnerAudioContext: (options?: { useWebAudioImplement?: boolean }) => {
      const context = new InnerAudioContext(host, options);
      players.set(context.playerId, context);
      return context;
    },
    getBackgroundAudioManager: () => {
      if (!background) {
        background = new BackgroundAudioManager(host);
        players.set(background.playerId, background);
      }
      return background;
    },
  };
}
