/**
 * Messages between the three layers of the simulator: the logic Worker (user JS + glass-easel), the host shell
 * (device frame, chrome, router, page stack) and one view iframe per page. Every payload is structured-clone
 * safe. The host gives each page a MessageChannel so render batches and user events go Worker ⇄ view directly.
 */
import type { InspectorAnswer, InspectorQuery } from './inspector-protocol';

/** Render operations, flattened into one array per batch: an op code followed by its operands. */
export const RenderOp = {
  /** id, logicalName, stylingName */
  CreateElement: 1,
  /** id, text */
  CreateText: 2,
  /** id */
  CreateFragment: 3,
  /** parent, child */
  AppendChild: 4,
  /** parent, child, before */
  InsertBefore: 5,
  /** parent, child */
  RemoveChild: 6,
  /** parent, child, oldChild */
  ReplaceChild: 7,
  /** parent, before, deleteCount, fragment */
  SpliceBefore: 8,
  /** parent, fragment */
  SpliceAppend: 9,
  /** parent, before, deleteCount */
  SpliceRemove: 10,
  /** id, value */
  SetId: 11,
  /** id, cssText */
  SetStyle: 12,
  /** id, className (already prefixed with its style scope) */
  AddClass: 13,
  /** id, className */
  RemoveClass: 14,
  /** id */
  ClearClasses: 15,
  /** id, name, value (any structured-clone value) */
  SetAttribute: 16,
  /** id, name */
  RemoveAttribute: 17,
  /** id, text */
  SetText: 18,
  /** id, eventType, capture (0|1), mutLevel (0 none, 1 mut, 2 final = catch) */
  SetListener: 19,
  /** id: the Worker forgot this node; the DOM node stays where it is */
  Release: 20,
  /** sheetIndex, url, scopeName ('' when global) */
  AddStyleSheet: 21,
  /** sheetIndex */
  DisableStyleSheet: 22,
  /** id, attributeName, enabled (0|1): two-way `model:` binding */
  SetModelBinding: 23,
  /** id: the page root container created by the view at startup */
  BindRoot: 24,
  /** id, hostScopeName: marks a component host so `:host` rules apply */
  SetHostScope: 25,
} as const;
export type RenderOpCode = (typeof RenderOp)[keyof typeof RenderOp];

export const ROOT_NODE_ID = 0;

/** Heights of the native chrome in CSS px, as WeChat draws it (the status bar depends on the device). */
export const NAVIGATION_BAR_HEIGHT = 44;
export const TAB_BAR_HEIGHT = 50;

/** Screen and window metrics the Worker must know synchronously (wx.getSystemInfoSync, rpx, glass-easel). */
export interface DeviceMetrics {
  readonly model: string;
  readonly platform: 'ios' | 'android' | 'devtools';
  readonly system: string;
  readonly brand: string;
  readonly screenWidth: number;
  readonly screenHeight: number;
  readonly windowWidth: number;
  readonly windowHeight: number;
  readonly pixelRatio: number;
  readonly statusBarHeight: number;
  readonly safeArea: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly width: number; readonly height: number };
  readonly theme: 'light' | 'dark';
  readonly language: string;
  /** The capsule (menu button) rect in window coordinates. */
  readonly menuButton: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number; readonly width: number; readonly height: number };
}

export interface LaunchOptions {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly scene: number;
  readonly referrerInfo: Readonly<Record<string, unknown>>;
}

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface RuntimeErrorInfo {
  readonly kind: 'error' | 'unhandledrejection' | 'compile' | 'page-not-found';
  readonly message: string;
  /** The stack with Worker URLs replaced by original source positions where the source map knew them. */
  readonly stack: string;
  readonly location?: SourceLocation;
}

export type RouteKind = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch';

export type LifecycleName =
  | 'onLaunch'
  | 'onShow'
  | 'onHide'
  | 'onLoad'
  | 'onReady'
  | 'onUnload'
  | 'onError'
  | 'onPageNotFound';

// ---- host → Worker ----

