// <video> and <audio> on the browser's own media elements (formats Chromium decodes), with WeChat's events:
// play, pause, ended, timeupdate {currentTime, duration}, waiting, progress {buffered}, loadedmetadata, error.
import { PLACEHOLDER_CSS } from './placeholder';
import { sheet, WxElement } from './wx-element';

const MEDIA_CSS = `
video { display: block; width: 100%; height: 100%; background: #000000; }
.audio { display: inline-flex; align-items: center; width: 290px; height: 75px; background: #fcfcfc; border: 1px solid #e0e0e0; border-radius: 3px; overflow: hidden; box-sizing: border-box; }
.poster { position: relative; width: 75px; height: 75px; background: #e6e6e6 center / cover no-repeat; flex: none; cursor: pointer; }
.poster::after { content: ""; position: absolute; inset: 0; margin: auto; width: 24px; height: 24px; border-radius: 50%; border: 1px solid #ffffff; background: rgba(0, 0, 0, .3); }
.poster::before { content: ""; position: absolute; z-index: 1; left: 50%; top: 50%; margin: -6px 0 0 -3px; border-style: solid; border-width: 6px 0 6px 10px; border-color: transparent transparent transparent #ffffff; }
.poster.playing::before { width: 3px; height: 10px; margin: -5px 0 0 -5px; border-width: 0 3px; border-color: #ffffff; }
.info { flex: 1; padding: 0 15px; overflow: hidden; font: 13px/1.6 -apple-system, "PingFang SC", sans-serif; }
.audio-name { color: #353535; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.audio-author { color: #888888; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.audio-time { color: #888888; padding-right: 12px; font: 13px -apple-system, sans-serif; }
`;

const MEDIA_ERROR: Readonly<Record<number, string>> = {
  1: 'MEDIA_ERR_ABORTED',
  2: 'MEDIA_ERR_NETWORK',
  3: 'MEDIA_ERR_DECODE',
  4: 'MEDIA_ERR_SRC_NOT_SUPPORTED',
};

/** Forwards the media element's events as WeChat's, from `element` on behalf of `host`. */
function bridgeMediaEvents(host: WxElement, media: HTMLMediaElement): void {
  media.addEventListener('play', () => host.emit('play', {}));
  media.addEventListener('pause', () => host.emit('pause', {}));
  media.addEventListener('ended', () => host.emit('ended', {}));
  media.addEventListener('waiting', () => host.emit('waiting', {}));
  media.addEventListener('timeupdate', () => host.emit('timeupdate', { currentTime: media.currentTime, duration: Number.isFinite(media.duration) ? media.duration : 0 }));
  media.addEventListener('progress', () => {
    const end = media.buffered.length ? media.buffered.end(media.buffered.length - 1) : 0;
    host.emit('progress', { buffered: media.duration ? Math.round((end / media.duration) * 100) : 0 });
  });
  media.addEventListener('error', () => {
    const code = media.error?.code ?? 0;
    host.emit('error', { errMsg: MEDIA_ERROR[code] ?? 'MEDIA_ERR_UNKNOWN' });
  });
}

