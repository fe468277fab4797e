/**
 * The IDE contract: every request channel and event between the workbench (renderer) and the services.
 * Electron's IPC router, the browser host's WebSocket and the preload all derive from this one file.
 * Payloads are plain, structured-clone-safe data.
 */
import type { DeviceEditMessage, DeviceKind, HighlightMessage, DeviceReport, InspectTarget, LaunchOptions, NavigateOpenType, NodeMessage } from './device-protocol';
import type { Diagnostic } from './diagnostic';

export interface FileEntry {
  /** Project-relative path with forward slashes. */
  readonly path: string;
  readonly name: string;
  readonly kind: 'file' | 'directory';
  readonly size?: number;
  /** Children, for directories (already sorted: directories first, then by name). */
  readonly children?: readonly FileEntry[];
}

export interface ProjectInfo {
  /** Absolute path of the project folder on this machine. */
  readonly root: string;
  /** Display name: project.config.json `projectname`, else the folder name. */
  readonly name: string;
  readonly appId?: string;
  /** Mini-program root inside the project (`miniprogramRoot`), '' when it is the project root. */
  readonly miniprogramRoot: string;
}

export interface RecentProject {
  readonly root: string;
  readonly name: string;
  readonly openedAt: number;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: 'electron' | 'web';
  readonly platform: string;
  readonly locale: string;
}

export interface FileChange {
  readonly path: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/** One compile of the open project (the live session rebuilds on every change). */
export interface BuildSummary {
  readonly ok: boolean;
  readonly durationMs: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly buildId?: string;
  readonly finishedAt: number;
  /** What reached the simulator: a full load, a hot/relaunch update, or nothing (errors, no runtime change). */
  readonly sent: 'load' | 'update' | 'none';
}

/** Where the embedded simulator is served, and whether the live session is running. */
export interface SimulatorInfo {
  /** The simulator page URL with a fresh launch token; null when the session could not start. */
  readonly url: string | null;
  readonly origin: string | null;
  readonly error?: string;
}

export interface SimulatorUrlRequest extends LaunchOptions {
  /** Device to emulate (`iPhone 12`). */
  readonly device?: string;
}

export interface DeviceSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  readonly connectedAt: number;
}

/** Something a device sent (console, error, AppData, WXML, storage, network, status…). */
export interface DeviceReportEvent {
  readonly deviceId: string;
  readonly receivedAt: number;
  readonly message: DeviceReport;
}

export interface SearchMatch {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly length: number;
  /** The matching line (cut at 400 characters). */
  readonly preview: string;
}

export interface ProjectTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** A JSON schema the editor validates and completes project JSON files with. */
export interface EditorJsonSchema {
  readonly uri: string;
  /** Globs over the file path, such as `**` + `/app.json`; a leading `!` excludes. */
  readonly fileMatch: readonly string[];
  readonly schema: unknown;
}