export type HostToWorker =
  | {
      readonly kind: 'boot';
      readonly manifestUrl: string;
      readonly metrics: DeviceMetrics;
      readonly launch: LaunchOptions;
      readonly storage: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'page-create'; readonly pageId: number; readonly route: string; readonly query: Readonly<Record<string, string>>; readonly port: MessagePort; readonly openerEventChannel?: number }
  | { readonly kind: 'page-show'; readonly pageId: number }
  | { readonly kind: 'page-hide'; readonly pageId: number }
  | { readonly kind: 'page-unload'; readonly pageId: number }
  /** The page stack after a route change, bottom first (what getCurrentPages() returns). */
  | { readonly kind: 'stack'; readonly pageIds: readonly number[] }
  | { readonly kind: 'modal-result'; readonly callId: number; readonly confirm: boolean }
  /** Something happened to an audio player the host plays for the Worker (logic/api/audio.ts). */
  | { readonly kind: 'audio-event'; readonly playerId: number; readonly event: AudioEventName; readonly state: AudioState; readonly errMsg?: string; readonly errCode?: number }
  /** The answer to a host-drawn sheet or chooser (logic/api/host-ui.ts listens for it). */
  | { readonly kind: 'ui-result'; readonly callId: number; readonly result: UiResult }
  | { readonly kind: 'app-show'; readonly launch: LaunchOptions }
  | { readonly kind: 'app-hide' }
  | { readonly kind: 'route-done'; readonly callId: number; readonly ok: boolean; readonly errMsg: string; readonly eventChannel?: number }
  | { readonly kind: 'metrics'; readonly metrics: DeviceMetrics }
  | { readonly kind: 'page-pull-down'; readonly pageId: number }
  | { readonly kind: 'tab-item-tap'; readonly pageId: number; readonly index: number; readonly pagePath: string; readonly text: string }
  | { readonly kind: 'templates-update'; readonly part: string; readonly components: readonly string[] }
  /** The WXML tree of a page (the top one when pageId is absent), for the inspector. */
  | { readonly kind: 'dump-wxml'; readonly requestId: number; readonly pageId?: number }
  /** An edit from the IDE's AppData or Storage panel (logic/inspector.ts). */
  | { readonly kind: 'inspector-edit'; readonly edit: InspectorEdit }
  /** Where the WXML node at `path` (composed child indexes) is, for the inspector's outline. */
  | { readonly kind: 'inspector-locate'; readonly pageId: number; readonly path: readonly number[] }
  /** A WXML panel question about a node (inspector-protocol.ts); answered by inspector-answer with the same id. */
  | { readonly kind: 'inspector-query'; readonly requestId: number; readonly query: InspectorQuery };

export interface InspectorRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export type InspectorEdit =
  | { readonly kind: 'set-data'; readonly pageId: number; readonly path: string; readonly value: unknown; readonly remove?: boolean }
  | { readonly kind: 'storage-set'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'storage-remove'; readonly key: string }
  | { readonly kind: 'storage-clear' };

export interface WxmlNode {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly WxmlNode[];
  readonly text?: string;
}

// ---- Worker → host ----

export interface PageWindowConfig {
  readonly navigationBarTitleText?: string;
  readonly navigationBarBackgroundColor?: string;
  readonly navigationBarTextStyle?: string;
  readonly navigationStyle?: string;
  readonly backgroundColor?: string;
  readonly backgroundTextStyle?: string;
  readonly enablePullDownRefresh?: boolean;
  readonly onReachBottomDistance?: number;
  readonly disableScroll?: boolean;
  readonly pageOrientation?: string;
}