export class WxVideo extends WxElement {
  private video!: HTMLVideoElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(MEDIA_CSS)];
    this.video = document.createElement('video');
    this.video.setAttribute('part', 'video');
    this.video.playsInline = true;
    bridgeMediaEvents(this, this.video);
    this.video.addEventListener('loadedmetadata', () => {
      const initial = this.prop<number>('initialTime');
      if (initial > 0) this.video.currentTime = initial;
      this.emit('loadedmetadata', { width: this.video.videoWidth, height: this.video.videoHeight, duration: this.video.duration });
    });
    this.video.addEventListener('fullscreenchange', () => this.emit('fullscreenchange', { fullScreen: document.fullscreenElement === this.video, direction: 'vertical' }));
    root.append(this.video, document.createElement('slot'));
  }

  /** VideoContext's methods, for the runtime's wx.createVideoContext. */
  get mediaElement(): HTMLVideoElement {
    return this.video;
  }

  play(): void {
    void this.video.play().catch((error: unknown) => this.emit('error', { errMsg: `play:fail ${String(error)}` }));
  }

  pause(): void {
    this.video.pause();
  }

  stop(): void {
    this.video.pause();
    this.video.currentTime = 0;
  }

  seek(position: number): void {
    this.video.currentTime = Math.max(0, Number(position) || 0);
  }

  playbackRate(rate: number): void {
    this.video.playbackRate = Number(rate) || 1;
  }

  requestFullScreen(): void {
    void this.video.requestFullscreen?.().catch(() => {});
  }

  exitFullScreen(): void {
    if (document.fullscreenElement === this.video) void document.exitFullscreen().catch(() => {});
  }

  protected override render(): void {
    const src = this.prop<string | null>('src') ?? '';
    if (this.video.getAttribute('src') !== src) {
      if (src) this.video.src = src;
      else this.video.removeAttribute('src');
    }
    this.video.controls = this.prop<boolean>('controls');
    this.video.loop = this.prop<boolean>('loop');
    this.video.muted = this.prop<boolean>('muted');
    this.video.autoplay = this.prop<boolean>('autoplay');
    this.video.poster = this.prop<string | null>('poster') ?? '';
    this.video.style.objectFit = this.prop<string>('objectFit') === 'fill' ? 'fill' : this.prop<string>('objectFit') === 'cover' ? 'cover' : 'contain';
  }
}

export class WxAudio extends WxElement {
  private audio!: HTMLAudioElement;
  private box!: HTMLDivElement;
  private posterBox!: HTMLDivElement;
  private nameLine!: HTMLDivElement;
  private authorLine!: HTMLDivElement;
  private time!: HTMLSpanElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(MEDIA_CSS), sheet(PLACEHOLDER_CSS)];
    this.audio = document.createElement('audio');
    bridgeMediaEvents(this, this.audio);
    this.audio.addEventListener('timeupdate', () => this.showTime());
    this.audio.addEventListener('play', () => this.posterBox.classList.add('playing'));
    this.audio.addEventListener('pause', () => this.posterBox.classList.remove('playing'));
    this.box = document.createElement('div');
    this.box.className = 'audio';
    this.box.setAttribute('part', 'audio');
    this.box.innerHTML = '<div class="poster" part="poster"></div><div class="info"><div class="audio-name"></div><div class="audio-author"></div></div><span class="audio-time">00:00</span>';
    this.posterBox = this.box.querySelector('.poster')!;
    this.nameLine = this.box.querySelector('.audio-name')!;
    this.authorLine = this.box.querySelector('.audio-author')!;
    this.time = this.box.querySelector('.audio-time')!;
    this.posterBox.addEventListener('click', () => (this.audio.paused ? void this.audio.play().catch(() => {}) : this.audio.pause()));
    root.append(this.audio, this.box);
  }

  get mediaElement(): HTMLAudioElement {
    return this.audio;
  }

  /** AudioContext's methods (wx.createAudioContext). */
  play(): void {
    void this.audio.play().catch((error: unknown) => this.emit('error', { errMsg: `play:fail ${String(error)}` }));
  }

  pause(): void {
    this.audio.pause();
  }

  seek(position: number): void {
    this.audio.currentTime = Math.max(0, Number(position) || 0);
  }

  private showTime(): void {
    const seconds = Math.floor(this.audio.currentTime);
    this.time.textContent = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  }

  protected override render(): void {
    const src = this.prop<string | null>('src') ?? '';
    if (this.audio.getAttribute('src') !== src) {
      if (src) this.audio.src = src;
      else this.audio.removeAttribute('src');
    }
    this.audio.loop = this.prop<boolean>('loop');
    this.box.hidden = !this.prop<boolean>('controls');
    const poster = this.prop<string | null>('poster');
    this.posterBox.style.backgroundImage = poster ? `url(${JSON.stringify(poster)})` : '';
    this.nameLine.textContent = this.prop<string>('name');
    this.authorLine.textContent = this.prop<string>('author');
  }
}
