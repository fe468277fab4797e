// Components that need a phone's native layer (camera, live-player, live-pusher, map, ad, …): an honest
// labelled box saying what it is and what it would show, firing only the events that are true here.
import { uiText } from './ui-text';
import { sheet, WxElement } from './wx-element';

export const PLACEHOLDER_CSS = `
:host { box-sizing: border-box; }
.placeholder {
  box-sizing: border-box; width: 100%; height: 100%; min-height: 44px; display: flex; flex-direction: column;
  align-items: center; justify-content: center; gap: 4px; padding: 8px; overflow: hidden; text-align: center;
  background: repeating-linear-gradient(135deg, #f2f2f2 0 10px, #e9e9e9 10px 20px); color: #888888;
  font: 13px/1.4 -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; border: 1px dashed #c8c8c8;
}
.placeholder.dark { background: #1f1f1f; color: #a0a0a0; border-color: #3a3a3a; }
.name { font-weight: 600; color: #555555; }
.dark .name { color: #dddddd; }
.detail { word-break: break-all; max-width: 100%; }
.note { font-size: 11px; opacity: .8; }
`;

/** What each placeholder says about itself: a title and the attributes worth showing. */
const DESCRIPTIONS: Readonly<Record<string, { readonly dark?: boolean; readonly show: readonly string[] }>> = {
  camera: { dark: true, show: ['devicePosition', 'mode', 'flash'] },
  'live-player': { dark: true, show: ['src', 'mode'] },
  'live-pusher': { dark: true, show: ['url', 'mode'] },
  'voip-room': { dark: true, show: ['openid', 'mode'] },
  'channel-video': { dark: true, show: ['feedId'] },
  'channel-live': { dark: true, show: ['feedId'] },
  map: { show: ['latitude', 'longitude', 'scale', 'markers'] },
};

function summarise(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value !== null && typeof value === 'object') return '{…}';
  return String(value);
}

export class WxPlaceholder extends WxElement {
  private box!: HTMLDivElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(PLACEHOLDER_CSS)];
    this.box = document.createElement('div');
    this.box.setAttribute('part', 'placeholder');
    root.append(this.box, document.createElement('slot'));
  }

  protected override connected(): void {
    const name = this.meta.spec.name;
    // Only what is true in the simulator: the map did draw (its placeholder); the camera could not start.
    queueMicrotask(() => {
      if (name === 'map') this.emit('updated', {});
      if (name === 'camera') this.emit('error', { errMsg: 'insertCamera:fail the simulator has no camera' });
      if (name === 'live-pusher') this.emit('error', { errMsg: 'the simulator cannot push a live stream', errCode: -1 });
    });
  }

  protected override render(): void {
    const name = this.meta.spec.name;
    const description = DESCRIPTIONS[name] ?? { show: [] };
    this.box.className = `placeholder${description.dark ? ' dark' : ''}`;
    const details = description.show
      .map((property) => [property, this.prop(property)] as const)
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([property, value]) => `${property}: ${summarise(value)}`);
    this.box.replaceChildren();
    const title = document.createElement('div');
    title.className = 'name';
    title.textContent = `<${name}>`;
    const detail = document.createElement('div');
    detail.className = 'detail';
    detail.textContent = details.join(' · ');
    const note = document.createElement('div');
    note.className = 'note';
    note.textContent = uiText('nativeOnly');
    this.box.append(title, detail, note);
  }
}