export type WorkerToHost =
  | {
      readonly kind: 'booted';
      readonly appJson: Readonly<Record<string, unknown>>;
      readonly baseUrl: string;
      readonly themeJson?: Readonly<Record<string, unknown>>;
      /** Static files: source path → package output path. */
      readonly assets: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'boot-failed'; readonly error: RuntimeErrorInfo }
  | { readonly kind: 'route'; readonly callId: number; readonly route: RouteKind; readonly url: string; readonly delta?: number; readonly eventChannel?: number }
  | { readonly kind: 'page-ready'; readonly pageId: number }
  | { readonly kind: 'page-config'; readonly pageId: number; readonly config: PageWindowConfig; readonly found: boolean }
  | { readonly kind: 'lifecycle'; readonly target: 'app' | 'page' | 'component'; readonly name: string; readonly route?: string; readonly pageId?: number }
  /** `source`: where user code called console.*, source-mapped to the project file. */
  | { readonly kind: 'log'; readonly level: 'log' | 'info' | 'warn' | 'error' | 'debug'; readonly args: readonly unknown[]; readonly source?: SourceLocation }
  | { readonly kind: 'error'; readonly error: RuntimeErrorInfo }
  | { readonly kind: 'appdata'; readonly pageId: number; readonly route: string; readonly data: unknown }
  | { readonly kind: 'storage'; readonly key: string; readonly value: string | null }
  | { readonly kind: 'storage-clear' }
  | {
      readonly kind: 'network';
      readonly id: number;
      readonly phase: 'request' | 'response' | 'error';
      /** Which wx API made the call; `request` when absent. */
      readonly api?: 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket';
      readonly method: string;
      readonly url: string;
      readonly status?: number;
      readonly duration?: number;
      readonly error?: string;
      /** Sent with phase `request`. Bodies are bounded text previews (body-preview.ts), sizes are whole bodies in bytes. */
      readonly requestHeaders?: Readonly<Record<string, string>>;
      readonly requestBody?: string;
      readonly requestSize?: number;
      /** Sent with phase `response` (and `error` when headers had arrived). */
      readonly responseHeaders?: Readonly<Record<string, string>>;
      readonly responseBody?: string;
      readonly size?: number;
    }
  | { readonly kind: 'wxml'; readonly requestId: number; readonly tree: WxmlNode | null }
  /** A template hot swap reached every live view. */
  | { readonly kind: 'hot-applied' }
  /** Answer to inspector-locate: the node's rect in its view's viewport, null when it has no box. */
  | { readonly kind: 'inspector-rect'; readonly pageId: number; readonly rect: InspectorRect | null }
  | { readonly kind: 'inspector-answer'; readonly requestId: number; readonly answer: InspectorAnswer }
  | { readonly kind: 'ui'; readonly pageId?: number; readonly action: UiAction }
  /** InnerAudioContext / BackgroundAudioManager playback, done by the host with an <audio> element per player. */
  | { readonly kind: 'audio'; readonly playerId: number; readonly command: AudioCommand }
  | { readonly kind: 'status'; readonly pages: readonly { pageId: number; route: string; ready: boolean }[] };

export type AudioCommand =
  /** A new source; `src` is a URL the host can load or a package path it resolves. */
  | { readonly type: 'load'; readonly src: string; readonly startTime: number; readonly autoplay: boolean; readonly loop: boolean; readonly volume: number; readonly playbackRate: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'stop' }
  | { readonly type: 'seek'; readonly position: number }
  | { readonly type: 'options'; readonly loop: boolean; readonly volume: number; readonly playbackRate: number }
  | { readonly type: 'destroy' };

export type AudioEventName = 'canplay' | 'play' | 'pause' | 'stop' | 'ended' | 'timeupdate' | 'error' | 'waiting' | 'seeking' | 'seeked';

export interface AudioState {
  readonly currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  readonly buffered: number;
}