/** Request channels: name → [request payload, response payload]. */
export interface RequestChannels {
  'app:info': [void, AppInfo];
  'project:open': [{ readonly root: string }, ProjectInfo];
  'project:current': [void, ProjectInfo | null];
  'project:list-files': [void, FileEntry];
  'project:read-file': [{ readonly path: string }, { readonly path: string; readonly content: string }];
  'project:write-file': [{ readonly path: string; readonly content: string }, { readonly path: string; readonly size: number }];
  'project:recent': [void, readonly RecentProject[]];
  'project:templates': [void, readonly ProjectTemplate[]];
  'project:search': [{ readonly query: string; readonly isRegex?: boolean; readonly matchCase?: boolean }, { readonly matches: readonly SearchMatch[]; readonly truncated: boolean }];
  'project:create-from-template': [{ readonly template: string; readonly parentDir: string; readonly name: string }, ProjectInfo];
  'fs:complete-folder': [{ readonly prefix: string }, readonly string[]];
  'dialog:pick-folder': [void, string | null];
  'project:create-file': [{ readonly path: string; readonly content?: string }, { readonly path: string }];
  'project:create-folder': [{ readonly path: string }, { readonly path: string }];
  'project:rename': [{ readonly from: string; readonly to: string }, { readonly from: string; readonly to: string }];
  'project:delete': [{ readonly path: string }, { readonly path: string; readonly trashed: boolean }];
  'project:new-page': [{ readonly path: string; readonly kind: 'page' | 'component' }, { readonly files: readonly string[]; readonly appJson: string | null }];
  'compiler:latest': [void, BuildSummary | null];
  'compiler:json-schemas': [void, readonly EditorJsonSchema[]];
  'compiler:build-npm': [void, { readonly packages: number; readonly durationMs: number; readonly diagnostics: readonly Diagnostic[] }];
  'device:recent-logs': [{ readonly deviceId: string }, readonly DeviceReportEvent[]];
  'simulator:url': [SimulatorUrlRequest, SimulatorInfo];
  'simulator:relaunch': [LaunchOptions, { readonly devices: number }];
  'simulator:navigate': [{ readonly openType: NavigateOpenType; readonly url?: string; readonly delta?: number }, { readonly devices: number }];
  'device:list': [void, readonly DeviceSummary[]];
  'device:inspect': [{ readonly deviceId: string; readonly what: InspectTarget }, DeviceReport];
  /** Edits page data or storage on a device (set-data / edit-storage of docs/device-protocol.md). */
  'device:edit': [{ readonly deviceId: string; readonly edit: DeviceEditMessage }, { readonly sent: boolean }];
  /** Outlines a WXML node in the device's page (the `highlight` device message). */
  'device:highlight': [{ readonly deviceId: string; readonly highlight: HighlightMessage }, { readonly sent: boolean }];
  /** Attributes, dataset, box model and styles of one WXML node (the `inspect-node` device message). */
  'device:inspect-node': [{ readonly deviceId: string; readonly webviewId: number; readonly path: readonly number[] }, NodeMessage];
  /** Turns the device's element-picking mode on or off; a pick arrives as a `picked` report. */
  'device:pick': [{ readonly deviceId: string; readonly enabled: boolean }, { readonly sent: boolean }];
  /**
   * Opens Chromium DevTools on the embedded simulator (Electron only; `x`/`y` is a point of the simulator pane in
   * window CSS pixels, so DevTools opens on the simulator's frame). The browser host refuses: its own DevTools apply.
   */
  'simulator:open-devtools': [{ readonly x?: number; readonly y?: number }, { readonly opened: boolean }];
}

/** Events from the services to the workbench: name → payload. */
export interface EventChannels {
  'project:did-change-files': { readonly changes: readonly FileChange[] };
  'project:did-open': ProjectInfo;
  'compiler:did-start': { readonly startedAt: number };
  'compiler:did-finish': BuildSummary;
  'device:did-connect': DeviceSummary;
  'device:did-disconnect': DeviceSummary;
  'device:did-report': DeviceReportEvent;
}

export type RequestChannel = keyof RequestChannels;
export type EventChannel = keyof EventChannels;
export type RequestOf<C extends RequestChannel> = RequestChannels[C][0];
export type ResponseOf<C extends RequestChannel> = RequestChannels[C][1];

/** The allowlists: adapters refuse any channel not listed here. */
export const REQUEST_CHANNELS: readonly RequestChannel[] = [
  'app:info',
  'project:open',
  'project:current',
  'project:list-files',
  'project:read-file',
  'project:write-file',
  'project:recent',
  'project:templates',
  'project:search',
  'project:create-from-template',
  'fs:complete-folder',
  'dialog:pick-folder',
  'project:create-file',
  'project:create-folder',
  'project:rename',
  'project:delete',
  'project:new-page',
  'compiler:latest',
  'compiler:json-schemas',
  'compiler:build-npm',
  'device:recent-logs',
  'simulator:url',
  'simulator:relaunch',
  'simulator:navigate',
  'device:list',
  'device:inspect',
  'device:edit',
  'device:highlight',
  'device:inspect-node',
  'device:pick',
  'simulator:open-devtools',
];

export const EVENT_CHANNELS: readonly EventChannel[] = [
  'project:did-change-files',
  'project:did-open',
  'compiler:did-start',
  'compiler:did-finish',
  'device:did-connect',
  'device:did-disconnect',
  'device:did-report',
];

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && (REQUEST_CHANNELS as readonly string[]).includes(name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name);
}

/** What the workbench sees as `window.studio`, in Electron (preload) and in the browser host alike. */
export interface StudioApi {
  invoke<C extends RequestChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Subscribes to an event; returns the disposer. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): () => void;
}

/** Error sent back across the contract: a message for the user and a stable code. */
export interface ContractError {
  readonly code: string;
  readonly message: string;
}

/** Thrown by services for errors meant for the user (bad path, missing file…); the adapters pass them through. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
