/**
 * The host plays audio for the logic Worker (which has no <audio>): one HTMLAudioElement per InnerAudioContext or
 * BackgroundAudioManager, driven by `audio` messages; what happens goes back as `audio-event` messages.
 */
import type { AudioCommand, AudioEventName, AudioState, HostToWorker } from '../protocol';

/** Events of the element that WeChat's audio objects report under the same name. */
const FORWARDED: readonly AudioEventName[] = ['canplay', 'play', 'pause', 'ended', 'timeupdate', 'waiting', 'seeking', 'seeked'];

/** MediaError codes to WeChat's audio errCode (10002 network, 10003 file, 10004 format, -1 unknown). */
function errCodeOf(error: MediaError | null): number {
  switch (error?.code) {
    case 2:
      return 10002;
    case 3:
      return 10004;
    case 4:
      return 10003;
    default:
      return -1;
  }
}

export class AudioPlayers {
  private readonly players = new Map<number, HTMLAudioElement>();

  constructor(
    private readonly send: (message: HostToWorker) => void,
    private readonly resolveUrl: (src: string) => string,
  ) {}

  handle(playerId: number, command: AudioCommand): void {
    if (command.type === 'destroy') {
      this.remove(playerId);
      return;
    }
    const audio = command.type === 'load' ? this.fresh(playerId) : this.players.get(playerId);
    if (!audio) return;
    switch (command.type) {
      case 'load':
        audio.loop = command.loop;
        audio.volume = Math.min(1, Math.max(0, command.volume));
        audio.playbackRate = command.playbackRate > 0 ? command.playbackRate : 1;
        audio.preload = 'auto';
        audio.src = this.resolveUrl(command.src);
        if (command.startTime > 0) audio.currentTime = command.startTime;
        if (command.autoplay) this.play(playerId, audio);
        return;
      case 'play':
        this.play(playerId, audio);
        return;
      case 'pause':
        audio.pause();
        return;
      case 'stop':
        audio.pause();
        if (audio.readyState > 0) audio.currentTime = 0;
        this.emit(playerId, audio, 'stop');
        return;
      case 'seek':
        if (audio.readyState > 0) audio.currentTime = Math.max(0, command.position);
        return;
      case 'options':
        audio.loop = command.loop;
        audio.volume = Math.min(1, Math.max(0, command.volume));
        audio.playbackRate = command.playbackRate > 0 ? command.playbackRate : 1;
        return;
    }
  }

  /** A relaunch starts a new Worker: nothing it did not ask for keeps playing. */
  reset(): void {
    for (const id of [...this.players.keys()]) this.remove(id);
  }

  private fresh(playerId: number): HTMLAudioElement {
    this.remove(playerId);
    const audio = new Audio();
    for (const name of FORWARDED) audio.addEventListener(name, () => this.emit(playerId, audio, name));
    audio.addEventListener('error', () => {
      if (!audio.getAttribute('src')) return;
      this.emit(playerId, audio, 'error', audio.error?.message || 'the audio could not be loaded', errCodeOf(audio.error));
    });
    this.players.set(playerId, audio);
    return audio;
  }

  private play(playerId: number, audio: HTMLAudioElement): void {
    audio.play().catch((error: unknown) => {
      // a load failure arrives as the element's error event; a refused autoplay only here
      if (error instanceof DOMException && error.name === 'NotAllowedError') {
        this.emit(playerId, audio, 'error', 'play:fail the browser blocks audio until the simulator is clicked', 10001);
      }
    });
  }

  private remove(playerId: number): void {
    const audio = this.players.get(playerId);
    if (!audio) return;
    this.players.delete(playerId);
    audio.pause();
    audio.removeAttribute('src');
    audio.load();
  }

  private emit(playerId: number, audio: HTMLAudioElement, event: AudioEventName, errMsg?: string, errCode?: number): void {
    const buffered = audio.buffered.length ? audio.buffered.end(audio.buffered.length - 1) : 0;
    const state: AudioState = { currentTime: audio.currentTime, duration: Number.isFinite(audio.duration) ? audio.duration : 0, paused: audio.paused, buffered };
    this.send({ kind: 'audio-event', playerId, event, state, ...(errMsg !== undefined ? { errMsg, errCode: errCode ?? -1 } : {}) });
  }
}