/** Window-chrome requests from wx.* APIs that the host draws. */
export type UiAction =
  | { readonly type: 'setNavigationBarTitle'; readonly title: string }
  | { readonly type: 'setNavigationBarColor'; readonly frontColor: string; readonly backgroundColor: string }
  | { readonly type: 'showNavigationBarLoading' }
  | { readonly type: 'hideNavigationBarLoading' }
  | { readonly type: 'setBackgroundColor'; readonly backgroundColor: string }
  | { readonly type: 'startPullDownRefresh' }
  | { readonly type: 'stopPullDownRefresh' }
  | { readonly type: 'pageScrollTo'; readonly scrollTop: number; readonly duration: number }
  | { readonly type: 'setTabBarBadge'; readonly index: number; readonly text: string }
  | { readonly type: 'removeTabBarBadge'; readonly index: number }
  | { readonly type: 'showTabBarRedDot'; readonly index: number }
  | { readonly type: 'hideTabBarRedDot'; readonly index: number }
  | { readonly type: 'showTabBar' }
  | { readonly type: 'hideTabBar' }
  | { readonly type: 'setTabBarStyle'; readonly style: Readonly<Record<string, string>> }
  | { readonly type: 'setTabBarItem'; readonly index: number; readonly item: Readonly<Record<string, string>> }
  | { readonly type: 'showToast'; readonly title: string; readonly icon: string; readonly duration: number }
  | { readonly type: 'hideToast' }
  | {
      readonly type: 'showModal';
      readonly callId: number;
      readonly title: string;
      readonly content: string;
      readonly showCancel: boolean;
      readonly confirmText: string;
      readonly cancelText: string;
      readonly confirmColor?: string;
      readonly cancelColor?: string;
      /** An input prefilled with `content`; the answer carries what was typed. */
      readonly editable?: boolean;
      readonly placeholderText?: string;
      /** Answer with a `ui-result` (logic/api/modal.ts) instead of `modal-result`. */
      readonly answerAsUiResult?: boolean;
    }
  | { readonly type: 'showActionSheet'; readonly callId: number; readonly itemList: readonly string[]; readonly itemColor: string; readonly alertText: string }
  /** A file chooser; `camera` and `album` say which sources the call allows (both: WeChat asks first). */
  | { readonly type: 'chooseFiles'; readonly callId: number; readonly api: string; readonly accept: string; readonly multiple: boolean; readonly camera: boolean; readonly album: boolean; readonly compress: boolean }
  | { readonly type: 'previewMedia'; readonly sources: readonly PreviewSource[]; readonly current: number }
  | { readonly type: 'hideHomeButton' }
  /** The question asked when the user leaves the top page with the back button; null stops asking. */
  | { readonly type: 'alertBeforeUnload'; readonly message: string | null }
  /** A browser download of a file (the simulated photo album); `url` is loadable by the host (blob: or http). */
  | { readonly type: 'downloadFile'; readonly url: string; readonly fileName: string };

export interface PreviewSource {
  /** Absolute URL, or a package path the host resolves against the package's base URL. */
  readonly url: string;
  readonly type: 'image' | 'video';
  readonly poster?: string;
}

export interface ChosenFile {
  readonly name: string;
  readonly mimeType: string;
  readonly lastModified: number;
  readonly bytes: ArrayBuffer;
  /** Measured by the host for images and videos (the Worker has no decoder for video). */
  readonly width?: number;
  readonly height?: number;
  /** Seconds, for videos. */
  readonly duration?: number;
}

/** What the developer did with a host-drawn sheet or chooser; null means they cancelled it. */
export type UiResult =
  | { readonly type: 'action-sheet'; readonly tapIndex: number | null }
  | { readonly type: 'modal'; readonly confirm: boolean; readonly content: string }
  | { readonly type: 'files'; readonly files: readonly ChosenFile[] | null; readonly source: 'album' | 'camera' };

// ---- Worker ⇄ view (over the page's MessagePort) ----

export type WorkerToView =
  | { readonly kind: 'render'; readonly ops: readonly unknown[]; readonly ack: number }
  | {
      readonly kind: 'metrics';
      readonly metrics: DeviceMetrics;
      readonly baseUrl: string;
      readonly route: string;
      readonly config: PageWindowConfig;
      readonly assets: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'pull-down'; readonly active: boolean }
  | { readonly kind: 'query'; readonly requestId: number; readonly nodeId: number; readonly what: 'rect' | 'scroll' | 'fields' }
  | { readonly kind: 'scroll-to'; readonly scrollTop: number; readonly duration: number }
  /** Observe a node against the viewport (relativeNodeId -1) or another node; margin is CSS `top right bottom left`. */
  | {
      readonly kind: 'observe-intersection';
      readonly observerId: number;
      readonly nodeId: number;
      readonly relativeNodeId: number;
      readonly margin: string;
      readonly thresholds: readonly number[];
    }
  | { readonly kind: 'unobserve-intersection'; readonly observerId: number }
  | { readonly kind: 'reload-styles'; readonly urls: readonly string[] }
  /** A call on one built-in component of the view (canvas drawing and reads); answered with `query-result`. */
  | { readonly kind: 'node-call'; readonly requestId: number; readonly nodeId: number; readonly call: NodeCall };

/** One recorded call of a legacy CanvasContext, named as in WeChat (`setFillStyle`, `fillRect`, `set` for properties). */
export interface CanvasAction {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** A rectangle of a canvas in CSS px; the export size defaults to the rectangle × the device pixel ratio. */
export interface CanvasRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type NodeCall =
  /** Legacy canvas `draw(reserve)`: answers `{ unknown: string[] }`, the calls it did not understand. */
  | { readonly op: 'canvas-draw'; readonly actions: readonly CanvasAction[]; readonly reserve: boolean }
  /** A `type="2d"` canvas node drawn in the Worker: the view shows this ImageBitmap of its OffscreenCanvas. */
  | { readonly op: 'canvas-present'; readonly bitmap: unknown }
  /** canvasToTempFilePath: answers `{ dataUrl }` (empty when the canvas is gone or tainted). */
  | { readonly op: 'canvas-export'; readonly region: CanvasRegion | null; readonly destWidth: number; readonly destHeight: number; readonly mimeType: string; readonly quality: number }
  /** canvasGetImageData: answers `{ width, height, data }` with `data` an RGBA Uint8ClampedArray. */
  | { readonly op: 'canvas-get-image-data'; readonly region: CanvasRegion }
  | { readonly op: 'canvas-put-image-data'; readonly region: CanvasRegion; readonly data: Uint8ClampedArray };

/** A user event as WeChat shapes it; `target`/`currentTarget` are filled in the Worker from the node tree. */
export interface ViewEvent {
  readonly type: string;
  readonly nodeId: number;
  readonly detail: unknown;
  readonly bubbles: boolean;
  readonly composed: boolean;
  readonly capturePhase: boolean;
  readonly timeStamp: number;
  readonly touches: readonly TouchPoint[];
  readonly changedTouches: readonly TouchPoint[];
}

export interface RectInfo {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface IntersectionInfo {
  readonly intersectionRatio: number;
  readonly boundingClientRect: RectInfo;
  readonly intersectionRect: RectInfo;
  readonly relativeRect: RectInfo;
  readonly time: number;
}

export interface TouchPoint {
  readonly identifier: number;
  readonly pageX: number;
  readonly pageY: number;
  readonly clientX: number;
  readonly clientY: number;
  readonly force?: number;
  /** On a <canvas>: the point relative to the canvas, as WeChat gives canvas touches. */
  readonly x?: number;
  readonly y?: number;
}

export type ViewToWorker =
  | { readonly kind: 'event'; readonly event: ViewEvent }
  | { readonly kind: 'ack'; readonly ack: number }
  | { readonly kind: 'model'; readonly nodeId: number; readonly attribute: string; readonly value: unknown }
  | { readonly kind: 'query-result'; readonly requestId: number; readonly result: unknown }
  | { readonly kind: 'page-scroll'; readonly scrollTop: number; readonly scrollHeight: number; readonly clientHeight: number }
  | { readonly kind: 'reach-bottom' }
  | { readonly kind: 'pull-down' }
  | { readonly kind: 'intersection'; readonly observerId: number; readonly status: IntersectionInfo }
  | { readonly kind: 'resize'; readonly width: number; readonly height: number };
